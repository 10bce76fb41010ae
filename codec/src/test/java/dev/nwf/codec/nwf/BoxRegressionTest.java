package dev.nwf.codec.nwf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxRegressionTest {
    /** The enlargement of 2×2 averages averages back to them, with no bias: offsets add to each block's average. */
    @Test
    void theEnlargementAveragesBackToItsInput() {
        Image original = SyntheticImages.fixedWaves(160, 128, 1, 8, 11);
        int[][] box = BoxRegression.average(new int[][] {original.plane(0)}, 160, 128);
        BoxRegression r = BoxRegression.fit(box, 80, 64);
        int[][] big = r.enlarge(box, 80, 64, 0, new Random(1));
        int[][] back = BoxRegression.average(big, 160, 128);
        int same = 0;
        long sum = 0;
        for (int i = 0; i < box[0].length; i++) {
            if (back[0][i] == box[0][i]) same++;
            sum += back[0][i] - box[0][i];
        }
        assertTrue(same > 0.95 * box[0].length, same + " of " + box[0].length + " blocks average back");
        assertTrue(Math.abs(sum / (double) box[0].length) < 0.05, "bias " + sum / (double) box[0].length);
    }

    @Test
    void averagesRoundHalfUpAndLeaveAnOddEdgeOut() {
        int[][] p = {{0, 1, 9, 1, 2, 9, 7, 7, 9}};
        // 3x3: one block, (0 + 1 + 1 + 2 + 2) / 4 = 1 rounded half up
        assertEquals(1, BoxRegression.average(p, 3, 3)[0][0]);
        assertEquals(1, BoxRegression.average(p, 3, 3)[0].length);
        assertEquals(-1, BoxRegression.average(new int[][] {{-1, -1, -2, -2}}, 2, 2)[0][0]);
    }

    @Test
    void aTemperatureDrawsAroundTheFit() {
        Image original = SyntheticImages.fixedWaves(96, 96, 1, 8, 2);
        int[][] box = BoxRegression.average(new int[][] {original.plane(0)}, 96, 96);
        BoxRegression r = BoxRegression.fit(box, 48, 48);
        int[][] mean = r.enlarge(box, 48, 48, 0, new Random(1));
        int[][] drawn = r.enlarge(box, 48, 48, 1, new Random(1));
        int differ = 0;
        for (int i = 0; i < mean[0].length; i++) if (mean[0][i] != drawn[0][i]) differ++;
        assertTrue(differ > 0, "a draw differs from the mean somewhere");
    }
}
