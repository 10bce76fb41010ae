package dev.nwf.codec.nwf;

import dev.nwf.codec.ImageOps;
import dev.nwf.codec.transform.Lifting;
import dev.nwf.codec.transform.Pyramid;

/**
 * The high-pass bands of a level predicted from its low-pass (SPEC.md §6.4): per channel and band, a linear function
 * of the low-pass around the band sample (a 5×5 window, less its centre, so brightness does not matter), fitted by
 * least squares on the image itself one level down — its own split is the training pair. Photographs look alike
 * across scales, so what maps the image's low-pass to its details maps the image to the details it lacks. How far
 * that holds is checked on the image too, and the prediction blended with Lanczos's details by the share that fits.
 * (The prior network's mean as a further feature changed nothing: 33.29 against 33.30 dB on five photos of set A.)
 */
final class DetailRegression {
    private static final int FEATURES = LeastSquares.FEATURES;
    /** A low-pass smaller than this on either side is not split again to check the regression against Lanczos. */
    private static final int MIN_CHECK_SIDE = 16;

    /** [channel][band][feature]. */
    private final double[][][] weights;
    /** [channel][band]: the share of the regression in the blend with Lanczos's details, 0 to 1. */
    private final double[][] share;
    private final Lifting.Filter filter;

    private DetailRegression(int channels, Lifting.Filter filter) {
        this.weights = new double[channels][3][];
        this.share = new double[channels][3];
        this.filter = filter;
    }

    /**
     * Fits the regression on {@code planes} (w×h, colour-transformed): split once with {@code filter}, its bands are
     * the targets, its low-pass the window. How far the image's likeness across scales holds is checked on the image
     * too: weights fitted one level further down predict
     * its split's bands, and the blend of that prediction with Lanczos's details that comes closest gives each band
     * the regression's share (1 where the image is too small to check).
     */
    static DetailRegression fit(int[][] planes, int w, int h, Lifting.Filter filter) {
        DetailRegression r = new DetailRegression(planes.length, filter);
        Pyramid.Level split = Pyramid.splitOnce(planes, w, h, filter);
        int lw = (w + 1) / 2;
        int lh = (h + 1) / 2;
        for (double[] s : r.share) java.util.Arrays.fill(s, 1);
        if (lw >= MIN_CHECK_SIDE && lh >= MIN_CHECK_SIDE) {
            Pyramid.Level below = Pyramid.splitOnce(split.low(), lw, lh, filter);
            r.fitWeights(below, (lw + 1) / 2, (lh + 1) / 2);
            double[][][] predicted = r.regress(split.low(), lw, lh);
            int[][][] lanczos = r.lanczosBands(split.low(), lw, lh);
            for (int c = 0; c < planes.length; c++) {
                for (int b = 0; b < 3; b++) {
                    r.share[c][b] = LeastSquares.bestShare(predicted[c][b],
                            LeastSquares.doubles(lanczos[c][b]), LeastSquares.doubles(split.bands()[c][b]));
                }
            }
        }
        r.fitWeights(split, lw, lh);
        return r;
    }


    /** Least-squares weights mapping each band sample's features under {@code split}'s low-pass (w×h) to its value. */
    private void fitWeights(Pyramid.Level split, int w, int h) {
        int step = LeastSquares.step(w, h);
        double[] f = new double[FEATURES];
        for (int c = 0; c < split.low().length; c++) {
            for (int b = 0; b < 3; b++) {
                double[][] ata = new double[FEATURES][FEATURES];
                double[] atb = new double[FEATURES];
                for (int y = 0; y < h; y += step) {
                    for (int x = 0; x < w; x += step) {
                        LeastSquares.window(split.low()[c], w, h, x, y, f);
                        LeastSquares.add(ata, atb, f, split.bands()[c][b][y * w + x]);
                    }
                }
                weights[c][b] = LeastSquares.solve(ata, atb);
            }
        }
    }

    /** The bands [channel][HL, LH, HH] refining {@code low} (w×h, colour-transformed), predicted. */
    int[][][] predict(int[][] low, int w, int h) {
        double[][][] predicted = regress(low, w, h);
        int[][][] lanczos = lanczosBands(low, w, h);
        int[][][] bands = new int[low.length][3][w * h];
        for (int c = 0; c < low.length; c++) {
            for (int b = 0; b < 3; b++) {
                double s = share[c][b];
                for (int i = 0; i < w * h; i++) {
                    bands[c][b][i] = (int) Math.round(s * predicted[c][b][i] + (1 - s) * lanczos[c][b][i]);
                }
            }
        }
        return bands;
    }

    /** The regression's band values under {@code low} (w×h). */
    private double[][][] regress(int[][] low, int w, int h) {
        double[][][] out = new double[low.length][3][];
        double[] f = new double[FEATURES];
        for (int c = 0; c < low.length; c++) {
            for (int b = 0; b < 3; b++) {
                double[] v = new double[w * h];
                double[] wt = weights[c][b];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        LeastSquares.window(low[c], w, h, x, y, f);
                        v[y * w + x] = LeastSquares.dot(wt, f);
                    }
                }
                out[c][b] = v;
            }
        }
        return out;
    }

    /** The bands of the split of {@code low} (w×h) enlarged twice by Lanczos: the classic filter's details. */
    private int[][][] lanczosBands(int[][] low, int w, int h) {
        int[][] big = new int[low.length][];
        for (int c = 0; c < low.length; c++) big[c] = ImageOps.lanczos(low[c], w, h, 2);
        return Pyramid.splitOnce(big, 2 * w, 2 * h, filter).bands();
    }


}
