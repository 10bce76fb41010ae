package dev.nwf.codec.pixel;

/**
 * The expert's location (SPEC.md §4.4.5): per pass (and grid position, SPEC.md §4.4.6), recursive least squares
 * of a sample's offset from P0 on {@value #FEATURES} features — the eight neighbours' and six farther neighbours'
 * offsets from P0, and the earlier channels' differences — with forgetting 0.9995 and ridge 1, the weights solved
 * (LDLᵀ) after every 4th of a pass's first {@value #EARLY} samples, then every {@value #SOLVE_EVERY}th (a grid
 * position's set every {@value #SOLVE_EVERY}th throughout). Doubles with + − × ÷ only, in the
 * order written here, so that the weights are the same everywhere.
 */
final class LeastSquares {
    static final int FEATURES = PixelScan.NEIGHBOURS + 2 + PixelScan.WIDE;
    private static final double FORGET = 0.9995;
    /**
     * Forgetting is folded into a gain that grows by 1/0.9995 a sample, so that the statistics are not all multiplied
     * each sample; at 2^16 they and the gain are scaled by 2^−16, which is exact.
     */
    private static final double GROW = 1 / FORGET;
    private static final double RESCALE_AT = 65536;
    private static final double RESCALE = 1 / RESCALE_AT;
    private static final double RIDGE = 1;
    /**
     * Solved every 4th sample of a pass's first {@value #EARLY} (where the weights move most: small images), then
     * every {@value #SOLVE_EVERY}th: every 4th throughout would code set P's development half 0.1 % smaller for
     * about a third more of the expert's time.
     */
    private static final int SOLVE_EVERY = 32;
    private static final int EARLY = 2048;
    private static final int SOLVE_EARLY_EVERY = 4;
    private static final double LIMIT = 1e6;

    /**
     * Per state set (a pass, or a pass at a grid position): the lower triangle of Σ g·f fᵀ, packed row by row (row i
     * from i(i + 1)/2: with a grid's 192 sets, each sample reads another set's, in half the cache lines of the whole
     * square), Σ g·f·target, the gain g, and the weights.
     */
    private final double[][] products;
    private final double[][] targets;
    private final double[] gain;
    private final double[][] weights;
    private final int[] count;
    private final double[] f = new double[FEATURES];
    /** The factorisation: L below the diagonal, L·D beside it in {@link #ld}, and 1 / D. */
    private final double[] l = new double[FEATURES * FEATURES];
    private final double[] ld = new double[FEATURES * FEATURES];
    private final double[] inverse = new double[FEATURES];
    private final double[] y = new double[FEATURES];
    /** The state set of the last prediction. */
    private int set;

    /** Statistics for {@code sets} state sets, each learning alone. */
    LeastSquares(int sets) {
        products = new double[sets][FEATURES * (FEATURES + 1) / 2];
        targets = new double[sets][FEATURES];
        gain = new double[sets];
        weights = new double[sets][FEATURES];
        count = new int[sets];
        java.util.Arrays.fill(gain, 1);
    }

    /** The predicted offset from P0, in sixteenths, of a sample with these features under state set {@code set}. */
    long predict(int set, long[] features) {
        this.set = set;
        for (int k = 0; k < FEATURES; k++) f[k] = features[k];
        double s = 0;
        double[] w = weights[set];
        for (int k = 0; k < FEATURES; k++) s += w[k] * f[k];
        if (!(s > -LIMIT)) s = -LIMIT; // NaN too
        if (s > LIMIT) s = LIMIT;
        return (long) Math.floor(s * 16 + 0.5);
    }

    /** Takes in the last predicted sample's true offset from P0. */
    void learn(int target) {
        double[] a = products[set];
        double[] b = targets[set];
        double g = gain[set] * GROW;
        for (int i = 0, row = 0; i < FEATURES; row += ++i) {
            double gi = g * f[i];
            b[i] += gi * target;
            for (int j = 0; j <= i; j++) a[row + j] += gi * f[j];
        }
        if (g >= RESCALE_AT) {
            for (int i = 0; i < a.length; i++) a[i] *= RESCALE;
            for (int i = 0; i < FEATURES; i++) b[i] *= RESCALE;
            g *= RESCALE;
        }
        gain[set] = g;
        int n = ++count[set];
        // both periods are powers of two: a mask, not a division, per sample; a grid position's set (SPEC.md §4.4.6)
        // has no early phase: 64 sets solving every 4th of their first 2048 took 4 % of a JPEG-decoded photo's
        // decoding time, for 0.008 % of its bytes
        int early = set < PixelScan.PASSES ? EARLY : 0;
        if ((n & (n <= early ? SOLVE_EARLY_EVERY - 1 : SOLVE_EVERY - 1)) == 0) solve(a, b, weights[set], RIDGE * g);
    }

    /**
     * Solves (A + ridge·I) w = b by LDLᵀ, the ridge scaled with the statistics; leaves w as it was where a pivot is
     * not above 10^−9 times the ridge.
     */
    private void solve(double[] a, double[] b, double[] w, double ridge) {
        for (int i = 0, ai = 0; i < FEATURES; ai += ++i) {
            int ri = i * FEATURES;
            for (int j = 0; j < i; j++) {
                int rj = j * FEATURES;
                double s = a[ai + j];
                for (int k = 0; k < j; k++) s -= l[ri + k] * ld[rj + k];
                ld[ri + j] = s;
                l[ri + j] = s * inverse[j];
            }
            double s = a[ai + i] + ridge;
            for (int k = 0; k < i; k++) s -= l[ri + k] * ld[ri + k];
            if (!(s > 1e-9 * ridge)) return;
            inverse[i] = 1 / s;
        }
        for (int i = 0; i < FEATURES; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i * FEATURES + k] * y[k];
            y[i] = s;
        }
        for (int i = 0; i < FEATURES; i++) y[i] *= inverse[i];
        for (int i = FEATURES - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < FEATURES; k++) s -= l[k * FEATURES + i] * w[k];
            w[i] = s;
        }
    }
}
