package dev.nwf.codec.nwf.context;
/**
 * The local scale's blend learnt inside the image (SPEC.md §6.3.9): the fixed blend of §6.3.1 gives the band's own
 * neighbours, the co-located bands and the network's (or the constant) scale the same say in every image and band; a
 * normalised-LMS filter per (channel, band) learns how much more or less to trust the neighbours against the
 * co-located bands, and how much to shrink or grow the whole estimate, from three features: each group's deviation
 * from the blend's estimate, and a zero magnitude's. Weights start at zero (the fixed blend) for every image and carry
 * over from level to level; 64-bit integers only, so encoder and decoder stay in step.
 */
public final class ScaleBlend implements ContextStage {
    /** The in-band group, the co-located group, the zero magnitude. */
    static final int FEATURES = 3;
    /**
     * Weights are fixed point with this many fraction bits (est gains Σ w·f >> (WEIGHT_FRAC_BITS − 10)): steps are
     * small, and with 16 bits their rounding alone moved the weights further than the errors did.
     */
    static final int WEIGHT_FRAC_BITS = 24;
    static final long WEIGHT_LIMIT = 1L << 28;
    /** Features and the error are clamped to this (8-bit units of 1/16 for the step's inputs). */
    static final long FEATURE_LIMIT = 1L << 20;
    /** Added to the features' squared norm (8-bit units of 1/16): keeps steps small where the blend's inputs agree. */
    static final long NORM_BIAS = 1024;
    /** The step, 3·2^-10 in units of 2^-24 (set A: 1.5·2^-10 / 6·2^-10 +0.02 / 0.00 %). */
    static final long GAIN = 3L << 14;
    static final int STEP_FRAC_BITS = 12;
    /** Unused longs after each band's weights (see the constructor). */
    private static final int PADDING = 16;

    private final long[][][] weights;
    private final int depthShift;
    /** The sample's features in 1/16 units, and scaled to the 8-bit range for the step. */
    private final long[] features = new long[FEATURES];
    private final long[] features8 = new long[FEATURES];
    /** The fixed blend's parts ({@link LocalScale#estimate}). */
    private final long[] parts = new long[4];
    private long[] active;
    private long norm;
    private long estimate;

    public ScaleBlend(int channels, int bitDepth) {
        this(channels, 3, bitDepth);
    }

    /** A blend for {@code bands} bands (or latent classes) per channel. */
    public ScaleBlend(int channels, int bands, int bitDepth) {
        // each band's weights padded to two cache lines: bands next to each other run side by side (SPEC.md §6.5),
        // and weights written at every sample in one cache line would pass it between the cores at every sample
        this.weights = new long[channels][bands][FEATURES + PADDING];
        this.depthShift = bitDepth - 8;
    }

    private ScaleBlend(ScaleBlend shared) {
        this.weights = shared.weights;
        this.depthShift = shared.depthShift;
    }

    /** The blend for one band: shared weights (each band its own), per-sample state of its own (SPEC.md §6.5). */
    public ScaleBlend forBand() {
        return new ScaleBlend(this);
    }

    /**
     * Sets the sample's local scale index: §6.3.1's blend with the learnt deviations. Remembers its features until
     * {@link #learn}.
     */
    @Override
    public void predict(Sample s) {
        s.local = at(s);
    }

    /** Learns from the sample's residual magnitude. */
    @Override
    public void learn(Sample s) {
        learn(s.magnitude);
    }

    /** The local scale index of the sample; remembers its features until {@link #learn}. */
    public int at(Sample s) {
        int c = s.c;
        int b = s.b;
        long e0 = LocalScale.estimate(s.i, s.w, s.res, s.netScale, s.co, s.coExtra, s.coExtraCount, s.leftWeight,
                s.upWeight, parts);
        long base = e0 >> 10;
        long[] f = features;
        // Σ a·(g − base) over the neighbours the blend read, in 1/16 of their weight (about 18 in all)
        f[0] = clamp((parts[LocalScale.IN_SUM] - base * parts[LocalScale.IN_WEIGHT]) >> 4);
        // Σ (g − base) over the co-located magnitudes, halved
        f[1] = clamp((parts[LocalScale.CO_SUM] - base * parts[LocalScale.CO_COUNT]) >> 1);
        f[2] = clamp(-base);
        long[] wt = weights[c][b];
        active = wt;
        long sum = 0;
        long sq = NORM_BIAS;
        for (int j = 0; j < FEATURES; j++) {
            long v8 = toEightBit(f[j]);
            features8[j] = v8;
            sum += wt[j] * f[j];
            sq += v8 * v8;
        }
        norm = sq;
        estimate = Math.max(0, e0 + (sum >> (WEIGHT_FRAC_BITS - 10)));
        return LocalScale.index(estimate);
    }

    /** Updates the weights of the last sample asked about, now that its residual magnitude (1/16 units) is known. */
    public void learn(int magnitude) {
        long e = toEightBit(magnitude - (estimate >> 10));
        if (e == 0) return;
        // the norm's largest power of two below it divides: a shift, not a division (the step is off by less than 2x)
        long g = (GAIN * e << STEP_FRAC_BITS) >> (63 - Long.numberOfLeadingZeros(norm));
        long[] wt = active;
        for (int j = 0; j < FEATURES; j++) {
            // rounded to nearest: floor would move every weight down by half a unit at each step
            long updated = wt[j] + ((g * features8[j] + (1L << (STEP_FRAC_BITS - 1))) >> STEP_FRAC_BITS);
            wt[j] = updated > WEIGHT_LIMIT ? WEIGHT_LIMIT : updated < -WEIGHT_LIMIT ? -WEIGHT_LIMIT : updated;
        }
    }

    private static long clamp(long v) {
        return v > FEATURE_LIMIT ? FEATURE_LIMIT : v < -FEATURE_LIMIT ? -FEATURE_LIMIT : v;
    }

    /** A value in 1/16 units scaled to the 8-bit range (the step does not depend on the bit depth), clamped. */
    private long toEightBit(long sixteenths) {
        return clamp(depthShift >= 0 ? sixteenths >> depthShift : sixteenths << -depthShift);
    }
}
