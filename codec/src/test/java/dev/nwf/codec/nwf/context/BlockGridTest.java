package dev.nwf.codec.nwf.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.TestImages;
import dev.nwf.codec.entropy.CorruptStreamException;
import org.junit.jupiter.api.Test;

/** Block grids (SPEC.md §6.3.5): what the encoder detects, the classes samples fall in, and refused grid bytes. */
class BlockGridTest {
    @Test
    void detectsTheGridAndWhereItsBlocksStart() {
        for (int start : new int[] {0, 3}) {
            BlockGrid g = BlockGrid.detect(TestImages.blocky(264, 256, start, 7));
            assertNotNull(g, "start " + start);
            assertEquals(8, g.period);
            assertEquals(start, g.startX, g.toString());
            assertEquals(start, g.startY, g.toString());
        }
    }

    @Test
    void smoothAndNoisyImagesHaveNoGrid() {
        assertNull(BlockGrid.detect(SyntheticImages.synthetic(264, 256, 3, 8, 8)));
        assertNull(BlockGrid.detect(SyntheticImages.noise(264, 256, 3, 8, 9)));
        assertNull(BlockGrid.detect(TestImages.blocky(120, 88, 0, 10)), "too small for the classes to pay");
    }

    /**
     * For pixel levels (SPEC.md §4.4.6) the grid must show throughout the image: a JPEG-like image's does, in every
     * tile; a plot whose axis and grid lines fool the detector in one place does not.
     */
    @Test
    void aGridThroughoutTheImageIsAJpegGrid() {
        for (int start : new int[] {0, 3, 6}) {
            BlockGrid g = BlockGrid.detectThroughout(TestImages.blocky(264, 256, start, 7));
            assertNotNull(g, "start " + start);
            assertEquals(start, g.startX);
            assertEquals(start, g.startY);
        }
        var plot = SyntheticImages.plot(800, 600);
        assertNotNull(BlockGrid.detect(plot), "the plot's lines stand out at one position mod 8");
        assertNull(BlockGrid.detectThroughout(plot), "but not in most of its tiles");
        assertNull(BlockGrid.detectThroughout(SyntheticImages.synthetic(264, 256, 3, 8, 8)));
    }

    /**
     * Classes follow the sample's position in its block: 4 per axis at the finest level of an 8 grid, 2 next, then
     * none.
     */
    @Test
    void classesFollowThePositionInTheBlock() {
        BlockGrid g = new BlockGrid(8, 0, 0);
        assertEquals(4, g.classesPerAxis(2));
        assertEquals(2, g.classesPerAxis(4));
        assertEquals(1, g.classesPerAxis(8));
        assertEquals(0, g.classOf(0, 0, 2));
        assertEquals(3, g.classOf(3, 0, 2));
        assertEquals(0, g.classOf(4, 0, 2), "next block");
        assertEquals(4 * 2 + 1, g.classOf(5, 6, 2));
        assertEquals(3, g.classOf(1, 1, 4));
        assertEquals(0, g.classOf(5, 7, 8));
        BlockGrid shifted = new BlockGrid(8, 2, 0);
        assertEquals(3, shifted.classOf(0, 0, 2), "column 0 sits 6 pixels into a block that starts at column -6");
        assertEquals(0, shifted.classOf(1, 0, 2));
        BlockGrid four = new BlockGrid(4, 0, 0);
        assertEquals(2, four.classesPerAxis(2));
        assertEquals(1, four.classesPerAxis(4));
    }

    @Test
    void classTablesAgreeWithClassOf() {
        for (BlockGrid g : new BlockGrid[] {new BlockGrid(8, 3, 5), new BlockGrid(4, 1, 0), new BlockGrid(8, 0, 0)}) {
            for (int stride : new int[] {2, 4, 8, 16}) {
                int[][] t = g.classTables(23, 17, stride);
                for (int y = 0; y < 17; y++) {
                    for (int x = 0; x < 23; x++) assertEquals(g.classOf(x, y, stride), t[1][y] + t[0][x],
                            g + " stride " + stride + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void gridBytesRoundTripAndBadOnesAreNamed() throws CorruptStreamException {
        BlockGrid g = new BlockGrid(4, 1, 3);
        byte[] payload = {9, 4, 1, 3, 7};
        BlockGrid back = BlockGrid.read(payload, 1);
        assertEquals(g.toString(), back.toString());
        assertArrayEquals(g.bytes(), java.util.Arrays.copyOfRange(payload, 1, 4));
        assertReason("not 4 or 8", new byte[] {6, 0, 0});
        assertReason("outside its period", new byte[] {4, 4, 0});
        assertReason("outside its period", new byte[] {8, 0, 8});
        assertReason("ends inside the block grid", new byte[] {8, 0});
    }

    private static void assertArrayEquals(byte[] a, byte[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }

    private static void assertReason(String expected, byte[] payload) {
        CorruptStreamException e = assertThrows(CorruptStreamException.class, () -> BlockGrid.read(payload, 0));
        assertTrue(e.reason().contains(expected), e.reason());
    }
}
