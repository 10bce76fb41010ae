package dev.nwf.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The meta chunk's JSON writes the bytes Jackson wrote before it (files keep their bytes) and reads what Jackson reads,
 * as the same values, on random documents of every kind of value and character.
 */
class MetaJsonProperties {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Property(tries = 300)
    void writesJacksonsBytesAndReadsItsValues(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed)
            throws Exception {
        Map<String, Object> doc = object(new Random(seed), 0);
        String ours = MetaJson.write(doc);
        assertEquals(JACKSON.writeValueAsString(doc), ours);
        assertEquals(JACKSON.readValue(ours, Object.class), MetaJson.parse(ours));
        assertEquals(doc, MetaJson.parse(ours));
        // and what Jackson reads from a pretty-printed document, with spaces and line breaks
        String pretty = JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        assertEquals(JACKSON.readValue(pretty, Object.class), MetaJson.parse(pretty));
    }

    @Test
    void malformedTextIsRefusedWithWhere() {
        for (String bad : List.of("", "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "{\"a\":1,}", "tru", "01", "1.", "\"\\x\"",
                "\"a", "{\"a\":1} x", "-", "1e", "\"\u0001\"")) {
            MetaJson.SyntaxException e = assertThrows(MetaJson.SyntaxException.class, () -> MetaJson.parse(bad), bad);
            assertEquals(true, e.getMessage().contains("at character"), e.getMessage());
        }
        assertThrows(MetaJson.SyntaxException.class, () -> MetaJson.parse("[".repeat(1000) + "]".repeat(1000)));
    }

    private static Map<String, Object> object(Random r, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < n; i++) m.put(string(r), value(r, depth + 1));
        return m;
    }

    private static Object value(Random r, int depth) {
        switch (r.nextInt(depth > 3 ? 6 : 8)) {
            case 0:
                return string(r);
            case 1:
                return r.nextInt();
            case 2:
                return r.nextBoolean() ? (long) Integer.MAX_VALUE + 1 + r.nextInt(1000) : Long.MIN_VALUE + r.nextInt(9);
            case 3:
                return r.nextBoolean();
            case 4:
                return null;
            case 5:
                return r.nextInt(2000) / 8.0 - 100;
            case 6:
                return object(r, depth);
            default:
                List<Object> a = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) a.add(value(r, depth + 1));
                return a;
        }
    }

    /** Letters, quotes, backslashes, every control character, non-ASCII and astral characters. */
    private static String string(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            switch (r.nextInt(6)) {
                case 0 -> b.append((char) r.nextInt(0x20));
                case 1 -> b.append("\"\\/".charAt(r.nextInt(3)));
                case 2 -> b.append((char) (0xA0 + r.nextInt(0x500)));
                case 3 -> b.appendCodePoint(0x1F300 + r.nextInt(200));
                case 4 -> b.append((char) 0x7F);
                default -> b.append((char) ('a' + r.nextInt(26)));
            }
        }
        return b.toString();
    }
}
