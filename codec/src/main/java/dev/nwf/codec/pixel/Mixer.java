package dev.nwf.codec.pixel;

import java.util.Arrays;

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
    /** The inputs in use: the weights past them start at 0 and stay 0. */
    private final int used;
    private int base;
    private int p12;

    Mixer(int selectors) {
        this(selectors, INPUTS);
    }

    /** A mixer of {@code inputs} inputs: {@link #INPUTS}, or one more for the expert (SPEC.md §4.4.5). */
    Mixer(int selectors, int inputs) {
        this(selectors, inputs, new int[WIDTH]);
    }

    /**
     * A mixer of {@code selectors} weight sets over the same inputs as {@code other}: what is set on one is set on
     * both, once (pixel levels' two mixers mix the same inputs, SPEC.md §4.4.3).
     */
    Mixer(int selectors, Mixer other) {
        this(selectors, other.used, other.inputs);
    }

    private Mixer(int selectors, int inputs, int[] values) {
        if (inputs > WIDTH) throw new IllegalArgumentException("more than " + WIDTH + " inputs: " + inputs);
        this.inputs = values;
        this.used = inputs;
        weights = new int[selectors * WIDTH];
        updates = new int[selectors];
        for (int s = 0; s < selectors; s++) Arrays.fill(weights, s * WIDTH, s * WIDTH + inputs, INITIAL_WEIGHT);
    }

    /**
     * Slots of each weight vector and of the inputs: the most inputs a mixer has (eight counters, the bias, the
     * expert); the ones past a mixer's inputs hold 0 and stay 0, so that every loop runs one fixed length that the
     * compiler unrolls (pixel levels decoded about 5 % faster than with loops of the mixer's own length, the same
     * bytes; 16 slots, which it does not vectorise either, took about 4 % more time than 10).
     */
    private static final int WIDTH = INPUTS + 1;

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
        base = selector * WIDTH;
        long dot = 0;
        for (int i = 0; i < WIDTH; i++) dot += (long) inputs[i] * weights[base + i];
        int d = (int) Math.max(-Logistic.LIMIT, Math.min(Logistic.LIMIT, dot >> 16));
        p12 = Logistic.squash(d);
        return d;
    }

    /** Moves the last weight vector used along the gradient of the bit's cost, at its rate. */
    void update(int bit) {
        int n = updates[selector];
        if (n < RATE_STEADY_AFTER) updates[selector] = n + 1;
        int err = ((bit << 12) - p12) * RATE[n];
        for (int i = 0; i < WIDTH; i++) weights[base + i] += (inputs[i] * err) >> RATE_SHIFT;
    }
}
