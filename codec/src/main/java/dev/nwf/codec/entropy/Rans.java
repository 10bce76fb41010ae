package dev.nwf.codec.entropy;
/** Constants of the rANS coder (SPEC.md §3.1): 64-bit state, 32-bit output words, 16-bit probabilities. */
final class Rans {
    static final int PROB_BITS = 16;
    static final int PROB_TOTAL = 1 << PROB_BITS;
    /** Lower bound of the normalised state interval [L, L * 2^32). */
    static final long STATE_LOW = 1L << 31;
    /** The fewest bytes a stream's final state is written in: any state (at least 2^31) takes more than 4. */
    static final int MIN_STATE_BYTES = 5;

    /**
     * Bytes the final state {@code x} is written in (SPEC.md §3.1): the fewest of 5 to 8 that hold it. Its stream's
     * length then says how many, as the words after it come in fours.
     */
    static int stateBytes(long x) {
        int k = MIN_STATE_BYTES;
        while (k < 8 && x >>> (8 * k) != 0) k++;
        return k;
    }

    /** How many bytes the state takes in a stream of {@code length} bytes (at least {@link #MIN_STATE_BYTES}). */
    static int stateBytesIn(int length) {
        return MIN_STATE_BYTES + ((length - MIN_STATE_BYTES) & 3);
    }

    private Rans() {
    }
}
