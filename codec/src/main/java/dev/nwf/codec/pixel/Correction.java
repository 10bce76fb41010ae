package dev.nwf.codec.pixel;

/**
 * The correction of a difference's prediction (SPEC.md §4.4.2, correction): a normalised-LMS filter per pass that
 * predicts how far the sample lies from P, from the eight neighbours' offsets from P and, for channels after the
 * first, the differences coded for the same pixel's earlier channels. Under subtract green the colour differences'
 * errors follow green's (a local colour transform the fixed one misses), so the colours after the first (channels
 * 1 and 2 of 3 or 4) are predicted from P plus the correction; for channel 0 and alpha the correction only keys a
 * context, since on clean renders a moving prediction scatters the contexts keyed by P. Integer arithmetic
 * throughout: weights of {@value #WEIGHT_BITS} fraction bits, the correction in sixteenths, one division a sample.
 * With tool colour-gradients (SPEC.md §4.4.12) the colours also read channel 0's gradients at the pixel: six more
 * features, 0 (which leaves their weights at 0 and every sum as it was) without the tool and for the other channels.
 */
final class Correction {
    /** The features §4.4.2 defines: the neighbours' offsets and the two earlier channels' differences. */
    static final int CHANNEL_FEATURES = PixelScan.NEIGHBOURS + 2;
    /** Channel 0's gradients (tool colour-gradients): to the pixel from its first six neighbours' positions. */
    static final int GRADIENTS = 6;
    static final int FEATURES = CHANNEL_FEATURES + GRADIENTS;
    static final int WEIGHT_BITS = 16;
    static final long WEIGHT_LIMIT = 1L << 20;
    /** Features are clamped to ±this (the earlier channels' recorded differences lie within it). */
    static final int FEATURE_LIMIT = Short.MAX_VALUE;
    static final long ERROR_LIMIT = 1L << 20;
    /** Added to the features' squared norm: a flat neighbourhood's steps stay small. */
    static final long BIAS = 64;
    /** The step is 1/32 of the normalised error: 2^(12 − 5) with the weights' 16 and the error's 4 fraction bits. */
    private static final int STEP_SHIFT = 7;
    private static final int STEP_BITS = 20;

    /** Per state set (a pass, or a pass at a grid position, SPEC.md §4.4.6), {@value #FEATURES} weights. */
    private final long[] weights;
    private final long[] features = new long[FEATURES];
    private int base;
    private int offset;
    private long sixteenths;
    private long norm;

    /**
     * The features looped over: {@value #FEATURES} where the correction reads the gradients (set by {@link
     * #gradients}), else {@value #CHANNEL_FEATURES}, the others staying 0 and adding nothing to a sum.
     */
    private final int used;

    /** A correction of {@code sets} state sets, each learning alone, without the gradients. */
    Correction(int sets) {
        this(sets, false);
    }

    /** A correction of {@code sets} state sets, each learning alone, with or without channel 0's gradients. */
    Correction(int sets, boolean withGradients) {
        weights = new long[sets * FEATURES];
        this.used = withGradients ? FEATURES : CHANNEL_FEATURES;
    }

    /**
     * The correction of prediction {@code p} in sixteenths, under state set {@code set}, from neighbours {@code nb},
     * the earlier channels' differences {@code previous} (channel c − 1) and {@code first} (channel 0), 0 where
     * absent, and the gradients last set by {@link #gradients} (0 unless set).
     */
    long predict(int set, int[] nb, int p, int previous, int first) {
        base = p;
        offset = set * FEATURES;
        for (int k = 0; k < PixelScan.NEIGHBOURS; k++) {
            features[k] = nb[k] == PixelModel.MISSING ? 0 : clamp((long) nb[k] - p);
        }
        features[PixelScan.NEIGHBOURS] = previous;
        features[PixelScan.NEIGHBOURS + 1] = first;
        long sum = 0;
        long n = BIAS;
        for (int k = 0; k < used; k++) {
            sum += weights[offset + k] * features[k];
            n += features[k] * features[k];
        }
        norm = n;
        sixteenths = sum >> (WEIGHT_BITS - 4);
        return sixteenths;
    }

    /**
     * Sets the gradients of the next predictions (tool colour-gradients, SPEC.md §4.4.12): {@code v0}, channel 0's
     * sample at the pixel, less channel 0's samples {@code at} the pixel's first six neighbours' positions, 0 where
     * one is {@link PixelModel#MISSING}, clamped as the other features.
     */
    void gradients(int v0, int[] at) {
        for (int k = 0; k < GRADIENTS; k++) {
            features[CHANNEL_FEATURES + k] = at[k] == PixelModel.MISSING ? 0 : clamp((long) v0 - at[k]);
        }
    }

    /** Copies the last prediction's first {@value #CHANNEL_FEATURES} features into the start of {@code into}. */
    void copyFeatures(long[] into) {
        System.arraycopy(features, 0, into, 0, CHANNEL_FEATURES);
    }

    /** Moves the weights of the last prediction towards the sample's true value. */
    void learn(int value) {
        long e = Math.max(-ERROR_LIMIT, Math.min(ERROR_LIMIT, 16L * (value - base) - sixteenths));
        // the floor of the quotient (norm is positive): one less where the remainder is negative, without a branch
        long x = e << (STEP_SHIFT + STEP_BITS);
        long q = x / norm;
        long g = q + (x - q * norm >> 63);
        for (int k = 0; k < used; k++) {
            long w = weights[offset + k] + (g * features[k] + (1L << (STEP_BITS - 1)) >> STEP_BITS);
            weights[offset + k] = Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, w));
        }
    }

    static int clamp(long v) {
        return (int) Math.max(-FEATURE_LIMIT, Math.min(FEATURE_LIMIT, v));
    }

    /**
     * A correction (in whole units) quantised for a context: its magnitude m exactly up to 4, then its half-octave
     * ({@link PassErrors#halfOctave}: 2·⌊log2 m⌋ + 1 + the bit below the top one); the sign kept.
     */
    static int quantised(int d) {
        int m = Math.abs(d);
        // chosen and signed by masks rather than branches, whose way the data makes unpredictable
        int small = m - 5 >> 31;
        int k = m & small | PassErrors.halfOctave(m) & ~small;
        int s = d >> 31;
        return (k ^ s) - s;
    }
}
