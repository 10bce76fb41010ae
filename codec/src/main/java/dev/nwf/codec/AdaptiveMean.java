package dev.nwf.codec;

/**
 * Online correction of the prior's means inside an image (SPEC.md §6.3.3): a normalised-LMS filter per (channel,
 * band) learns, sample by sample, how the residual left by the network follows the bands coded before it, channel 0's
 * same band, the previous channel's residuals, the residuals of causal neighbours and the parent level's residual,
 * and adds its prediction to the mean. Encoder and decoder run it in the same order on the same integers (64-bit, no
 * floating point), so they stay in step. The weights start at zero for every image and carry over from level to level.
 */
final class AdaptiveMean {
    /** Offsets (dx, dy) read from already known bands: the sample itself and its four neighbours. */
    static final int[][] AROUND = {{0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}};
    /** Causal neighbours of the band being coded whose residuals are features. */
    static final int[][] CAUSAL = {{-1, 0}, {-2, 0}, {-1, -1}, {0, -1}, {1, -1}, {0, -2}};
    /**
     * Two earlier bands, channel 0's band and the previous channel's residuals (5 taps each), causal residuals, parent,
     * and with a block grid a constant (each grid class has its own weights, so this is a bias per class).
     */
    static final int MAX_FEATURES = 4 * AROUND.length + CAUSAL.length + 2;
    /** The constant feature with a block grid: one grey level in 1/16 units. */
    static final long GRID_BIAS = 16;
    /** Weights are fixed point with this many fraction bits. */
    static final int WEIGHT_FRAC_BITS = 16;
    static final long WEIGHT_LIMIT = 1L << 20;
    static final long FEATURE_LIMIT = 1L << 16;
    static final long ERROR_LIMIT = 1L << 20;
    /** Added to the features' squared norm: keeps steps small where the features are near zero. */
    static final long NORM_BIAS = 256;
    /** The filter's step size, 2^-10, in these fixed-point units. */
    static final long GAIN = 1024;
    /**
     * The step with a block grid, 1.5 * 2^-10: each grid class's weights learn from a fraction of the samples (set A
     * 2.1662 -> 2.1639 bpsp; 2^-9 gained no more).
     */
    static final long GRID_GAIN = 1536;
    /** Fraction bits of the per-sample step factor. */
    static final int STEP_FRAC_BITS = 20;
    private static final long MEAN_LIMIT = 1L << 30;

    private final long[][][] weights;
    private final int depthShift;
    private final long[] features = new long[MAX_FEATURES];
    private int count;
    private long[] active;
    private long norm;

    private final boolean grid;

    /** @param grid whether samples come in block-grid classes (SPEC.md §6.3.5): weights per class and a bias feature */
    AdaptiveMean(int channels, int bitDepth, boolean grid) {
        this.weights = new long[channels][3 * BlockGrid.MAX_CLASSES][];
        this.depthShift = bitDepth - 8;
        this.grid = grid;
    }

    /**
     * The corrected mean of sample {@code i} of band {@code b} of channel {@code c}; remembers its features until
     * {@link #learn}.
     *
     * @param v         this band's samples, valid before {@code i}
     * @param netMean   the network's means of this band (before any correction), in 1/16 units
     * @param mean      the mean so far (after the along-edge correction)
     * @param ownBands  this channel's bands; those before {@code b} are complete
     * @param lumaBands channel 0's complete bands when {@code c > 0}, else null
     * @param levels    the residuals coded so far at this level and the level before
     * @param gridClass the sample's block-grid class, 0 without a grid
     */
    int correct(int c, int b, int i, int[] v, int[] netMean, int mean, int[][] ownBands, int[][] lumaBands, LevelResiduals levels,
                int gridClass) {
        int w = levels.width;
        int h = levels.height;
        int x = i % w;
        int y = i / w;
        count = 0;
        for (int k = 0; k < b; k++) around(ownBands[k], 16, x, y, w, h);
        if (c > 0) around(lumaBands[b], 16, x, y, w, h);
        if (c > 1) around(levels.band(c - 1, b), 1, x, y, w, h);
        for (int[] d : CAUSAL) {
            int xx = x + d[0];
            int yy = y + d[1];
            long r = xx < 0 || xx >= w || yy < 0 ? 0 : 16L * v[yy * w + xx] - netMean[yy * w + xx];
            features[count++] = toEightBit(r);
        }
        features[count++] = levels.parent == null ? 0 : toEightBit(levels.parentAt(c, b, x, y));
        if (grid) features[count++] = GRID_BIAS;
        int slot = b * BlockGrid.MAX_CLASSES + gridClass;
        if (weights[c][slot] == null) weights[c][slot] = new long[count];
        active = weights[c][slot];
        long sum = 0;
        norm = NORM_BIAS;
        for (int j = 0; j < count; j++) {
            sum += active[j] * features[j];
            norm += features[j] * features[j];
        }
        long p = Math.floorDiv(sum, 1L << WEIGHT_FRAC_BITS);
        long correction = depthShift >= 0 ? p << depthShift : p >> -depthShift;
        return (int) Math.max(-MEAN_LIMIT, Math.min(MEAN_LIMIT, mean + correction));
    }

    /** Updates the weights of the last {@link #correct}ed sample, now that its value is known. */
    void learn(int value, int meanUsed) {
        long limit = Math.min(ERROR_LIMIT, 2 * norm);
        long e = Math.max(-limit, Math.min(limit, toEightBit(16L * value - meanUsed)));
        if (e == 0) return;
        // one division per sample: the common factor GAIN * e / norm, kept with STEP_FRAC_BITS fraction bits
        long g = Math.floorDiv((grid ? GRID_GAIN : GAIN) * e << STEP_FRAC_BITS, norm);
        for (int j = 0; j < count; j++) {
            long step = (g * features[j]) >> STEP_FRAC_BITS;
            active[j] = Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, active[j] + step));
        }
    }

    /** {@code unit} times the samples at (x, y) and its four neighbours, coordinates clamped into the level's bands. */
    private void around(int[] plane, int unit, int x, int y, int w, int h) {
        int i = y * w + x;
        int left = x > 0 ? i - 1 : i;
        int right = x < w - 1 ? i + 1 : i;
        int up = y > 0 ? i - w : i;
        int down = y < h - 1 ? i + w : i;
        features[count++] = toEightBit((long) unit * plane[i]);
        features[count++] = toEightBit((long) unit * plane[left]);
        features[count++] = toEightBit((long) unit * plane[right]);
        features[count++] = toEightBit((long) unit * plane[up]);
        features[count++] = toEightBit((long) unit * plane[down]);
    }

    /** A value in 1/16 units scaled to the 8-bit range and clamped to +-{@link #FEATURE_LIMIT}. */
    private long toEightBit(long sixteenths) {
        long s = depthShift >= 0 ? sixteenths >> depthShift : sixteenths << -depthShift;
        return Math.max(-FEATURE_LIMIT, Math.min(FEATURE_LIMIT, s));
    }
}
