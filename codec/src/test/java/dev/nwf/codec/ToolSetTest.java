package dev.nwf.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The tool set that opens a tool list (SPEC.md §2.4.1). */
class ToolSetTest {
    private static byte[] written(int... ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ToolSet.write(out, ids);
        return out.toByteArray();
    }

    @Test
    void theUsualToolsTakeTwoBytes() {
        // colour transform, adaptive mean, zero context, bias correction, error feedback, scale blend
        assertArrayEquals(new byte[] {(byte) 0xE5, 0x03}, written(1, 3, 6, 7, 8, 9));
        assertArrayEquals(new byte[] {0x01}, written(1));
        assertArrayEquals(new byte[0], written());
    }

    @Test
    void anySetReadsBackAndIsInItsShortestForm() throws CodingToolException {
        Random r = new Random(25);
        for (int n = 0; n < 2000; n++) {
            TreeSet<Integer> ids = new TreeSet<>();
            int top = 1 + r.nextInt(255);
            int count = 1 + r.nextInt(Math.min(12, top));
            while (ids.size() < count) ids.add(1 + r.nextInt(top));
            int[] a = ids.stream().mapToInt(Integer::intValue).toArray();
            byte[] set = written(a);
            assertEquals((a[a.length - 1] - 1) / 7 + 1, set.length);
            byte[] list = java.util.Arrays.copyOf(set, set.length + 3);
            ToolSet.Read read = ToolSet.read(list);
            assertArrayEquals(a, read.ids());
            assertEquals(set.length, read.end());
        }
    }

    @Test
    void idsMustIncrease() {
        assertThrows(IllegalArgumentException.class, () -> written(3, 1));
        assertThrows(IllegalArgumentException.class, () -> written(3, 3));
        assertThrows(IllegalArgumentException.class, () -> written(256));
    }

    @Test
    void eachMalformedSetHasItsOwnMessageAndOffset() {
        assertRefused(new byte[] {0}, 0, "an empty tool set");
        assertRefused(new byte[] {(byte) 0x81, 0}, 1, "ends in a zero byte");
        assertRefused(new byte[] {(byte) 0x81, (byte) 0x80}, 2, "ends inside its tool set");
        byte[] tooLong = new byte[ToolSet.MAX_BYTES + 1];
        java.util.Arrays.fill(tooLong, (byte) 0x81);
        assertRefused(tooLong, ToolSet.MAX_BYTES, "longer than 37 bytes");
    }

    private static void assertRefused(byte[] list, int offset, String message) {
        CodingToolException e = assertThrows(CodingToolException.class, () -> ToolSet.read(list));
        assertEquals(CodingToolException.Kind.INVALID_TOOLS, e.kind());
        assertEquals(offset, e.offset());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
