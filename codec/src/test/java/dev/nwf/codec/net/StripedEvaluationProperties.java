package dev.nwf.codec.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Tall inputs run in stripes with a halo; the integers must be those of one pass over the whole input. */
class StripedEvaluationProperties {
    @Property(tries = 15)
    void stripesGiveTheWholeInputsIntegers(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                          @ForAll @IntRange(min = 1, max = 9) int w,
                                          @ForAll @IntRange(min = 2 * Stripes.REFERENCE_STRIPE_ROWS + 1,
                                                  max = 3 * Stripes.REFERENCE_STRIPE_ROWS + 40) int h) {
        Random r = new Random(seed);
        IntNet net = RandomNets.net(r, 1 + r.nextInt(4), 1 + r.nextInt(60));
        int[][] x = RandomNets.input(r, net.inputs(), w, h, 255);
        int[][] whole = ReferenceEvaluator.evaluateWhole(net, x, w, h);
        int[][] striped = Stripes.striped(net, (from, to) -> Stripes.rowsOf(x, w, from, to), w, h,
                Stripes.REFERENCE_STRIPE_ROWS, ReferenceEvaluator::evaluateWhole);
        for (int c = 0; c < whole.length; c++) assertArrayEquals(whole[c], striped[c],
                "channel " + c + ", radius " + net.receptiveRadius());
    }

    /** A narrow input's stripes cover 2^16 samples at least: a 1-pixel-wide column is not cut every 64 rows. */
    @Property(tries = 5)
    void narrowInputsGetTallerStripes(@ForAll @IntRange(min = 1, max = 5000) int w) {
        int rows = Stripes.rows(Stripes.REFERENCE_STRIPE_ROWS, w);
        org.junit.jupiter.api.Assertions.assertTrue(rows >= Stripes.REFERENCE_STRIPE_ROWS);
        org.junit.jupiter.api.Assertions.assertTrue((long) rows * w >= Stripes.MIN_STRIPE_SAMPLES
                || rows == Stripes.REFERENCE_STRIPE_ROWS, "rows " + rows + " of width " + w);
    }
}
