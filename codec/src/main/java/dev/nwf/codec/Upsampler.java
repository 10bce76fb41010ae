package dev.nwf.codec;

import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.net.NetEvaluator;
import java.util.Random;

/**
 * Upsampling with the learned prior (SPEC.md §6.4): the input is taken as a low-pass level; each doubling fills the
 * missing high-pass bands with the prior's mean (temperature 0) or a sample from its logistic with the scale
 * multiplied by the temperature, then merges as a decoder would.
 */
final class Upsampler {
    private Upsampler() {
    }

    static Image upsample(NetEvaluator eval, NwfModel model, Image small, int doublings, double temperature, long seed) {
        boolean ct = ColourTransform.appliesTo(small.channels());
        int[][] planes = new int[small.channels()][];
        for (int c = 0; c < planes.length; c++) planes[c] = small.plane(c).clone();
        if (ct) ColourTransform.forward(planes);
        Random r = new Random(seed);
        int w = small.width();
        int h = small.height();
        for (int d = 0; d < doublings; d++) {
            int[][][] bands = new int[planes.length][][];
            for (int c = 0; c < planes.length; c++) {
                HighPassPrior.BandParams[] p = HighPassPrior.predict(eval, model.prior(), planes[c], planes[0], c == 0 ? null : bands[0],
                        c > 0, w, h, small.bitDepth());
                bands[c] = new int[3][];
                for (int b = 0; b < 3; b++) bands[c][b] = draw(p[b], temperature, r);
            }
            w *= 2;
            h *= 2;
            planes = Pyramid.merge(planes, bands, w, h);
        }
        return Pyramid.toImage(planes, w, h, small.bitDepth(), ct, true);
    }

    private static int[] draw(HighPassPrior.BandParams p, double temperature, Random r) {
        int n = p.meanFixed().length;
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            double mean = p.meanFixed()[i] / (double) CodingTables.MEAN_FRACTIONS;
            double noise = 0;
            if (temperature > 0) {
                double u = Math.min(1 - 1e-12, Math.max(1e-12, r.nextDouble()));
                noise = temperature * CodingTables.scale(p.scaleIndex()[i]) * Math.log(u / (1 - u));
            }
            v[i] = (int) Math.round(mean + noise);
        }
        return v;
    }
}
