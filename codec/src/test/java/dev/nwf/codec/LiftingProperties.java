package dev.nwf.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LiftingProperties {

    @Property(tries = 300)
    void mergeInvertsSplit(@ForAll @IntRange(min = 1, max = 40) int w, @ForAll @IntRange(min = 1, max = 40) int h,
                           @ForAll @IntRange(min = 1, max = 16) int bits, @ForAll long seed) {
        Random r = new Random(seed);
        int[] x = new int[w * h];
        for (int i = 0; i < x.length; i++) x[i] = r.nextInt(1 << bits) - (r.nextBoolean() ? 0 : 1 << (bits - 1));
        assertArrayEquals(x, Lifting53.merge(Lifting53.split(x, w, h), w, h));
    }

    /** Worked by hand from SPEC.md §4.2: rows [10 14] -> lo 12 hi 4 and [20 30] -> lo 25 hi 10, then columns. */
    @Example
    void twoByTwoMatchesTheSpecArithmetic() {
        int[][] bands = Lifting53.split(new int[] {10, 14, 20, 30}, 2, 2);
        assertArrayEquals(new int[] {19}, bands[Lifting53.LL]);
        assertArrayEquals(new int[] {7}, bands[Lifting53.HL]);
        assertArrayEquals(new int[] {13}, bands[Lifting53.LH]);
        assertArrayEquals(new int[] {6}, bands[Lifting53.HH]);
    }

    /** An odd width repeats the last column, so a 1x1 image is a flat 2x2 block: all detail is zero. */
    @Example
    void paddingRepeatsTheEdge() {
        int[][] bands = Lifting53.split(new int[] {77}, 1, 1);
        assertArrayEquals(new int[] {77}, bands[Lifting53.LL]);
        for (int b = 1; b < 4; b++) assertArrayEquals(new int[] {0}, bands[b]);
    }
}
