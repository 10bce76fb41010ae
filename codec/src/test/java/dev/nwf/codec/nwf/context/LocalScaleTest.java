package dev.nwf.codec.nwf.context;

import static dev.nwf.codec.nwf.context.PackedInts.all;
import static dev.nwf.codec.nwf.context.PackedInts.of;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocalScaleTest {

    /** A 4×3 low-pass rising by 2 per column and 5 per row. */
    private static final int[] RAMP = {0, 2, 4, 6, 5, 7, 9, 11, 10, 12, 14, 16};

    @Test
    void lowPassSlopesFollowEachBandsDirection() {
        int g = LocalScale.SLOPE_GAIN;
        // HL: horizontal central difference, one-sided (clamped) at the first and last column
        assertArrayEquals(new int[] {2 * g, 4 * g, 4 * g, 2 * g, 2 * g, 4 * g, 4 * g, 2 * g, 2 * g, 4 * g, 4 * g,
                2 * g},
                slopes(0));
        // LH: vertical, one-sided at the first and last row
        int[] lh = slopes(1);
        for (int x = 0; x < 4; x++) {
            assertEquals(5 * g, lh[x]);
            assertEquals(10 * g, lh[4 + x]);
            assertEquals(5 * g, lh[8 + x]);
        }
        // HH: the smaller of the two
        int[] hh = slopes(2);
        assertEquals(2 * g, hh[0]);
        assertEquals(4 * g, hh[5]);
    }

    /** RAMP's slope magnitudes for band b, sample by sample. */
    private static int[] slopes(int b) {
        int[] out = new int[RAMP.length];
        for (int i = 0; i < out.length; i++) out[i] = LocalScale.slopeAt(RAMP, i % 4, i / 4, 4, 3, b);
        return out;
    }

    @Test
    void extraCoLocatedMagnitudesCountAsArraysDo() {
        int w = 8;
        int[] mags = new int[w * w];
        byte[] net = new byte[w * w];
        for (int i = 0; i < mags.length; i++) mags[i] = (i * 37) % 400 - 200;
        int[] a = new int[w * w];
        int[] b = new int[w * w];
        java.util.Arrays.fill(a, 16 * 12);
        java.util.Arrays.fill(b, -16 * 30);
        for (int i = 0; i < mags.length; i++) {
            assertEquals(LocalScale.at(i, w, of(mags), net, all(a, b), 4, 4),
                    LocalScale.at(i, w, of(mags), net, all(a), Math.abs(b[i]), 1, 4, 4));
        }
    }

    @Test
    void aSteeperSlopeGivesALargerScale() {
        int w = 8;
        int[] mags = new int[w * w];
        byte[] net = new byte[w * w];
        int flat = LocalScale.at(w + 3, w, of(mags), net, all(new int[w * w]), LocalScale.ACROSS,
                LocalScale.ALONG);
        int[] steep = new int[w * w];
        java.util.Arrays.fill(steep, 16 * 40);
        int withSlope = LocalScale.at(w + 3, w, of(mags), net, all(steep), LocalScale.ACROSS, LocalScale.ALONG);
        assertTrue(withSlope > flat, withSlope + " vs " + flat);
    }

    /**
     * The index is the number of thresholds (geometric midpoints of neighbouring MADs, times 2^10) at or below the
     * estimate.
     */
    @Test
    void indexCountsTheThresholdsAtOrBelowTheEstimate() {
        long[] thresholds = new long[dev.nwf.codec.entropy.CodingTables.SCALES - 1];
        for (int k = 0; k < thresholds.length; k++) {
            thresholds[k] = (long) StrictMath.rint(1024 * StrictMath.sqrt((double) LocalScale.mad(k) * LocalScale.mad(k
                    + 1)));
        }
        java.util.List<Long> estimates = new java.util.ArrayList<>(java.util.List.of(0L, 1L, Long.MAX_VALUE,
                Long.MAX_VALUE / 3));
        for (long t : thresholds) for (long d = -1; d <= 1; d++) estimates.add(t + d);
        java.util.Random r = new java.util.Random(5);
        for (int k = 0; k < 20000; k++) estimates.add((long) Math.pow(2, 40 * r.nextDouble()));
        for (long est : estimates) {
            int count = 0;
            for (long t : thresholds) if (t <= est) count++;
            org.junit.jupiter.api.Assertions.assertEquals(count, LocalScale.index(est), "estimate " + est);
        }
    }
}
