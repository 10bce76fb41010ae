package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.transform.ColourTransform;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A grid position's classes (tool grid-classes, SPEC.md §4.4.10): exact at edge sizes and past the classes' start,
 * with and without a finish, candidates and the expert's other tools, the same bytes on threads; a position's set
 * predicts as one class until its 1024th sample and by the level's quarter after; the tool needs the expert and a
 * grid (src's GridClassesPhotoTest: a JPEG-compressed photo codes smaller with it; a synthetic JPEG-like image's
 * gray plane came out larger).
 */
class GridClassesTest {
    /** Edge sizes of 1 to 4 channels, every finish and none, candidates, the other expert tools or not. */
    @ParameterizedTest
    @CsvSource({"1,1,1", "9,1,3", "2,2,4", "17,17,3", "65,47,1", "129,67,3", "300,280,3", "330,300,1", "280,260,2"})
    void everyCodingDecodesExactly(int w, int h, int channels) throws Exception {
        boolean others = (w + h) % 2 == 0;
        PixelLevelsTest.assertEveryCodingExact(w, h, channels, 17L * w, 3L * h, (candidates, g) ->
                PixelTools.CANDIDATES.withCandidates(candidates).withExpert(true).withOwnErrors(others)
                        .withClasses(others).withFarContexts(others).withGridClasses(g != null));
    }

    /**
     * A position's set predicts as one class until its 1024th sample; then its four classes, started from class 0,
     * follow the level's quarter, and a level of the same quarter predicts the same.
     */
    @Test
    void aPositionsClassesStartAtItsThousandTwentyFourthSample() {
        int set = PixelScan.PASSES + 5;
        LeastSquares one = new LeastSquares(PixelScan.PASSES * 9, LeastSquares.CLASSES);
        LeastSquares four = new LeastSquares(PixelScan.PASSES * 9, LeastSquares.CLASSES, LeastSquares.GRID_CLASSES);
        Random r = new Random(7);
        boolean quartersDiffer = false;
        for (int i = 0; i < 3000; i++) {
            long[] f = new long[LeastSquares.FEATURES];
            for (int k = 0; k < f.length; k++) f[k] = r.nextInt(41) - 20;
            int level = r.nextInt(16);
            // busy neighbourhoods (high levels) follow W, quiet ones N: the quarters learn different weights
            int target = (int) (level >= 8 ? f[0] : f[1]) + r.nextInt(3) - 1;
            long a = one.predict(set, level, f);
            long b = four.predict(set, level, f);
            if (i < LeastSquares.WARM) {
                assertEquals(a, b, "sample " + i + " is before the classes start");
            } else if (i > 2000) {
                assertEquals(b, four.predict(set, (level & ~3) | ((level + 1) & 3), f), "sample " + i);
                quartersDiffer |= a != b;
            }
            one.learn(target);
            four.learn(target);
        }
        assertTrue(quartersDiffer, "the four classes predicted as one");
    }

    @Test
    void theToolNeedsTheExpertAndAGrid() throws Exception {
        BlockGrid grid = BlockGrid.read(new byte[] {8, 0, 0}, 0);
        assertThrows(IllegalArgumentException.class, () -> PixelTools.DIFFERENCES.withGridClasses(true));
        PixelTools tools = PixelTools.DIFFERENCES.withExpert(true).withGridClasses(true);
        assertThrows(IllegalArgumentException.class, () -> new PixelLevels(ColourTransform.NONE, 0, 0, 0, 0, null,
                tools));
        assertDoesNotThrow(() -> new PixelLevels(ColourTransform.NONE, 0, 0, 0, 0, grid, tools));
    }
}
