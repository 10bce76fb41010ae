package dev.nwf.codec.nwf.context;

import static dev.nwf.codec.nwf.context.PackedInts.all;
import static dev.nwf.codec.nwf.context.PackedInts.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScaleBlendTest {
    private static final int W = 64;
    private static final int H = 64;

    /**
     * A band whose magnitudes follow a co-located band's (each sample's magnitude random over a wide range, the
     * co-located one equal to it): the fixed blend listens mostly to the band's own neighbours, which say nothing here;
     * a learnt one should come to trust the co-located band.
     */
    private static int[][] band(int unit) {
        Random r = new Random(11);
        int[] res = new int[W * H];
        int[] co = new int[W * H];
        for (int i = 0; i < W * H; i++) {
            co[i] = (r.nextInt(2000) + 1) * unit;
            res[i] = r.nextBoolean() ? co[i] : -co[i];
        }
        return new int[][] {res, co};
    }

    /** Mean |index − the index of the sample's own magnitude| over the last quarter, learnt or fixed. */
    private static double indexError(int bitDepth, boolean learnt) {
        int[][] b = band(1 << (bitDepth - 8));
        int[] res = b[0];
        int[][] co = {b[1]};
        byte[] net = LocalScale.priorScales(W * H);
        ScaleBlend blend = new ScaleBlend(1, bitDepth).forBand();
        double error = 0;
        int from = 3 * W * H / 4;
        for (int i = 0; i < W * H; i++) {
            int index = learnt ? blend.at(sample(0, 1, i, W, res, net, co, 6, 3))
                    : LocalScale.at(i, W, of(res), net, all(co), 6, 3);
            if (learnt) blend.learn(Math.abs(res[i]));
            if (i >= from) error += Math.abs(index - LocalScale.index((long) Math.abs(res[i]) << 10));
        }
        return error / (W * H - from);
    }

    @Test
    void startsAsTheFixedBlend() {
        Random r = new Random(3);
        int n = W * H;
        int[] res = new int[n];
        int[] co = new int[n];
        for (int i = 0; i < n; i++) {
            res[i] = r.nextInt(4001) - 2000;
            co[i] = r.nextInt(3000);
        }
        byte[] net = LocalScale.priorScales(n);
        ScaleBlend blend = new ScaleBlend(1, 8);
        for (int i = 0; i < n; i++) {
            assertEquals(LocalScale.at(i, W, of(res), net, all(co), 4, 4),
                    blend.at(sample(0, 2, i, W, res, net, new int[][] {co}, 4, 4)), "sample " + i);
        }
    }

    @Test
    void learnsWhichMagnitudeForetellsTheNext() {
        double fixed = indexError(8, false);
        double learnt = indexError(8, true);
        assertTrue(learnt < 0.6 * fixed, "learnt " + learnt + " against fixed " + fixed);
    }

    @Test
    void learnsAlikeAtOtherDepths() {
        // the step works in 8-bit units: a 16-bit band (magnitudes x 256) learns as fast as an 8-bit one
        double fixed = indexError(16, false);
        double learnt = indexError(16, true);
        assertTrue(learnt < 0.6 * fixed, "learnt " + learnt + " against fixed " + fixed);
    }

    @Test
    void extremeMagnitudesStayInRange() {
        int n = W * H;
        int[] res = new int[n];
        int[] co = new int[n];
        Random r = new Random(9);
        for (int i = 0; i < n; i++) {
            res[i] = r.nextBoolean() ? Integer.MAX_VALUE : r.nextInt(3);
            co[i] = r.nextBoolean() ? Integer.MAX_VALUE : 0;
        }
        byte[] net = LocalScale.priorScales(n);
        ScaleBlend blend = new ScaleBlend(1, 1).forBand();
        for (int i = 0; i < n; i++) {
            int index = blend.at(sample(0, 0, i, W, res, net, new int[][] {co}, 3, 6));
            assertTrue(index >= 0 && index < dev.nwf.codec.entropy.CodingTables.SCALES, "index " + index + " at " + i);
            blend.learn(Math.abs(res[i]));
        }
    }

    /** The sample at index {@code i} of a band {@code w} wide, as the scale blend sees it. */
    private static Sample sample(int c, int b, int i, int w, int[] res, byte[] netScale, int[][] co, int leftWeight,
            int upWeight) {
        Sample s = new Sample(c, b, w, res.length / w);
        s.res = of(res);
        s.netScale = netScale;
        s.co = all(co);
        s.leftWeight = leftWeight;
        s.upWeight = upWeight;
        s.at(i);
        return s;
    }
}
