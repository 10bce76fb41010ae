package dev.nwf.codec.nwf.context;

import dev.nwf.codec.nwf.LevelResiduals;

/**
 * Online correction of the prior's means inside an image (SPEC.md §6.3.3): a normalised-LMS filter per (channel,
 * band) learns, sample by sample, how the residual left by the network follows the bands coded before it, channel 0's
 * same band, the previous channel's residuals, the residuals of causal neighbours, the parent level's residual and
 * (SPEC.md §6.3.8) its own errors,
 * and adds its prediction to the mean. Encoder and decoder run it in the same order on the same integers (64-bit, no
 * floating point), so they stay in step. The weights start at zero for every image and carry over from level to level.
 */
public final class AdaptiveMean implements ContextStage {
    /** Offsets (dx, dy) read from already known bands: the sample itself and its four neighbours. */
    static final int[][] AROUND = {{0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}};
    /** Causal neighbours of the band being coded whose residuals are features. */
    static final int[][] CAUSAL = {{-1, 0}, {-2, 0}, {-1, -1}, {0, -1}, {1, -1}, {0, -2}};
    /** With the Haar split: the low-pass's differences from (x, y) to its four neighbours, and its cross difference. */
    static final int LOW_PASS_FEATURES = 5;
    /**
     * Two earlier bands, channel 0's band and the previous channel's residuals (5 taps each), causal residuals, parent,
     * with a block grid a constant (each grid class has its own weights, so this is a bias per class), with the
     * Haar split the low-pass's local differences, and with the error feedback the filter's own errors.
     */
    static final int MAX_FEATURES = 4 * AROUND.length + CAUSAL.length + 2 + LOW_PASS_FEATURES + FilterErrors.FEATURES;
    /** The constant feature with a block grid: one grey level in 1/16 units. */
    static final long GRID_BIAS = 16;
    /** Added to the features' squared norm: keeps steps small where the features are near zero. */
    static final long NORM_BIAS = 256;
    /**
     * The norm bias with the error feedback (SPEC.md §6.3.8): 2^14, with a 4 times larger step under Haar — the step
     * stays as it was in quiet places and grows where the features are large (set A 1.9872 → 1.9796 bpsp; the same
     * change without the feedback: 1.9990 → 1.9911).
     */
    static final long FEEDBACK_NORM_BIAS = 1L << 14;
    /** The filter's step size, 2^-10, in these fixed-point units. */
    static final long GAIN = 1024;
    /**
     * The step with a block grid, 1.5 * 2^-10: each grid class's weights learn from a fraction of the samples (set A
     * 2.1662 -> 2.1639 bpsp; 2^-9 gained no more).
     */
    static final long GRID_GAIN = 1536;
    /**
     * With the Haar split the step is 1.5 times as large (set A 2.0445 -> 2.0409 bpsp; 2 times: 2.0413): the filter
     * alone predicts Haar's details, from the low-pass, with no network mean to start from.
     */
    static final long HAAR_GAIN_Q4 = 24;
    /**
     * The Haar step with the error feedback: 4 times the plain step (2.5 or 6 times: 1.9806 / 1.9849 bpsp at a bias of
     * 2^13 / 2^14).
     */
    static final long FEEDBACK_HAAR_GAIN_Q4 = 64;

    private final long[][][] weights;
    private final int depthShift;
    private final long[] features = new long[MAX_FEATURES];
    private int count;
    private long[] active;
    private long norm;

    private final boolean grid;
    private final boolean haar;
    private final long normBias;
    private final long haarGainQ4;

    /**
     * @param grid whether samples come in block-grid classes (SPEC.md §6.3.5): weights per class and a bias feature
     * @param haar whether the levels are split with Haar (§4.2): low-pass features and a larger step
     * @param feedback whether the filter reads its own errors (§6.3.8): a larger norm bias and Haar step
     */
    public AdaptiveMean(int channels, int bitDepth, boolean grid, boolean haar, boolean feedback) {
        this.weights = new long[channels][3 * BlockGrid.MAX_CLASSES][];
        this.depthShift = bitDepth - 8;
        this.grid = grid;
        this.haar = haar;
        this.normBias = feedback ? FEEDBACK_NORM_BIAS : NORM_BIAS;
        this.haarGainQ4 = feedback ? FEEDBACK_HAAR_GAIN_Q4 : HAAR_GAIN_Q4;
    }

    private AdaptiveMean(AdaptiveMean shared) {
        this.weights = shared.weights;
        this.depthShift = shared.depthShift;
        this.grid = shared.grid;
        this.haar = shared.haar;
        this.normBias = shared.normBias;
        this.haarGainQ4 = shared.haarGainQ4;
    }

    /**
     * The filter for one band: it shares the weights, which each band keeps apart, and has its own per-sample state,
     * so bands can be coded side by side (SPEC.md §6.5).
     */
    public AdaptiveMean forBand() {
        return new AdaptiveMean(this);
    }

    /**
     * Corrects the sample's mean (SPEC.md §6.3.3) from the residuals and errors around it, its channel's and channel
     * 0's earlier bands, the parent level and, under Haar, the low-pass; sets {@link Sample#filterMean} too. Remembers
     * its features until {@link #learn}.
     */
    @Override
    public void predict(Sample s) {
        s.mean = correct(s);
        s.filterMean = s.mean;
    }

    /** The corrected mean of the sample: {@link #predict} without setting it. */
    int correct(Sample s) {
        int c = s.c;
        int b = s.b;
        int i = s.i;
        int[] v = s.v;
        PackedInts netMean = s.netMean;
        LevelResiduals levels = s.levels;
        PackedInts errors = s.errors;
        PackedInts[] coErrors = s.coErrors;
        int mean = s.mean;
        int w = s.w;
        int h = s.h;
        int x = s.x;
        int y = s.y;
        count = 0;
        for (int k = 0; k < b; k++) around(s.ownBands[k], 16, x, y, w, h);
        if (c > 0) around(s.lumaBands[b], 16, x, y, w, h);
        if (c > 1) around(levels.band(c - 1, b), x, y, w, h);
        for (int[] d : CAUSAL) {
            int xx = x + d[0];
            int yy = y + d[1];
            long r = xx < 0 || xx >= w || yy < 0 ? 0 : 16L * v[yy * w + xx]
                    - (netMean == null ? 0 : netMean.get(yy * w + xx));
            features[count++] = toEightBit(r);
        }
        features[count++] = levels.parent == null ? 0 : toEightBit(levels.parentAt(c, b, x, y));
        if (grid) features[count++] = GRID_BIAS;
        if (haar) lowPassDifferences(s.low, x, y, w, h);
        if (errors != null) {
            for (int[] d : FilterErrors.CAUSAL) {
                int xx = x + d[0];
                int yy = y + d[1];
                features[count++] = xx < 0 || xx >= w || yy < 0 ? 0 : toEightBit(errors.get(yy * w + xx));
            }
            for (PackedInts e : coErrors) features[count++] = toEightBit(e.get(i));
        }
        int slot = b * BlockGrid.MAX_CLASSES + s.gridClass;
        if (weights[c][slot] == null) weights[c][slot] = new long[count];
        active = weights[c][slot];
        norm = Nlms.norm(features, count, normBias);
        return Nlms.corrected(mean, Nlms.predict(active, features, count), depthShift);
    }

    /** Updates the weights of the last sample predicted, now that its value is known: towards its own mean's error. */
    @Override
    public void learn(Sample s) {
        learn(s.value, s.filterMean);
    }

    void learn(int value, int meanUsed) {
        long e = Nlms.error(value, meanUsed, norm, depthShift);
        if (e == 0) return;
        long gain = grid ? GRID_GAIN : GAIN;
        if (haar) gain = gain * haarGainQ4 >> 4;
        Nlms.learn(active, features, count, gain, e, norm);
    }

    /**
     * The low-pass's differences (in 1/16 units) from (x, y) to its right, left, lower and upper neighbours, then
     * lower-right − lower-left − upper-right + upper-left; coordinates clamped into the level. A Haar detail is a
     * difference inside a 2×2 block, which the low-pass's slope around the block foretells.
     */
    private void lowPassDifferences(int[] low, int x, int y, int w, int h) {
        int left = x > 0 ? x - 1 : x;
        int right = x < w - 1 ? x + 1 : x;
        int up = y > 0 ? y - 1 : y;
        int down = y < h - 1 ? y + 1 : y;
        long centre = low[y * w + x];
        features[count++] = toEightBit(16 * (low[y * w + right] - centre));
        features[count++] = toEightBit(16 * (low[y * w + left] - centre));
        features[count++] = toEightBit(16 * (low[down * w + x] - centre));
        features[count++] = toEightBit(16 * (low[up * w + x] - centre));
        features[count++] = toEightBit(16 * ((long) low[down * w + right] - low[down * w + left] - low[up * w + right]
                + low[up * w + left]));
    }

    /** {@link #around(int[], int, int, int, int, int)} of residuals, in their own unit. */
    private void around(PackedInts residuals, int x, int y, int w, int h) {
        int i = y * w + x;
        int left = x > 0 ? i - 1 : i;
        int right = x < w - 1 ? i + 1 : i;
        int up = y > 0 ? i - w : i;
        int down = y < h - 1 ? i + w : i;
        features[count++] = toEightBit(residuals.get(i));
        features[count++] = toEightBit(residuals.get(left));
        features[count++] = toEightBit(residuals.get(right));
        features[count++] = toEightBit(residuals.get(up));
        features[count++] = toEightBit(residuals.get(down));
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

    /** A value in 1/16 units on the 8-bit scale ({@link Nlms#toEightBit}). */
    private long toEightBit(long sixteenths) {
        return Nlms.toEightBit(sixteenths, depthShift);
    }
}
