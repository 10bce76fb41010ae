package dev.nwf.codec.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LiftingProperties {

    @Property(tries = 300)
    void mergeInvertsSplit(@ForAll @IntRange(min = 1, max = 40) int w, @ForAll @IntRange(min = 1, max = 40) int h,
                           @ForAll @IntRange(min = 1, max = 16) int bits, @ForAll Lifting.Filter filter,
                                   @ForAll long seed) {
        Random r = new Random(seed);
        int[] x = new int[w * h];
        for (int i = 0; i < x.length; i++) x[i] = r.nextInt(1 << bits) - (r.nextBoolean() ? 0 : 1 << (bits - 1));
        assertArrayEquals(x, Lifting.merge(Lifting.split(x, w, h, filter), w, h, filter));
    }

    /** Worked by hand from SPEC.md §4.2: rows [10 14] -> lo 12 hi 4 and [20 30] -> lo 25 hi 10, then columns. */
    @Example
    void twoByTwoMatchesTheSpecArithmetic() {
        int[][] bands = Lifting.split(new int[] {10, 14, 20, 30}, 2, 2, Lifting.Filter.LE_GALL_53);
        assertArrayEquals(new int[] {19}, bands[Lifting.LL]);
        assertArrayEquals(new int[] {7}, bands[Lifting.HL]);
        assertArrayEquals(new int[] {13}, bands[Lifting.LH]);
        assertArrayEquals(new int[] {6}, bands[Lifting.HH]);
    }

    /**
     * SPEC.md §4.2's Haar: rows [10 14] -> lo 12 hi 4 and [20 30] -> lo 25 hi 10; columns [12 25] -> 18, 13; [4 10] ->
     * 7, 6.
     */
    @Example
    void haarTwoByTwoMatchesTheSpecArithmetic() {
        int[][] bands = Lifting.split(new int[] {10, 14, 20, 30}, 2, 2, Lifting.Filter.HAAR);
        assertArrayEquals(new int[] {18}, bands[Lifting.LL]);
        assertArrayEquals(new int[] {7}, bands[Lifting.HL]);
        assertArrayEquals(new int[] {13}, bands[Lifting.LH]);
        assertArrayEquals(new int[] {6}, bands[Lifting.HH]);
    }

    /** The Haar filter's point: flat pairs leave no detail, whatever their neighbours (5/3 predicts across them). */
    @Example
    void haarLeavesFlatPairsWithoutDetail() {
        int[] row = {5, 5, 7, 7, 4, 4, 4, 4, 9, 9, 9, 9};
        int[][] haar = Lifting.split(row, row.length, 1, Lifting.Filter.HAAR);
        int[][] legall = Lifting.split(row, row.length, 1, Lifting.Filter.LE_GALL_53);
        assertArrayEquals(new int[6], haar[Lifting.HL]);
        org.junit.jupiter.api.Assertions.assertTrue(java.util.Arrays.stream(legall[Lifting.HL]).anyMatch(v -> v != 0));
    }

    /** An odd width repeats the last column, so a 1x1 image is a flat 2x2 block: all detail is zero. */
    @Property(tries = 2)
    void paddingRepeatsTheEdge(@ForAll Lifting.Filter filter) {
        int[][] bands = Lifting.split(new int[] {77}, 1, 1, filter);
        assertArrayEquals(new int[] {77}, bands[Lifting.LL]);
        for (int b = 1; b < 4; b++) assertArrayEquals(new int[] {0}, bands[b]);
    }
}
