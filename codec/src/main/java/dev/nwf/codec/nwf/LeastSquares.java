package dev.nwf.codec.nwf;

/**
 * The least-squares steps of the upsamplers' fits (SPEC.md §6.4): the features both regress on (a low-pass window),
 * the normal equations, their solution, the blend with Lanczos.
 */
final class LeastSquares {
    private LeastSquares() {
    }

    /** The low-pass window's radius. */
    static final int RADIUS = 2;
    private static final int SIDE = 2 * RADIUS + 1;
    /** Window samples less the centre, a constant. */
    static final int FEATURES = SIDE * SIDE;

    /**
     * Leaves in {@code f} the window of {@code low} (w×h) around (x, y) less its centre (coordinates clamped;
     * brightness does not matter), then 1.
     */
    static void window(int[] low, int w, int h, int x, int y, double[] f) {
        int centre = low[y * w + x];
        int k = 0;
        for (int dy = -RADIUS; dy <= RADIUS; dy++) {
            int yy = Math.max(0, Math.min(h - 1, y + dy)) * w;
            for (int dx = -RADIUS; dx <= RADIUS; dx++) {
                if (dx == 0 && dy == 0) continue;
                f[k++] = low[yy + Math.max(0, Math.min(w - 1, x + dx))] - centre;
            }
        }
        f[k] = 1;
    }

    /** A level of more samples than this is fitted on an even spread of about this many. */
    private static final int MAX_SAMPLES = 1 << 18;

    /** Every how many rows and columns of a w×h level a fit takes a sample: about {@value #MAX_SAMPLES} in all. */
    static int step(int w, int h) {
        return Math.max(1, (int) Math.ceil(Math.sqrt((double) w * h / MAX_SAMPLES)));
    }

    /** Adds one sample (features f, target t) to the normal equations' lower triangle {@code ata} and {@code atb}. */
    static void add(double[][] ata, double[] atb, double[] f, double t) {
        for (int i = 0; i < f.length; i++) {
            atb[i] += f[i] * t;
            for (int j = 0; j <= i; j++) ata[i][j] += f[i] * f[j];
        }
    }

    /** Σ w·f. */
    static double dot(double[] w, double[] f) {
        double s = 0;
        for (int i = 0; i < f.length; i++) s += w[i] * f[i];
        return s;
    }

    /** Ridge added to the normal equations' diagonal, relative to its mean, so a flat image still solves. */
    private static final double RIDGE = 1e-6;

    /** Solves (A + ridge) x = b for the symmetric A whose lower triangle is given, by Gaussian elimination. */
    static double[] solve(double[][] lower, double[] b) {
        int n = b.length;
        double[][] a = new double[n][n + 1];
        double trace = 0;
        for (int i = 0; i < n; i++) trace += lower[i][i];
        double ridge = RIDGE * Math.max(1e-12, trace / n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) a[i][j] = i >= j ? lower[i][j] : lower[j][i];
            a[i][i] += ridge;
            a[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double m = a[r][col] / a[col][col];
                for (int j = col; j <= n; j++) a[r][j] -= m * a[col][j];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = a[i][n];
            for (int j = i + 1; j < n; j++) s -= a[i][j] * x[j];
            x[i] = s / a[i][i];
        }
        return x;
    }
    /** The λ in [0, 1] for which λ·a + (1 − λ)·b comes closest to t (1 where a and b agree). */
    static double bestShare(double[] a, double[] b, double[] t) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < t.length; i++) {
            double diff = a[i] - b[i];
            num += diff * (t[i] - b[i]);
            den += diff * diff;
        }
        return den == 0 ? 1 : Math.max(0, Math.min(1, num / den));
    }

    /** The ints as doubles. */
    static double[] doubles(int[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }
}
