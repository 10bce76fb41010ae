package dev.nwf.codec.nwf;

import dev.nwf.codec.NwfModel;
import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.transform.Lifting;
import dev.nwf.codec.transform.Pyramid;
import java.util.Random;

/**
 * Upsampling (SPEC.md §6.4): the input is taken as a low-pass level of the 5/3, as the codec's own levels and a
 * truncated file's preview are — each doubling fills the missing bands with {@link DetailRegression}'s prediction
 * (temperature 0) or a sample around it from a logistic of the prior network's scale times the temperature, then
 * merges as a decoder would — or as 2×2 averages (asked for as Haar's low-pass), enlarged by {@link BoxRegression}
 * (drawing around its fit's own spread).
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
        if (filter == Lifting.Filter.HAAR) {
            // 2x2 averages: Haar's low-pass up to its floor rounding, which BoxRegression does without
            BoxRegression box = BoxRegression.fit(planes, w, h);
            for (int d = 0; d < doublings; d++) {
                planes = box.enlarge(planes, w, h, temperature, r);
                w *= 2;
                h *= 2;
            }
            return planes;
        }
        // fitted once, on the input itself; each doubling applies it to the level made by the one before
        DetailRegression regression = DetailRegression.fit(planes, w, h, filter);
        for (int d = 0; d < doublings; d++) {
            int[][][] bands = regression.predict(planes, w, h);
            if (temperature > 0) drawAround(eval, model, planes, bands, w, h, bitDepth, temperature, r);
            w *= 2;
            h *= 2;
            planes = Pyramid.merge(planes, bands, w, h, filter);
        }
        return planes;
    }

    /**
     * Adds to every band sample a draw of the prior network's scale there (SPEC.md §6.2; channels after 0 see channel
     * 0's bands as drawn) times the temperature: detail where the network expects it, of the size it expects.
     */
    private static void drawAround(NetEvaluator eval, NwfModel model, int[][] low, int[][][] bands, int w, int h,
            int bitDepth, double temperature, Random r) {
        HighPassPrior.LevelInputs inputs = new HighPassPrior.LevelInputs(low[0], w * h, bitDepth);
        inputs.lumaBands(bands[0]);
        for (int c = 0; c < low.length; c++) {
            HighPassPrior.BandParams[] p = HighPassPrior.predict(eval, model.prior(), inputs, c, low[c], w, h,
                    bitDepth);
            for (int b = 0; b < 3; b++) draw(bands[c][b], p[b].scaleIndex(), temperature, r);
        }
    }

    /** Adds to each predicted value a logistic sample of the prior's scale times {@code temperature}. */
    private static void draw(int[] values, byte[] scaleIndex, double temperature, Random r) {
        for (int i = 0; i < values.length; i++) {
            double u = Math.min(1 - 1e-12, Math.max(1e-12, r.nextDouble()));
            double noise = temperature * CodingTables.scale(scaleIndex[i]) * Math.log(u / (1 - u));
            values[i] = (int) Math.round(values[i] + noise);
        }
    }
}
