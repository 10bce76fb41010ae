package dev.nwf.codec.pixel;

/**
 * Secondary estimation (SPEC.md §4.4.3): refines a probability by what followed it before in a context. Per context,
 * 33 probabilities at evenly spaced stretched values; the input is placed between two of them, the output is their
 * interpolation, and the nearer one learns the bit.
 */
final class Apm {
    private static final int RATE = 6;
    /** Every context's starting entries: the identity. */
    private static final int[] INITIAL = new int[33];

    static {
        for (int j = 0; j < 33; j++) INITIAL[j] = Logistic.squash((j - 16) * 128) * 16;
    }

    private final int[] table;
    private int index;

    Apm(int contexts) {
        table = new int[contexts * 33];
        for (int c = 0; c < contexts; c++) System.arraycopy(INITIAL, 0, table, c * 33, 33);
    }

    /**
     * The refined 12-bit probability of a 1 whose stretched value is {@code stretched} (several APMs refining one
     * probability stretch it once).
     */
    int refine(int stretched, int context) {
        int s = stretched + 2048;
        int lo = s >> 7;
        int w = s & 127;
        int at = context * 33 + lo;
        index = at + (w >> 6);
        return (table[at] * (128 - w) + table[at + 1] * w) >> 11;
    }

    void update(int bit) {
        int target = (bit << 16) + (bit << RATE) - bit - bit;
        table[index] += (target - table[index]) >> RATE;
    }
}
