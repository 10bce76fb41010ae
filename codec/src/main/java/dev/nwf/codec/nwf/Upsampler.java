package dev.nwf.codec.nwf;

import dev.nwf.codec.NwfModel;
import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.transform.Lifting;
import dev.nwf.codec.transform.Pyramid;
import java.util.Random;

/**
 * Upsampling with the learned prior (SPEC.md §6.4): the input is taken as a low-pass level; each doubling fills the
 * missing high-pass bands with the prior's mean (temperature 0) or a sample from its logistic with the scale
 * multiplied by the temperature, then merges as a decoder would.
 */
final class Upsampler {
    private Upsampler() {
    }

    /** Colour-transformed planes of w x h in, planes of (w, h) * 2^doublings out. */
    static int[][] upsample(NetEvaluator eval, NwfModel model, int[][] planes, int w, int h, int bitDepth,
            int doublings,
                            double temperature, Random r) {
        for (int d = 0; d < doublings; d++) {
            int[][][] bands = new int[planes.length][][];
            HighPassPrior.LevelInputs inputs = new HighPassPrior.LevelInputs(planes[0], w * h, bitDepth);
            for (int c = 0; c < planes.length; c++) {
                HighPassPrior.BandParams[] p = HighPassPrior.predict(eval, model.prior(), inputs, c, planes[c], w,
                        h, bitDepth);
                bands[c] = new int[3][];
                for (int b = 0; b < 3; b++) bands[c][b] = draw(p[b], temperature, r);
                if (c == 0) inputs.lumaBands(bands[0]);
            }
            w *= 2;
            h *= 2;
            planes = Pyramid.merge(planes, bands, w, h, Lifting.Filter.LE_GALL_53);
        }
        return planes;
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
