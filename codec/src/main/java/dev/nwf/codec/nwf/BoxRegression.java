package dev.nwf.codec.nwf;

import dev.nwf.codec.ImageOps;
import java.util.Random;

/**
 * Enlarging a 2×2-average downscale by 2 (SPEC.md §6.4, {@code --from box}): each output pixel is its block's average
 * plus an offset for its place in the block, predicted as a linear function of the 5×5 window of averages around the
 * block (less its centre) and a constant, fitted by least squares on the image itself averaged once more, the four less
 * their mean (so that the enlargement averages back to the input). Unlike Haar's
 * integer low-pass (floor means), which a rounded average is not, the offsets add to the average itself, so a smooth
 * image comes back without a bias. As for the bands of the 5/3 ({@link DetailRegression}), the prediction is blended
 * with Lanczos's offsets by the share that predicts the image's own average best.
 */
final class BoxRegression {
    private static final int FEATURES = LeastSquares.FEATURES;
    /** Places in a 2×2 block: (0, 0), (1, 0), (0, 1), (1, 1). */
    static final int PLACES = 4;
    private static final int MIN_CHECK_SIDE = 16;

    /** [channel][place][feature]. */
    private final double[][][] weights;
    /** [channel][place]: the regression's share in the blend with Lanczos. */
    private final double[][] share;
    /** [channel][place]: the fit's residual's standard deviation, for drawing at a temperature. */
    private final double[][] spread;

    private BoxRegression(int channels) {
        weights = new double[channels][PLACES][];
        share = new double[channels][PLACES];
        spread = new double[channels][PLACES];
    }

    /** Fits on {@code planes} (w×h, colour-transformed), the image to enlarge. */
    static BoxRegression fit(int[][] planes, int w, int h) {
        BoxRegression r = new BoxRegression(planes.length);
        int lw = w / 2;
        int lh = h / 2;
        for (double[] s : r.share) java.util.Arrays.fill(s, 1);
        if (lw < 1 || lh < 1) {
            for (double[][] c : r.weights) for (int p = 0; p < PLACES; p++) c[p] = new double[FEATURES];
            return r;
        }
        int[][] below = average(planes, w, h);
        if (lw / 2 >= MIN_CHECK_SIDE && lh / 2 >= MIN_CHECK_SIDE) {
            // weights fitted one level further down predict the image's own blocks from its averages
            r.fitWeights(average(below, lw, lh), lw / 2, lh / 2, below, lw);
            double[][][] offsets = r.offsets(below, lw, lh);
            double[][][] lanczos = lanczosOffsets(below, lw, lh);
            for (int c = 0; c < planes.length; c++) {
                for (int p = 0; p < PLACES; p++) {
                    r.share[c][p] = LeastSquares.bestShare(offsets[c][p], lanczos[c][p],
                            trueOffsets(planes, w, below, lw, lh, c, p));
                }
            }
        }
        r.fitWeights(below, lw, lh, planes, w);
        return r;
    }

    /** Planes of 2w×2h: each block the sample's value plus its predicted offsets (and noise at a temperature). */
    int[][] enlarge(int[][] planes, int w, int h, double temperature, Random random) {
        double[][][] offsets = offsets(planes, w, h);
        double[][][] lanczos = lanczosOffsets(planes, w, h);
        int ow = 2 * w;
        int[][] out = new int[planes.length][ow * 2 * h];
        double[] place = new double[PLACES];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    // the four offsets less their mean: the enlargement averages back to the input
                    double mean = 0;
                    for (int p = 0; p < PLACES; p++) {
                        place[p] = share[c][p] * offsets[c][p][i] + (1 - share[c][p]) * lanczos[c][p][i];
                        mean += place[p] / PLACES;
                    }
                    for (int p = 0; p < PLACES; p++) {
                        double v = planes[c][i] + place[p] - mean;
                        // a logistic of the fit's standard deviation has scale sd·√3/π
                        double scale = temperature * spread[c][p] * Math.sqrt(3) / Math.PI;
                        if (scale > 0) {
                            double u = Math.min(1 - 1e-12, Math.max(1e-12, random.nextDouble()));
                            v += scale * Math.log(u / (1 - u));
                        }
                        out[c][(2 * y + p / 2) * ow + 2 * x + p % 2] = (int) Math.round(v);
                    }
                }
            }
        }
        return out;
    }

    /** The 2×2 averages (rounded half up) of w×h planes: floor(w/2) × floor(h/2), a last odd row or column left out. */
    static int[][] average(int[][] planes, int w, int h) {
        int lw = w / 2;
        int lh = h / 2;
        int[][] out = new int[planes.length][lw * lh];
        for (int c = 0; c < planes.length; c++) {
            int[] p = planes[c];
            for (int y = 0; y < lh; y++) {
                for (int x = 0; x < lw; x++) {
                    int i = 2 * y * w + 2 * x;
                    out[c][y * lw + x] = Math.floorDiv(p[i] + p[i + 1] + p[i + w] + p[i + w + 1] + 2, 4);
                }
            }
        }
        return out;
    }

    /**
     * Least-squares weights mapping the window of {@code low} (lw×lh) around each block to the offset of place p of
     * that block in {@code fine} (w wide) from the block's average.
     */
    private void fitWeights(int[][] low, int lw, int lh, int[][] fine, int w) {
        int step = LeastSquares.step(lw, lh);
        double[] f = new double[FEATURES];
        for (int c = 0; c < low.length; c++) {
            for (int p = 0; p < PLACES; p++) {
                double[][] ata = new double[FEATURES][FEATURES];
                double[] atb = new double[FEATURES];
                for (int y = 0; y < lh; y += step) {
                    for (int x = 0; x < lw; x += step) {
                        LeastSquares.window(low[c], lw, lh, x, y, f);
                        int t = fine[c][(2 * y + p / 2) * w + 2 * x + p % 2] - low[c][y * lw + x];
                        LeastSquares.add(ata, atb, f, t);
                    }
                }
                weights[c][p] = LeastSquares.solve(ata, atb);
                double se = 0;
                long n = 0;
                for (int y = 0; y < lh; y += step) {
                    for (int x = 0; x < lw; x += step) {
                        LeastSquares.window(low[c], lw, lh, x, y, f);
                        double t = fine[c][(2 * y + p / 2) * w + 2 * x + p % 2] - low[c][y * lw + x];
                        double d = t - LeastSquares.dot(weights[c][p], f);
                        se += d * d;
                        n++;
                    }
                }
                spread[c][p] = Math.sqrt(se / Math.max(1, n));
            }
        }
    }

    /** The predicted offsets [channel][place][block] of the blocks of w×h planes. */
    private double[][][] offsets(int[][] planes, int w, int h) {
        double[][][] out = new double[planes.length][PLACES][w * h];
        double[] f = new double[FEATURES];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    LeastSquares.window(planes[c], w, h, x, y, f);
                    for (int p = 0; p < PLACES; p++) out[c][p][y * w + x] = LeastSquares.dot(weights[c][p], f);
                }
            }
        }
        return out;
    }

    /** Lanczos's offsets: its ×2 enlargement of w×h planes less each block's sample. */
    private static double[][][] lanczosOffsets(int[][] planes, int w, int h) {
        double[][][] out = new double[planes.length][PLACES][w * h];
        for (int c = 0; c < planes.length; c++) {
            int[] big = ImageOps.lanczos(planes[c], w, h, 2);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int p = 0; p < PLACES; p++) {
                        out[c][p][y * w + x] = big[(2 * y + p / 2) * 2 * w + 2 * x + p % 2] - planes[c][y * w + x];
                    }
                }
            }
        }
        return out;
    }

    /** The true offsets of place p of channel c's blocks: {@code fine} (w wide) less {@code low} (lw×lh). */
    private static double[] trueOffsets(int[][] fine, int w, int[][] low, int lw, int lh, int c, int p) {
        double[] t = new double[lw * lh];
        for (int y = 0; y < lh; y++) {
            for (int x = 0; x < lw; x++) {
                t[y * lw + x] = fine[c][(2 * y + p / 2) * w + 2 * x + p % 2] - low[c][y * lw + x];
            }
        }
        return t;
    }
}
