package dev.nwf.codec.nwf.context;

/**
 * The normalised-LMS arithmetic of SPEC.md §6.3.3, shared by the nwf family's mean filter ({@link AdaptiveMean}) and
 * the rgflow family's latent one (§8.3): integer weights of {@value #WEIGHT_FRAC_BITS} fraction bits, one division per
 * sample, steps rounded to nearest.
 */
public final class Nlms {
    /** Weights are fixed point with this many fraction bits. */
    public static final int WEIGHT_FRAC_BITS = 16;
    public static final long WEIGHT_LIMIT = 1L << 20;
    /** Fraction bits of the per-sample step factor. */
    static final int STEP_FRAC_BITS = 20;
    /** Added to each step before its shift: half a unit, so steps round to nearest (rounded down they drift). */
    private static final long STEP_ROUNDING = 1L << (STEP_FRAC_BITS - 1);
    /** Features, on the 8-bit scale, are clamped to this. */
    static final long FEATURE_LIMIT = 1L << 16;
    /** Errors, on the 8-bit scale, are limited to this (and to twice the norm). */
    static final long ERROR_LIMIT = 1L << 20;
    /** Corrected means are clamped to this. */
    private static final long MEAN_LIMIT = 1L << 30;

    private Nlms() {
    }

    /**
     * A value in 1/16 units of an image {@code depthShift} = depth − 8 bits deeper than 8, on the 8-bit scale (shifted
     * right, or left where the depth is below 8) and clamped to ±{@value #FEATURE_LIMIT}.
     */
    public static long toEightBit(long sixteenths, int depthShift) {
        long s = depthShift >= 0 ? sixteenths >> depthShift : sixteenths << -depthShift;
        return Math.max(-FEATURE_LIMIT, Math.min(FEATURE_LIMIT, s));
    }

    /** {@code mean} plus a prediction on the 8-bit scale brought back to the image's depth, clamped to ±2^30. */
    public static int corrected(long mean, long prediction, int depthShift) {
        long correction = depthShift >= 0 ? prediction << depthShift : prediction >> -depthShift;
        return (int) Math.max(-MEAN_LIMIT, Math.min(MEAN_LIMIT, mean + correction));
    }

    /**
     * The error a filter learns from: 16·value − the mean it gave, on the 8-bit scale, limited to ±min(2^20,
     * 2·norm) so that an outlier's step stays bounded.
     */
    public static long error(int value, int meanUsed, long norm, int depthShift) {
        long limit = Math.min(ERROR_LIMIT, 2 * norm);
        return Math.max(-limit, Math.min(limit, toEightBit(16L * value - meanUsed, depthShift)));
    }

    /** Σ weights·features over the first {@code count}, floored to whole units. */
    public static long predict(long[] weights, long[] features, int count) {
        long sum = 0;
        for (int j = 0; j < count; j++) sum += weights[j] * features[j];
        return Math.floorDiv(sum, 1L << WEIGHT_FRAC_BITS);
    }

    /** {@code bias} plus the squared norm of the first {@code count} features. */
    public static long norm(long[] features, int count, long bias) {
        long norm = bias;
        for (int j = 0; j < count; j++) norm += features[j] * features[j];
        return norm;
    }

    /**
     * One step of the weights towards error {@code e} (already limited): the common factor gain·e/norm, kept with
     * {@value #STEP_FRAC_BITS} fraction bits, times each feature, each weight clamped to ±{@link #WEIGHT_LIMIT}.
     */
    public static void learn(long[] weights, long[] features, int count, long gain, long e, long norm) {
        long g = Math.floorDiv(gain * e << STEP_FRAC_BITS, norm);
        for (int j = 0; j < count; j++) {
            long step = (g * features[j] + STEP_ROUNDING) >> STEP_FRAC_BITS;
            weights[j] = Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, weights[j] + step));
        }
    }
}
