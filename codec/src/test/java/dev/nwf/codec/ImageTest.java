package dev.nwf.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.format.NwfContainer;
import org.junit.jupiter.api.Test;

class ImageTest {
    /** The same samples held as bytes. */
    private static Image packed(Image img) {
        byte[][] b = new byte[img.channels()][(int) img.pixels()];
        for (int c = 0; c < b.length; c++) {
            for (int i = 0; i < b[c].length; i++) b[c][i] = (byte) img.plane(c)[i];
        }
        return Image.ofBytes(img.width(), img.height(), img.bitDepth(), b);
    }

    @Test
    void packedSamplesReadAsTheirIntPlanes() {
        Image ints = SyntheticImages.synthetic(19, 7, 4, 8, 3);
        Image bytes = packed(ints);
        assertTrue(bytes.sameAs(ints) && ints.sameAs(bytes));
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(ints.plane(c), bytes.plane(c));
            assertArrayEquals(ints.plane(c), bytes.copyPlane(c));
            for (int i = 0; i < ints.pixels(); i++) assertEquals(ints.plane(c)[i], bytes.at(c, i));
            assertEquals(ints.sample(c, 18, 6), bytes.sample(c, 18, 6));
        }
        assertEquals("Image[19x7x4, 8 bit]", bytes.toString());
        Image other = packed(SyntheticImages.synthetic(19, 7, 4, 8, 4));
        assertFalse(other.sameAs(bytes));
    }

    @Test
    void aCopiedPlaneIsTheCallersOwn() {
        Image bytes = packed(SyntheticImages.synthetic(8, 8, 1, 8, 5));
        int[] copy = bytes.copyPlane(0);
        assertNotSame(copy, bytes.copyPlane(0));
        int was = bytes.at(0, 3);
        copy[3] = was ^ 1;
        assertEquals(was, bytes.at(0, 3));
    }

    @Test
    void packedSamplesMustFitTheirDepth() {
        assertThrows(IllegalArgumentException.class, () -> Image.ofBytes(2, 1, 9, new byte[][] {{0, 0}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Image.ofBytes(2, 1, 4, new byte[][] {{15, 16}}));
        assertEquals("sample 16 outside 0..15", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Image.ofBytes(2, 2, 8, new byte[][] {{1, 2, 3}}));
        assertEquals(255, Image.ofBytes(1, 1, 8, new byte[][] {{(byte) 255}}).at(0, 0));
    }

    /** The encoder reads what the samples are, not how they are held: the files are the same. */
    @Test
    void packedAndIntImagesEncodeAlike() throws Exception {
        NwfCodec codec = new NwfCodec(TestModels.random(2));
        for (Image ints : new Image[] {SyntheticImages.synthetic(40, 33, 3, 8, 8),
            SyntheticImages.synthetic(37, 30, 1, 8, 9), SyntheticImages.synthetic(30, 26, 4, 8, 10)}) {
            assertArrayEquals(NwfContainer.toBytes(codec.encode(ints)), NwfContainer.toBytes(codec.encode(
                    packed(ints))), ints.toString());
        }
    }
}
