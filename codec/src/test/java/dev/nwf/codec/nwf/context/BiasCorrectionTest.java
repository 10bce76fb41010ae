package dev.nwf.codec.nwf.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BiasCorrectionTest {
    @Test
    void aContextCorrectsByHalfItsMeanErrorOnceItHasSeenEnough() {
        BiasCorrection bias = new BiasCorrection(2, 8, false);
        int ctx = BiasCorrection.context(20, 40, 3, -2, true, 5);
        for (int k = 0; k < BiasCorrection.MIN_COUNT; k++) {
            assertEquals(100, bias.correct(1, 2, ctx, 100), "no correction before " + BiasCorrection.MIN_COUNT
                    + " errors");
            bias.learn(k % 2 == 0 ? 40 : 24); // mean error 32
        }
        assertEquals(116, bias.correct(1, 2, ctx, 100));
        // other channels, bands and contexts keep their own counts
        assertEquals(100, bias.correct(0, 2, ctx, 100));
        assertEquals(100, bias.correct(1, 1, ctx, 100));
        assertEquals(100, bias.correct(1, 2, BiasCorrection.context(20, 40, 3, -2, false, 5), 100));
    }

    @Test
    void withTheErrorFeedbackEachContextSplitsByTheSignOfTheCoLocatedError() {
        BiasCorrection bias = new BiasCorrection(1, 8, true);
        int ctx = BiasCorrection.context(20, 40, 3, -2, true, 5);
        Set<Integer> split = new HashSet<>();
        for (int e : new int[] {-9, 0, 9}) split.add(BiasCorrection.withFeedback(ctx, e));
        assertEquals(3, split.size());
        int last = BiasCorrection.withFeedback(BiasCorrection.CONTEXTS - 1, 1);
        for (int k = 0; k < BiasCorrection.MIN_COUNT; k++) {
            bias.correct(0, 0, last, 0);
            bias.learn(64);
        }
        assertEquals(32, bias.correct(0, 0, last, 0), "the largest context has a slot of its own");
        assertEquals(0, bias.correct(0, 0, BiasCorrection.withFeedback(BiasCorrection.CONTEXTS - 1, -1), 0));
    }

    @Test
    void halvingKeepsTheMeanAndOutliersAreClipped() {
        BiasCorrection bias = new BiasCorrection(1, 8, false);
        int ctx = BiasCorrection.context(30, -600, 0, 0, false, -1);
        for (int k = 0; k < 3 * BiasCorrection.HALVE_AT; k++) {
            bias.correct(0, 0, ctx, 0);
            bias.learn(-64);
        }
        assertEquals(-32, bias.correct(0, 0, ctx, 0));
        for (int k = 0; k < BiasCorrection.HALVE_AT; k++) {
            bias.correct(0, 0, ctx, 0);
            bias.learn(1_000_000); // counts as ERROR_LIMIT
        }
        int after = bias.correct(0, 0, ctx, 0);
        assertTrue(after > 0 && after <= BiasCorrection.ERROR_LIMIT / 2, "follows the image, bounded: " + after);
    }

    @Test
    void contextsCoverTheirRangeExactlyOnce() {
        Set<Integer> seen = new HashSet<>();
        int[] locals = {0, 8, 12, 16, 20, 24, 28, 40};
        int[] means = {-600, -200, -50, -10, 0, 10, 50, 200, 600};
        int[] signs = {-5, 0, 5};
        for (int local : locals) for (int mean : means) for (int left : signs) for (int up : signs) {
            for (boolean finest : new boolean[] {false, true}) for (int slope : signs) {
                int ctx = BiasCorrection.context(local, mean, left, up, finest, slope);
                assertTrue(ctx >= 0 && ctx < BiasCorrection.CONTEXTS, "context " + ctx);
                seen.add(ctx);
            }
        }
        assertEquals(BiasCorrection.CONTEXTS, seen.size());
        assertEquals(BiasCorrection.context(0, 0, 0, 0, true, 0), BiasCorrection.context(7, 7, 0, 0, true, 0),
                "activity and mean classes");
        assertEquals(BiasCorrection.context(40, 1 << 20, 1, 1, true, 1), BiasCorrection.context(71, 512, 9, 9, true, 9),
                "top classes");
    }

    @Test
    void activityIsReadOnTheEightBitScale() {
        BiasCorrection eight = new BiasCorrection(1, 8, false);
        BiasCorrection sixteen = new BiasCorrection(1, 16, false);
        for (int local = 0; local < 40; local++) {
            assertEquals(eight.contextAtDepth(local, 100, 1, -1, true, 3),
                    sixteen.contextAtDepth(local + 32, 100, 1, -1, true, 3));
        }
        assertEquals(BiasCorrection.context(20, 5, 0, 0, false, 0), new BiasCorrection(1, 1, false).contextAtDepth(-8,
                5, 0, 0, false, 0));
    }

    @Test
    void slopesFollowTheBandsDirection() {
        int[] low = {0, 1, 5, 10, 20, 40}; // 3×2
        assertEquals(5, BiasCorrection.slope(low, 1, 0, 3, 2, 0));
        assertEquals(19, BiasCorrection.slope(low, 1, 0, 3, 2, 1));
        assertEquals(95, BiasCorrection.slope(low, 1, 0, 3, 2, 2));
        assertEquals(1, BiasCorrection.slope(low, 0, 0, 3, 2, 0), "clamped at the edge");
    }

    @Test
    void meanClassesAgainstTheScale() {
        assertEquals(0, BiasCorrection.meanAgainstScale(9, 40));
        assertEquals(1, BiasCorrection.meanAgainstScale(-10, 40));
        assertEquals(2, BiasCorrection.meanAgainstScale(40, 40));
        assertEquals(3, BiasCorrection.meanAgainstScale(-80, 40));
    }
}
