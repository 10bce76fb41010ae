package dev.nwf.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.RandomNets;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.codec.net.Stripes;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** DJL must compute exactly the reference's integers, in fp32 where the bound allows it and always in fp64. */
class DjlEquivalenceProperties {
    private static final int BOUND = 255;

    @Property(tries = 40)
    void fp32MatchesReferenceWhenProvablyExact(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                               @ForAll @IntRange(min = 1, max = 37) int w,
                                                       @ForAll @IntRange(min = 1, max = 29) int h) {
        Random r = new Random(seed);
        IntNet net;
        do {
            net = RandomNets.net(r, 1 + r.nextInt(4), 1 + r.nextInt(60));
        } while (!net.fp32Exact(BOUND));
        DjlEvaluator djl = new DjlEvaluator(Device.cpu(), DjlEvaluator.Precision.AUTO, BOUND);
        assertEquals(DataType.FLOAT32, djl.dataType(net));
        assertSame(net, djl, r, w, h);
    }

    @Property(tries = 40)
    void fp64MatchesReferenceBeyondTheFp32Range(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                @ForAll @IntRange(min = 1, max = 31) int w,
                                                        @ForAll @IntRange(min = 1, max = 23) int h) {
        Random r = new Random(seed);
        IntNet net = RandomNets.net(r, 1 + r.nextInt(4), 20_000 + r.nextInt(200_000));
        DjlEvaluator djl = new DjlEvaluator(Device.cpu(), DjlEvaluator.Precision.FP64, BOUND);
        assertSame(net, djl, r, w, h);
    }

    private static void assertSame(IntNet net, DjlEvaluator djl, Random r, int w, int h) {
        int[][] x = RandomNets.input(r, net.inputs(), w, h, BOUND);
        int[][] expected = ReferenceEvaluator.INSTANCE.evaluate(net, x, w, h);
        int[][] actual = djl.evaluate(net, x, w, h);
        for (int c = 0; c < expected.length; c++) assertArrayEquals(expected[c], actual[c],
                "channel " + c + " on " + djl.name());
    }

    /** DJL runs the same stripes as the reference: on a tall input it must still give the reference's integers. */
    @Property(tries = 3)
    void djlStripesGiveTheReferenceIntegers(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random r = new Random(seed);
        IntNet net = RandomNets.net(r, 1 + r.nextInt(4), 1 + r.nextInt(60));
        int w = 5;
        int h = 2 * Stripes.STRIPE_ROWS + 1 + r.nextInt(100);
        int[][] x = RandomNets.input(r, net.inputs(), w, h, 255);
        int[][] ref = ReferenceEvaluator.INSTANCE.evaluate(net, x, w, h);
        int[][] djl = new DjlEvaluator(Device.cpu(), DjlEvaluator.Precision.FP64, 255).evaluate(net, x, w, h);
        for (int c = 0; c < ref.length; c++) assertArrayEquals(ref[c], djl[c], "channel " + c);
    }
}
