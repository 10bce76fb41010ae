package dev.nwf.codec.nwf;

import dev.nwf.codec.NwfModel;
import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.transform.Lifting;
import dev.nwf.codec.transform.Pyramid;
import java.util.Random;

/**
 * Upsampling (SPEC.md §6.4): the input is taken as a low-pass level — of the 5/3, as the codec's own levels and a
 * truncated file's preview are, or of Haar, which is a 2×2 box average; each doubling fills the missing bands with
 * {@link DetailRegression}'s prediction (temperature 0) or a sample around it from a logistic of the prior network's
 * scale times the temperature, then merges as a decoder would.
 */
final class Upsampler {
    private Upsampler() {
    }

    /**
     * Colour-transformed planes of w x h in, planes of (w, h) * 2^doublings out.
     *
     * @param filter the split the input is a low-pass of
     */
    static int[][] upsample(NetEvaluator eval, NwfModel model, int[][] planes, int w, int h, int bitDepth,
            int doublings, double temperature, Random r, Lifting.Filter filter) {
        // fitted once, on the input itself; each doubling applies it to the level made by the one before
        DetailRegression regression = DetailRegression.fit(planes, w, h, filter, eval, model.prior(), bitDepth);
        for (int d = 0; d < doublings; d++) {
            DetailRegression.Prediction p = regression.predict(planes, w, h);
            int[][][] bands = p.bands();
            if (temperature > 0) {
                for (int c = 0; c < bands.length; c++) {
                    for (int b = 0; b < 3; b++) draw(bands[c][b], p.scaleIndex()[c][b], temperature, r);
                }
            }
            w *= 2;
            h *= 2;
            planes = Pyramid.merge(planes, bands, w, h, filter);
        }
        return planes;
    }

    /** Adds to each predicted value a logistic sample of the prior's scale times {@code temperature}. */
    private static void draw(int[] values, int[] scaleIndex, double temperature, Random r) {
        for (int i = 0; i < values.length; i++) {
            double u = Math.min(1 - 1e-12, Math.max(1e-12, r.nextDouble()));
            double noise = temperature * CodingTables.scale(scaleIndex[i]) * Math.log(u / (1 - u));
            values[i] = (int) Math.round(values[i] + noise);
        }
    }
}
