package dev.nwf.codec.entropy;
/**
 * A discretised distribution as integer frequencies summing to 2^16 (SPEC.md §3.2). Symbol 0 is the escape;
 * symbol 1 + K + q stands for bin q in [-K, K]. Bins are 2^shift values wide.
 */
final class CodingTable {
    private static final int GUIDE_BITS = 8;

    final int k;
    final int shift;
    /** cum[i] = sum of frequencies of symbols below i; cum[n] = 2^16. */
    final int[] cum;
    private final short[] guide;
    /** -log2(freq / 2^16) per symbol, for encoders choosing parameters. */
    final double[] bits;

    CodingTable(int k, int shift, int[] freqs) {
        this.k = k;
        this.shift = shift;
        int n = freqs.length;
        cum = new int[n + 1];
        for (int i = 0; i < n; i++) cum[i + 1] = cum[i] + freqs[i];
        if (cum[n] != Rans.PROB_TOTAL) throw new IllegalStateException("frequencies sum to " + cum[n]);
        bits = new double[n];
        for (int i = 0; i < n; i++) bits[i] = Rans.PROB_BITS - Math.log(freqs[i]) / Math.log(2);
        guide = new short[1 << GUIDE_BITS];
        int s = 0;
        for (int g = 0; g < guide.length; g++) {
            int slot = g << (Rans.PROB_BITS - GUIDE_BITS);
            while (cum[s + 1] <= slot) s++;
            guide[g] = (short) s;
        }
    }

    int symbols() {
        return cum.length - 1;
    }

    int freq(int symbol) {
        return cum[symbol + 1] - cum[symbol];
    }

    /** The symbol whose interval holds {@code slot}. */
    int find(int slot) {
        int s = guide[slot >>> (Rans.PROB_BITS - GUIDE_BITS)];
        while (cum[s + 1] <= slot) s++;
        return s;
    }
}
