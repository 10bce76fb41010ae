package dev.nwf.codec.pixel;

/**
 * The expert's location (SPEC.md §4.4.5): per pass (and grid position, SPEC.md §4.4.6), recursive least squares
 * of a sample's offset from P0 on {@value #FEATURES} features — the eight neighbours' and six farther neighbours'
 * offsets from P0, and the earlier channels' differences — with forgetting 0.9995 and ridge 1, the weights solved
 * (LDLᵀ) after every 4th of a pass's first {@value #EARLY} samples, then every {@value #SOLVE_EVERY}th (a grid
 * position's set every {@value #SOLVE_EVERY}th throughout; with tool lean-model, SPEC.md §4.4.13, past a set's first
 * {@value #EARLY} only every fourth sample is taken in). Doubles with + − × ÷ only, in the
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

    /**
     * With tool expert-classes (SPEC.md §4.4.8): classes of a sample's neighbourhood, 4 error levels by 3 orientations,
     * each with statistics of its own in every pass's state set (set P's development half as pixel levels 0.48 %
     * smaller, at the same arithmetic per sample: one set is read and updated either way). A grid position's set
     * (SPEC.md §4.4.6) keeps one: its 64 positions' classes took 1.1 MB a model, out of the nearest caches, and
     * JPEG-decoded photos seemed to decode 5–9 % slower for 0.4 % of their bytes.
     */
    static final int CLASSES = 12;
    /**
     * A state set's first {@value #WARM} samples are all of class 0; then class 0's statistics start every other class
     * (a 32×32 crop's passes are fewer samples, and would learn each class from nothing: 2.9 % larger).
     */
    static final int WARM = 1024;
    /**
     * The started classes' statistics are class 0's scaled by 2^−6 (exact): they follow their own samples soon (set P's
     * development half 0.05 % smaller than unscaled).
     */
    private static final double START_SCALE = 1.0 / 64;

    /**
     * With tool grid-classes (SPEC.md §4.4.10): classes of a grid position's set, the quarters of the sample's error
     * level (set A's JPEG-decoded photos as pixel levels 0.41 % smaller, at 0.4 MB of statistics a model where
     * {@link #CLASSES} there took 1.1 MB for as much).
     */
    static final int GRID_CLASSES = 4;

    /** Classes per pass's state set: 1, or {@link #CLASSES}. */
    private final int classes;
    /** Classes per grid position's state set: 1, or {@link #GRID_CLASSES}. */
    private final int gridClasses;
    /** Per state set, its samples predicted so far, up to {@link #WARM} + 1. */
    private final int[] seen;
    /**
     * With tool lean-model (SPEC.md §4.4.13): statistics past their first {@link #EARLY} samples take in one sample of
     * every {@link #LEAN_PERIOD}, counted over all of them (the count's multiples of the period are taken in): eight
     * development photos coded in about 0.97 of the time for 0.085 % more bytes at every other sample (the early ones
     * kept, which took 0.02 % of the 0.106 % that every other sample throughout cost), and in 0.95–0.97 of that for
     * 0.10 % more at every fourth.
     */
    private final boolean lean;
    /** With tool lean-model, the period of the samples taken in past a set's first {@link #EARLY}: a power of two. */
    static final int LEAN_PERIOD = 4;
    /** The samples a lean model's statistics past their first {@link #EARLY} were offered. */
    private int offered;

    /** Statistics for {@code sets} state sets, each learning alone. */
    LeastSquares(int sets) {
        this(sets, 1);
    }

    /** Statistics for {@code sets} state sets, a pass's of {@code classes} classes (1 or {@link #CLASSES}). */
    LeastSquares(int sets, int classes) {
        this(sets, classes, 1);
    }

    /**
     * Statistics for {@code sets} state sets, a pass's of {@code classes} classes (1 or {@link #CLASSES}), a grid
     * position's of {@code gridClasses} (1 or {@link #GRID_CLASSES}).
     */
    LeastSquares(int sets, int classes, int gridClasses) {
        this(sets, classes, gridClasses, false);
    }

    /**
     * Statistics for {@code sets} state sets, a pass's of {@code classes} classes (1 or {@link #CLASSES}), a grid
     * position's of {@code gridClasses} (1 or {@link #GRID_CLASSES}); {@code lean} with tool lean-model.
     */
    LeastSquares(int sets, int classes, int gridClasses, boolean lean) {
        this.lean = lean;
        if (classes != 1 && classes != CLASSES) throw new IllegalArgumentException("classes: " + classes);
        if (gridClasses != 1 && gridClasses != GRID_CLASSES) {
            throw new IllegalArgumentException("grid classes: " + gridClasses);
        }
        this.classes = classes;
        this.gridClasses = gridClasses;
        seen = new int[sets];
        // each pass's set's classes, then the grid positions' sets' (SPEC.md §4.4.6)
        int passes = Math.min(sets, PixelScan.PASSES);
        int all = passes * classes + (sets - passes) * gridClasses;
        products = new double[all][FEATURES * (FEATURES + 1) / 2];
        targets = new double[all][FEATURES];
        gain = new double[all];
        weights = new double[all][FEATURES];
        count = new int[all];
        java.util.Arrays.fill(gain, 1);
    }

    /**
     * A sample's class (SPEC.md §4.4.8) from its error level (0..15) and its features: the level's quarter, then
     * whether the neighbours change more across the rows (vertically) or along them, by a third, or neither.
     * The features' first and fourth of the eight neighbours are W and NE, so (in the RASTER pass) these are CALIC's
     * gradients.
     */
    static int classOf(int level, long[] f) {
        return 3 * (level >> 2) + orientation(f);
    }

    /**
     * The orientation of a sample's neighbourhood (SPEC.md §4.4.8) from its features: 1 where they change more across
     * the rows than along them, by a third, 2 where more along them, else 0.
     */
    static int orientation(long[] f) {
        long along = Math.abs(f[0] - f[4]) + Math.abs(f[1] - f[2]) + Math.abs(f[3] - f[1]);
        long across = Math.abs(f[0] - f[2]) + Math.abs(f[1] - f[5]) + Math.abs(f[3] - f[PixelScan.NEIGHBOURS + 2 + 1]);
        // both cannot hold: the two comparisons' signs, added without branches
        return (int) ((4 * along - 3 * across) >>> 63) + 2 * (int) ((4 * across - 3 * along) >>> 63);
    }

    /**
     * The predicted offset from P0, in sixteenths, of a sample with these features and error level {@code level}
     * (0..15) under state set {@code set}: with classes, those of its class (SPEC.md §4.4.8, §4.4.10), started from
     * class 0's at the set's {@value #WARM}th sample.
     */
    long predict(int set, int level, long[] features) {
        boolean grid = set >= PixelScan.PASSES;
        int k = grid ? gridClasses : classes;
        int first = grid ? PixelScan.PASSES * classes + (set - PixelScan.PASSES) * gridClasses : set * classes;
        if (k == 1) return predictWith(first, features);
        int n = seen[set];
        if (n <= WARM) seen[set] = n + 1;
        if (n < WARM) return predictWith(first, features);
        if (n == WARM) {
            for (int c = 1; c < k; c++) {
                int to = first + c;
                for (int i = 0; i < products[first].length; i++) products[to][i] = products[first][i] * START_SCALE;
                for (int i = 0; i < FEATURES; i++) targets[to][i] = targets[first][i] * START_SCALE;
                System.arraycopy(weights[first], 0, weights[to], 0, FEATURES);
                gain[to] = gain[first];
                count[to] = count[first];
            }
        }
        return predictWith(first + (grid ? level >> 2 : classOf(level, features)), features);
    }

    /** The predicted offset from P0, in sixteenths, of a sample with these features by statistics {@code set}. */
    private long predictWith(int set, long[] features) {
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
        // with tool lean-model, past its first EARLY a set takes in the model's every fourth such sample (§4.4.13)
        if (lean && count[set] >= EARLY && (++offered & LEAN_PERIOD - 1) != 0) return;
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
        int early = set < PixelScan.PASSES * classes ? EARLY : 0;
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
