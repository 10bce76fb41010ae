package dev.nwf.codec.pixel;

/**
 * Logistic mixing (SPEC.md §4.4.3): a probability from a weighted sum of stretched predictions, with one weight
 * vector per selector, trained online to lower the coded bits. Weights are 16.16 fixed point.
 */
final class Mixer {
    static final int INPUTS = PixelModel.CONTEXTS + 1;
    /**
     * Every weight's start, 0.156: with nine inputs, counters that agree at first should not add up to more certainty
     * than each has (crops of 32×32 of set P's development half as pixel levels 0.8 % smaller than from 0.25).
     */
    private static final int INITIAL_WEIGHT = 10240;
    /**
     * Learning rate after a weight vector's n updates: the error (12-bit) times this, times the input, shifted by
     * {@link #RATE_SHIFT}; 6 + 18·256/(256 + n), rounded half up, from 24 at first to 6 (set P's development half as
     * pixel levels 0.4 % smaller than a constant 16, its 32×32 crops 0.9 %: fast while a vector knows little, steady
     * after).
     */
    /** From this many updates the rate stays 6 (the fraction's numerator falls below its denominator). */
    private static final int RATE_STEADY_AFTER = 8961;
    private static final byte[] RATE = new byte[RATE_STEADY_AFTER + 1];
    private static final int RATE_SHIFT = 14;

    static {
        for (int n = 0; n < RATE.length; n++) RATE[n] = (byte) (6 + (18 * 512 + 256 + n) / (512 + 2 * n));
    }

    private final int[] weights;
    /** Updates of each weight vector, up to {@link #RATE_STEADY_AFTER}. */
    private final int[] updates;
    private int selector;
    private final int[] inputs;
    private int base;
    private int p12;

    Mixer(int selectors) {
        this(selectors, INPUTS);
    }

    /** A mixer of {@code inputs} inputs: {@link #INPUTS}, or one more for the expert (SPEC.md §4.4.5). */
    Mixer(int selectors, int inputs) {
        this.inputs = new int[inputs];
        weights = new int[selectors * inputs];
        updates = new int[selectors];
        java.util.Arrays.fill(weights, INITIAL_WEIGHT);
    }

    void set(int input, int stretched) {
        inputs[input] = stretched;
    }

    /** The mixed 12-bit probability of a 1 under weight vector {@code selector}. */
    int mix(int selector) {
        return Logistic.squash(mixStretched(selector));
    }

    /** The mix under weight vector {@code selector}, stretched (clamped to ±2047). */
    int mixStretched(int selector) {
        this.selector = selector;
        base = selector * inputs.length;
        long dot = 0;
        for (int i = 0; i < inputs.length; i++) dot += (long) inputs[i] * weights[base + i];
        int d = (int) Math.max(-Logistic.LIMIT, Math.min(Logistic.LIMIT, dot >> 16));
        p12 = Logistic.squash(d);
        return d;
    }

    /** Moves the last weight vector used along the gradient of the bit's cost, at its rate. */
    void update(int bit) {
        int n = updates[selector];
        if (n < RATE_STEADY_AFTER) updates[selector] = n + 1;
        int err = ((bit << 12) - p12) * RATE[n];
        for (int i = 0; i < inputs.length; i++) weights[base + i] += (inputs[i] * err) >> RATE_SHIFT;
    }
}
