package dev.nwf.codec.nwf.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZeroContextTest {
    private static final int MOST = (1 << 16) - 40;
    /** A 4×2 band whose samples before index 5 are known: 0 to the left of sample 5 and above it. */
    private static final int[] BAND = {7, 0, 3, 0, 0, 9, 0, 0};
    /** A low-pass of the band's size flat nowhere: no sample equals both neighbours along a row or a column. */
    private static final boolean[] SLOPE = ZeroContext.flatLowPass(new int[] {0, 1, 2, 3, 10, 11, 12, 13}, 4, 2);

    @Test
    void unseenContextsCodeZeroWithTheTablesFrequency() {
        ZeroContext z = new ZeroContext(3);
        for (int f : new int[] {1, 100, 5000, 40000, 1 << 16}) {
            assertEquals(Math.max(ZeroContext.MARGIN, Math.min(f, Math.min(MOST, (1 << 16) - ZeroContext.MARGIN))),
                    z.frequency(sample(0, 0, true, BAND, 5, 4, new int[3][], null, SLOPE), f, MOST));
        }
    }

    @Test
    void followsHowOftenZeroIsCoded() {
        ZeroContext z = new ZeroContext(1);
        int table = 8000;
        for (int k = 0; k < 400; k++) {
            z.frequency(sample(0, 1, true, BAND, 5, 4, new int[][] {BAND, null, null}, null, SLOPE), table, MOST);
            z.record(k % 10 == 9 ? 4 : 0); // nine zeros in ten
        }
        int learnt = z.frequency(sample(0, 1, true, BAND, 5, 4, new int[][] {BAND, null, null}, null, SLOPE), table,
                MOST);
        assertEquals(0.9 * (1 << 16), learnt, 0.03 * (1 << 16));
        // the same table frequency elsewhere has its own counts: another band, the coarser levels, another
        // neighbourhood
        assertEquals(table, z.frequency(sample(0, 2, true, BAND, 5, 4, new int[][] {BAND, BAND, null}, null, SLOPE),
                table, MOST));
        assertEquals(table, z.frequency(sample(0, 1, false, BAND, 5, 4, new int[][] {BAND, null, null}, null, SLOPE),
                table, MOST));
        assertEquals(table, z.frequency(sample(0, 1, true, BAND, 2, 4, new int[][] {BAND, null, null}, null, SLOPE),
                table, MOST));
        // a table frequency in another bucket too
        assertEquals(table / 4, z.frequency(sample(0, 1, true, BAND, 5, 4, new int[][] {BAND, null, null}, null, SLOPE),
                table / 4, MOST));
        // evidence of no zeros at all brings it down, never below the margin
        for (int k = 0; k < 5000; k++) {
            z.frequency(sample(0, 1, true, BAND, 5, 4, new int[][] {BAND, null, null}, null, SLOPE), table, MOST);
            z.record(-2);
        }
        int none = z.frequency(sample(0, 1, true, BAND, 5, 4, new int[][] {BAND, null, null}, null, SLOPE), table,
                MOST);
        assertTrue(none >= ZeroContext.MARGIN && none < table / 10, "after no zeros: " + none);
    }

    @Test
    void patternNamesWhichNeighboursAreZero() {
        int[] other = {1, 1, 1, 1, 1, 0, 1, 1};
        int[][] own = {other, BAND, null};
        int[][] luma = {null, null, other};
        // sample 5 of BAND: left (4) and up (1) are 0; band 0 at 5 is 0, band 1 (b - 1) at 5 is 9, channel 0's band 2
        // is 0
        assertEquals(1 | 2 | 8 | 16, ZeroContext.pattern(1, 2, BAND, 5, 4, own, luma, SLOPE));
        // first sample of a row: no left neighbour (not the row above's last); first row: no upper one
        int[] zeros = new int[8];
        assertEquals(2, ZeroContext.pattern(0, 0, zeros, 4, 4, new int[3][], null, SLOPE));
        assertEquals(1, ZeroContext.pattern(0, 0, zeros, 1, 4, new int[3][], null, SLOPE));
        assertEquals(0, ZeroContext.pattern(0, 0, zeros, 0, 4, new int[3][], null, SLOPE));
        // bit 5: the low-pass flat along the row (5 = 5 = 5), or along the column (clamped at the edges: 2, 2 and 2
        // again)
        int[] row = {0, 1, 2, 3, 5, 5, 5, 9};
        int[] column = {0, 2, 4, 6, 1, 2, 3, 4};
        int[] nonzero = {1, 2, 3, 4, 5, 6, 7, 8};
        assertEquals(32, ZeroContext.pattern(0, 0, nonzero, 5, 4, new int[3][], null, ZeroContext.flatLowPass(row, 4,
                2)));
        assertEquals(32, ZeroContext.pattern(0, 0, nonzero, 5, 4, new int[3][], null, ZeroContext.flatLowPass(column, 4,
                2)));
        assertEquals(0, ZeroContext.pattern(0, 0, nonzero, 6, 4, new int[3][], null, ZeroContext.flatLowPass(column, 4,
                2)));
        for (boolean f : SLOPE) assertEquals(false, f);
    }

    @Test
    void bucketsHaveFourPerHalving() {
        assertEquals(0, ZeroContext.bucket(1 << 16));
        assertEquals(0, ZeroContext.bucket(55109)); // 2^16 * 2^(-1/4) = 55108.99
        assertEquals(1, ZeroContext.bucket(55108));
        assertEquals(4, ZeroContext.bucket(1 << 15));
        assertEquals(ZeroContext.BUCKETS - 1, ZeroContext.bucket(1 << 11));
        assertEquals(ZeroContext.BUCKETS - 1, ZeroContext.bucket(1));
        for (int f = 2; f <= 1 << 16; f++) assertTrue(ZeroContext.bucket(f) <= ZeroContext.bucket(f - 1),
                "monotone at " + f);
    }

    /** The reciprocal division is exact over every divisor and numerator the counts can produce. */
    @Test
    void quotientIsExactFloorDivision() {
        long most = ((long) (ZeroContext.HALVE_AT - 1) << 16) + (long) ZeroContext.PRIOR * (1 << 16);
        java.util.Random r = new java.util.Random(9);
        for (int d = 1; d < ZeroContext.HALVE_AT + ZeroContext.PRIOR; d++) {
            for (long n : new long[] {0, 1, d - 1, d, most, most - 1, (1L << 26) - 1}) assertEquals(n / d,
                    ZeroContext.quotient(n, d), n + " / " + d);
            for (int k = 0; k < 2000; k++) {
                long n = (long) (r.nextDouble() * (1L << 26));
                assertEquals(n / d, ZeroContext.quotient(n, d), n + " / " + d);
            }
        }
    }

    /** The sample at index {@code i} of a band {@code w} wide, as the zero context sees it. */
    private static Sample sample(int c, int b, boolean finest, int[] v, int i, int w, int[][] ownBands,
            int[][] lumaBands, boolean[] flat) {
        Sample s = new Sample(c, b, w, v.length / w);
        s.finest = finest;
        s.v = v;
        s.ownBands = ownBands;
        s.lumaBands = lumaBands;
        s.flat = flat;
        s.at(i);
        return s;
    }
}
