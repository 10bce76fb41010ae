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
        assertReason("ends inside its count", new byte[0], 4, 8);
        assertReason("count longer than 3 bytes", new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, 1}, 4, 8);
        assertReason("palette of 0 colours", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0}, 4, 8);
        // lists the writer codes without checking them: samples beyond the depth, below 0
        assertReason("sample 1 is 300, outside 8-bit samples", PaletteList.write(new int[][] {{0, 300, 0}}, 8), 3, 8);
        assertReason("sample 0 is -1, outside 8-bit samples", PaletteList.write(new int[][] {{-1, 0, 0}}, 8), 3, 8);
        assertReason("unread bytes", java.util.Arrays.copyOf(ok, ok.length + 4), 4, 8);
        assertReason("stream", java.util.Arrays.copyOf(ok, ok.length - 4), 4, 8);
    }

    @Test
    void theListDoesNotDependOnTheColoursOrderAndKeepsEveryChannelAndDepth() throws CorruptStreamException {
        int[][] rgba = {{250, 10, 3, 255}, {0, 0, 0, 0}, {12, 200, 40, 128}, {12, 200, 41, 128}, {255, 255, 255, 255}};
        int[][] reversed = {rgba[4], rgba[3], rgba[2], rgba[1], rgba[0]};
        byte[] a = Palette.of(rgba, 8).toBytes();
        assertTrue(java.util.Arrays.equals(a, Palette.of(reversed, 8).toBytes()));
        Image indices = new Image(5, 1, 3, new int[][] {{0, 1, 2, 3, 4}});
        assertTrue(Palette.of(rgba, 8).toColours(indices, false).sameAs(
                Palette.read(a, 0, a.length, 4, 8).toColours(indices, false)));
        int[][] deep = {{65535, 0}, {30000, 65535}, {1, 2}};
        byte[] b = Palette.of(deep, 16).toBytes();
        Image three = new Image(3, 1, 2, new int[][] {{0, 1, 2}});
        assertTrue(Palette.of(deep, 16).toColours(three, false).sameAs(
                Palette.read(b, 0, b.length, 2, 16).toColours(three, false)), "gray and alpha, 16 bits");
    }

    private static void assertReason(String expected, byte[] b, int channels, int depth) {
        CorruptStreamException e = assertThrows(CorruptStreamException.class,
                () -> Palette.read(b, 0, b.length, channels, depth));
        assertTrue(e.reason().contains(expected), e.reason());
    }
}
