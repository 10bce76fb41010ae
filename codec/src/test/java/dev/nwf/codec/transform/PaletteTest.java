package dev.nwf.codec.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.entropy.CorruptStreamException;
import org.junit.jupiter.api.Test;

/** The palette tool's transform (SPEC.md §4.0.1): colours to indices and back, and what a file may hold. */
class PaletteTest {
    @Test
    void fewColoursBecomeIndicesOrderedByBrightnessAndBack() throws CorruptStreamException {
        Image img = SyntheticImages.fewColours(41, 35, 22);
        Palette p = Palette.fit(img);
        assertNotNull(p);
        assertEquals(5, p.size());
        assertEquals(3, p.codedDepth());
        Image indices = p.toIndices(img);
        assertEquals(1, indices.channels());
        assertTrue(img.sameAs(p.toColours(indices, false)));
        // the transparent black comes first, then by brightness: blue, red, green, white
        Image one = new Image(1, 1, 3, new int[][] {{0}});
        assertEquals(0, p.toColours(one, false).sample(3, 0, 0), "index 0 is the transparent colour");
        byte[] stored = p.toBytes();
        Palette read = Palette.read(stored, 0, stored.length, 4, 8);
        assertTrue(img.sameAs(read.toColours(indices, false)));
    }

    @Test
    void grayAndManyColouredImagesGetNoPalette() {
        assertNull(Palette.fit(SyntheticImages.fixedWaves(30, 20, 1, 8, 1)), "gray: the value map's business");
        assertNull(Palette.fit(SyntheticImages.noise(80, 80, 3, 8, 2)), "6400 colours");
    }

    @Test
    void indicesBeyondThePaletteAreCorruptUnlessShownAsAnIntermediateLevel() {
        Palette p = Palette.fit(SyntheticImages.fewColours(20, 10, 3));
        Image beyond = new Image(1, 1, 3, new int[][] {{7}});
        assertThrows(IllegalArgumentException.class, () -> p.toColours(beyond, false));
        assertEquals(p.toColours(new Image(1, 1, 3, new int[][] {{p.size() - 1}}), false).sample(0, 0, 0),
                p.toColours(beyond, true).sample(0, 0, 0));
    }

    @Test
    void storedPaletteErrorsAreNamed() {
        Palette p = Palette.fit(SyntheticImages.fewColours(20, 10, 3));
        byte[] ok = p.toBytes();
        assertReason("not a valid DEFLATE stream", new byte[] {(byte) 0xFF, (byte) 0xFF, 0x33}, 4, 8);
        assertReason("outside 4-bit samples", ok, 4, 4);
        // one colour whose first sample is 0 - 1 (zigzag 1): differences may not leave the samples' range
        java.util.zip.Deflater d = new java.util.zip.Deflater(9, true);
        d.setInput(new byte[] {1, 1, 0, 0, 0});
        d.finish();
        byte[] buf = new byte[64];
        byte[] negative = java.util.Arrays.copyOf(buf, d.deflate(buf));
        assertReason("sample 0 is -1, outside 8-bit samples", negative, 4, 8);
        assertReason("ends inside a number", ok, 4 + 0, 16, 3);
        byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 2);
        assertReason("after its DEFLATE stream", trailing, 4, 8);
    }

    private static void assertReason(String expected, byte[] b, int channels, int depth) {
        CorruptStreamException e = assertThrows(CorruptStreamException.class, () -> Palette.read(b, 0, b.length, channels, depth));
        assertTrue(e.reason().contains(expected), e.reason());
    }

    /**
     * The palette read with fewer channels than it was written with: the numbers run out inside a colour, remain, or
     * (differences read against the wrong channel) leave the samples' range.
     */
    private static void assertReason(String expected, byte[] b, int writtenChannels, int depth, int readChannels) {
        CorruptStreamException e = assertThrows(CorruptStreamException.class,
                () -> Palette.read(b, 0, b.length, readChannels + 2, depth));
        assertTrue(e.reason().contains(expected) || e.reason().contains("after its last colour")
                || e.reason().contains("outside " + depth + "-bit samples"), e.reason());
    }
}
