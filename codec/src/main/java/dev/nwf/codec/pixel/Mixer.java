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
    /** Learning rate: the error (12-bit) times this, times the input, shifted by {@link #RATE_SHIFT}. */
    private static final int RATE = 16;
    /**
     * A weight set's first updates learn faster: the rate is RATE + ⌊2048 / (64 + n)⌋ after n updates (3 times RATE at
     * first, RATE alone from 1985 on). 32×32 crops of set P as pixel levels 0.5–0.6 % smaller, whole images ±0.
     */
    private static final int[] EARLY = new int[2048];

    static {
        for (int n = 0; n < EARLY.length; n++) EARLY[n] = RATE + 2048 / (64 + n);
    }

    private static final int RATE_SHIFT = 14;

    private final int[] weights;
    /** Updates per weight set, counted to 2047. */
    private final short[] updates;
    private final int[] inputs = new int[INPUTS];
    private int base;
    private int set;
    private int p12;

    Mixer(int selectors) {
        weights = new int[selectors * INPUTS];
        updates = new short[selectors];
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
        set = selector;
        base = selector * INPUTS;
        long dot = 0;
        for (int i = 0; i < INPUTS; i++) dot += (long) inputs[i] * weights[base + i];
        int d = (int) Math.max(-Logistic.LIMIT, Math.min(Logistic.LIMIT, dot >> 16));
        p12 = Logistic.squash(d);
        return d;
    }

    /** Moves the last weight vector used along the gradient of the bit's cost. */
    void update(int bit) {
        int n = updates[set];
        if (n < EARLY.length - 1) updates[set] = (short) (n + 1);
        int err = ((bit << 12) - p12) * EARLY[n];
        for (int i = 0; i < INPUTS; i++) weights[base + i] += (inputs[i] * err) >> RATE_SHIFT;
    }
}
