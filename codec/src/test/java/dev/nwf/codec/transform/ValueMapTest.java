package dev.nwf.codec.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.entropy.CorruptStreamException;
import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Value maps (SPEC.md §4.0): which images get one, ranks and back, and every way a stored map can be wrong. */
class ValueMapTest {

    @Test
    void widenedImageMapsToItsEightBitRanks() throws CorruptStreamException {
        Image eight = SyntheticImages.synthetic(30, 20, 3, 8, 1);
        Image wide = SyntheticImages.times257(eight);
        ValueMap map = ValueMap.fit(wide);
        assertNotNull(map);
        Image ranks = map.toRanks(wide);
        assertTrue(ranks.bitDepth() <= 8);
        byte[] stored = map.toBytes();
        ValueMap read = ValueMap.read(stored, 0, stored.length, 3, 16);
        assertEquals(map.codedDepth(), read.codedDepth());
        assertTrue(wide.sameAs(read.toValues(ranks, false)));
    }

    /** The map is read from where the tool list holds it, between other bytes. */
    @Test
    void mapIsReadFromItsPlaceInTheToolList() throws CorruptStreamException {
        ValueMap map = ValueMap.fit(SyntheticImages.fewColours(20, 20, 2));
        byte[] stored = map.toBytes();
        byte[] list = new byte[stored.length + 5];
        System.arraycopy(stored, 0, list, 3, stored.length);
        assertEquals(map.describeCounts(), ValueMap.read(list, 3, 3 + stored.length, 4, 8).describeCounts());
    }

    @Test
    void imagesThatFillTheirSpanGetNoMap() {
        assertNull(ValueMap.fit(SyntheticImages.noise(40, 40, 3, 8, 3)), "every value used");
        assertNull(ValueMap.fit(SyntheticImages.synthetic(1, 37, 1, 8, 4)),
                "37 samples: the map would cost more than it saves");
        assertNull(ValueMap.fit(new Image(4, 4, 1, new int[][] {new int[16]})),
                "1-bit ranks do not beat a 1-bit image");
    }

    @Test
    void displayClampsRanksButTheFullImageRefusesThem() {
        Image wide = SyntheticImages.times257(new Image(2, 1, 8, new int[][] {{0, 255}}));
        ValueMap map = ValueMap.used(wide);
        Image tooHigh = new Image(2, 1, map.codedDepth(), new int[][] {{0, 1}});
        assertEquals(255 * 257, map.toValues(tooHigh, true).sample(0, 1, 0));
        Image beyond = new Image(1, 1, map.codedDepth(), new int[][] {{1}});
        ValueMap one = ValueMap.used(SyntheticImages.times257(new Image(1, 1, 8, new int[][] {{7}})));
        assertThrows(IllegalArgumentException.class, () -> one.toValues(beyond, false));
        assertEquals(7 * 257, one.toValues(beyond, true).sample(0, 0, 0));
    }

    @Test
    void storedMapErrorsAreNamed() {
        assertReason("not a valid DEFLATE stream", withMap(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x33}));
        assertReason("not increasing", withMap(deflate(3, 10, 5, 0)));
        assertReason("has 0 values", withMap(deflate(0)));
        assertReason("exceeds 16-bit samples", withMap(deflate(2, 65000, 1000)));
        assertReason("after its last channel", withMap(deflate(2, 10, 5, 99)));
        assertReason("ends inside a number", withMap(deflate(3, 10, 5)));
        assertReason("not fewer than the image's 16 bits", withMap(deflate(40000, 0, range(39999))));
        byte[] valid = deflate(2, 10, 5);
        byte[] trailing = java.util.Arrays.copyOf(valid, valid.length + 2);
        assertReason("after its DEFLATE stream", withMap(trailing));
        assertReason("incomplete", withMap(java.util.Arrays.copyOf(valid, valid.length - 1)));
    }

    /** Damaged maps (bytes flipped, cut or extended) give a map or a named error, never another exception. */
    @Test
    void damagedMapsFailOnlyWithNamedErrors() {
        byte[] valid = ValueMap.fit(SyntheticImages.times257(SyntheticImages.synthetic(40, 30, 2, 8, 5))).toBytes();
        java.util.Random r = new java.util.Random(6);
        int named = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] b = java.util.Arrays.copyOf(valid, Math.max(0, valid.length + r.nextInt(9) - 6));
            for (int k = 0; k <= r.nextInt(3) && b.length > 0; k++) b[r.nextInt(b.length)] ^= (byte) (1
                    + r.nextInt(255));
            try {
                ValueMap.read(b, 0, b.length, 2, 16);
            } catch (CorruptStreamException e) {
                named++;
            }
        }
        assertTrue(named > 1000, named + " of 3000 damaged maps were refused");
    }

    private static int[] range(int n) {
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    private static void assertReason(String expected, byte[] payload) {
        CorruptStreamException e = assertThrows(CorruptStreamException.class, () -> ValueMap.read(payload, 0,
                payload.length, 1, 16));
        assertTrue(e.reason().contains(expected), e.reason());
    }

    private static byte[] withMap(byte[] map) {
        return map;
    }

    private static byte[] deflate(int first, int... more) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ValueMap.writeVarint(plain, first);
        for (int v : more) ValueMap.writeVarint(plain, v);
        return deflate(plain.toByteArray());
    }

    private static byte[] deflate(int count, int first, int[] gaps) {
        int[] all = new int[gaps.length + 1];
        all[0] = first;
        System.arraycopy(gaps, 0, all, 1, gaps.length);
        return deflate(count, all);
    }

    private static byte[] deflate(byte[] plain) {
        Deflater d = new Deflater(9, true);
        d.setInput(plain);
        d.finish();
        byte[] buf = new byte[1 << 20];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

}
