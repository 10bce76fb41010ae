package dev.nwf.codec.entropy;
/** Constants of the rANS coder (SPEC.md §3.1): 64-bit state, 32-bit output words, 16-bit probabilities. */
final class Rans {
    static final int PROB_BITS = 16;
    static final int PROB_TOTAL = 1 << PROB_BITS;
    /** Lower bound of the normalised state interval [L, L * 2^32). */
    static final long STATE_LOW = 1L << 31;

    private Rans() {
    }
}
