package dev.nwf.codec.pixel;

/**
 * The expert's location (SPEC.md §4.4.5): per pass, recursive least squares of a sample's offset from P0 on
 * {@value #FEATURES} features — the eight neighbours' and six farther neighbours' offsets from P0, and the earlier
 * channels' differences — with forgetting 0.9995 and ridge 1, the weights solved (LDLᵀ) after every fourth sample of
 * the pass. Doubles with + − × ÷ only, in the order written here, so that the weights are the same everywhere.
 */
final class LeastSquares {
    static final int FEATURES = PixelScan.NEIGHBOURS + 2 + PixelScan.WIDE;
    private static final double FORGET = 0.9995;
    private static final double RIDGE = 1;
    private static final int SOLVE_EVERY = 4;
    private static final double LIMIT = 1e6;

    /** Per pass: the lower triangle of Σ f fᵀ, row by row, Σ f·target, and the weights. */
    private final double[][] products = new double[PixelScan.PASSES][FEATURES * FEATURES];
    private final double[][] targets = new double[PixelScan.PASSES][FEATURES];
    private final double[][] weights = new double[PixelScan.PASSES][FEATURES];
    private final int[] count = new int[PixelScan.PASSES];
    private final double[] f = new double[FEATURES];
    private final double[] ldl = new double[FEATURES * FEATURES];
    private final double[] y = new double[FEATURES];
    private int pass;

    /** The predicted offset from P0 of pass {@code pass}'s sample with these features, in sixteenths. */
    long predict(int pass, long[] features) {
        this.pass = pass;
        for (int k = 0; k < FEATURES; k++) f[k] = features[k];
        double s = 0;
        double[] w = weights[pass];
        for (int k = 0; k < FEATURES; k++) s += w[k] * f[k];
        if (!(s > -LIMIT)) s = -LIMIT; // NaN too
        if (s > LIMIT) s = LIMIT;
        return (long) Math.floor(s * 16 + 0.5);
    }

    /** Takes in the last predicted sample's true offset from P0. */
    void learn(int target) {
        double[] a = products[pass];
        double[] b = targets[pass];
        for (int i = 0; i < FEATURES; i++) {
            double fi = f[i];
            b[i] = FORGET * b[i] + fi * target;
            for (int j = 0; j <= i; j++) a[i * FEATURES + j] = FORGET * a[i * FEATURES + j] + fi * f[j];
        }
        if (++count[pass] % SOLVE_EVERY == 0) solve(a, b, weights[pass]);
    }

    /** Solves (A + ridge·I) w = b by LDLᵀ; leaves w as it was where a pivot is not above 10^−9. */
    private void solve(double[] a, double[] b, double[] w) {
        for (int i = 0; i < FEATURES; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * FEATURES + j] + (i == j ? RIDGE : 0);
                for (int k = 0; k < j; k++) s -= ldl[i * FEATURES + k] * ldl[j * FEATURES + k] * ldl[k * FEATURES + k];
                if (i == j) {
                    if (!(s > 1e-9)) return;
                    ldl[i * FEATURES + i] = s;
                } else {
                    ldl[i * FEATURES + j] = s / ldl[j * FEATURES + j];
                }
            }
        }
        for (int i = 0; i < FEATURES; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= ldl[i * FEATURES + k] * y[k];
            y[i] = s;
        }
        for (int i = 0; i < FEATURES; i++) y[i] /= ldl[i * FEATURES + i];
        for (int i = FEATURES - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < FEATURES; k++) s -= ldl[k * FEATURES + i] * w[k];
            w[i] = s;
        }
    }
}
