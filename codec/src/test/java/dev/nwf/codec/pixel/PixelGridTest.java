package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.TestImages;
import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.transform.ColourTransform;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Positions in a block grid (tool pixel-grid, SPEC.md §4.4.6): exact at edge sizes with either period and any start,
 * with and without a raster finish, the same bytes on threads; only the stride-1 level changes; a JPEG-like image
 * codes smaller with its grid.
 */
class PixelGridTest {
    /** Edge sizes, grids of both periods starting anywhere, a finish from every t and none, each part threaded. */
    @ParameterizedTest
    @CsvSource({"1,1,1,8,0,0", "9,1,1,8,3,5", "1,17,3,4,1,3", "17,17,3,8,7,7", "65,47,3,4,2,0", "129,67,4,8,3,3",
        "300,200,3,8,5,2", "200,130,1,4,0,1"})
    void everyCodingDecodesExactly(int w, int h, int channels, int period, int startX, int startY) throws Exception {
        ColourTransform ct = channels >= 3 ? ColourTransform.SUBTRACT_GREEN : ColourTransform.NONE;
        BlockGrid grid = BlockGrid.read(new byte[] {(byte) period, (byte) startX, (byte) startY}, 0);
        int plan = dev.nwf.codec.transform.LevelPlan.sizes(w, h).length;
        for (int t : new int[] {0, Math.min(4, plan - 1)}) {
            for (boolean candidates : new boolean[] {true, false}) {
                Image img = candidates ? SyntheticImages.graphic(w, h, channels, 8, 11L * w + t)
                        : SyntheticImages.noise(w, h, channels, 8, 5L * h + t);
                PixelLevelsTest.assertSameOnThreadsAndExact(new PixelLevels(ct, 0, 0, 0, candidates, true, t, grid),
                        new PixelLevels(ct, 1, 0, 0, candidates, true, t, grid), img, ct, "t " + t);
            }
        }
    }

    /** Positions are the stride-1 level's only: every level above it codes the same bytes with and without a grid. */
    @Test
    void onlyTheStrideOneLevelChanges() {
        Image img = SyntheticImages.jpegLike(SyntheticImages.waves(256, 256, 4), 256, 256, 3);
        BlockGrid grid = BlockGrid.detectThroughout(img);
        assertEquals(8, grid.period);
        for (int t : new int[] {0, 4}) {
            List<byte[]> with = new PixelLevels(ColourTransform.NONE, 0, 0, 0, false, true, t, grid)
                    .encode(img, List.of(ColourTransform.NONE), PixelLevelsTest.QUIET).payloads();
            List<byte[]> without = new PixelLevels(ColourTransform.NONE, 0, 0, 0, false, true, t)
                    .encode(img, List.of(ColourTransform.NONE), PixelLevelsTest.QUIET).payloads();
            int last = with.size() - 1;
            for (int level = 0; level < last; level++) {
                assertArrayEquals(without.get(level), with.get(level), "t " + t + ", level " + level);
            }
            assertFalse(Arrays.equals(without.get(last), with.get(last)), "t " + t);
        }
    }

    /** What the tool is for: a JPEG-like image, gray and colour, codes smaller with its grid as pixel levels. */
    @Test
    void aJpegLikeImageCodesSmallerWithItsGrid() {
        Image colour = TestImages.blocky(264, 256, 3, 7);
        Image gray = new Image(264, 256, 8, new int[][] {colour.plane(1)});
        for (Image img : List.of(gray, colour)) {
            ColourTransform ct = img.channels() == 3 ? ColourTransform.SUBTRACT_GREEN : ColourTransform.NONE;
            BlockGrid grid = BlockGrid.detectThroughout(img);
            long with = PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, false, true, 4, grid), img, ct);
            long without = PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, false, true, 4), img, ct);
            assertTrue(with < without * 0.99, img.channels() + " channels: " + with + " bytes with the grid, "
                    + without + " without");
        }
    }
}
