package dev.nwf.codec.entropy;
/**
 * A coding table with the frequency of the value 0 replaced (SPEC.md §3.4): the zero's symbol moves to the front
 * with its new frequency, and every other symbol keeps 1 plus its share of the rest, in proportion to what it held
 * above 1, through one fixed-point ratio (one division per non-zero value coded, none per symbol). Integer-only, so
 * encoder and decoder agree.
 */
final class ZeroOverride {
    private final CodingTable t;
    /** The symbol holding the value 0 in {@code t}. */
    private final int z;
    private final int zeroFreq;
    /** Fraction bits of {@link #ratio}. */
    static final int RATIO_BITS = 24;
    /**
     * What the other symbols hold above 1 now over what they held, ⌊B·2^24 / A⌋ (0 when they held nothing above 1);
     * computed on first use, as a zero needs no other symbol's interval.
     */
    private long ratio = -1;

    ZeroOverride(CodingTable t, int z, int zeroFreq) {
        int others = t.symbols() - 1;
        if (zeroFreq < 1 || zeroFreq > Rans.PROB_TOTAL - others) throw new IllegalArgumentException("zero frequency "
                + zeroFreq + " out of range");
        this.t = t;
        this.z = z;
        this.zeroFreq = zeroFreq;
    }

    private long ratio() {
        if (ratio < 0) {
            int others = t.symbols() - 1;
            long oldSpare = Rans.PROB_TOTAL - t.freq(z) - others;
            long newSpare = Rans.PROB_TOTAL - zeroFreq - others;
            ratio = oldSpare == 0 ? 0 : (newSpare << RATIO_BITS) / oldSpare;
        }
        return ratio;
    }

    /**
     * Start of symbol s (s != z) in the new order; start(symbols) = 2^16 (the last symbol takes what rounding left).
     */
    int start(int s) {
        if (s == t.symbols()) return Rans.PROB_TOTAL;
        int rank = s < z ? s : s - 1;
        long spareBelow = s <= z ? t.cum[s] - s : t.cum[s] - t.freq(z) - (s - 1);
        return zeroFreq + rank + (int) (spareBelow * ratio() >> RATIO_BITS);
    }

    int freq(int s) {
        return start(s == z - 1 ? z + 1 : s + 1) - start(s);
    }

    int zeroSymbol() {
        return z;
    }

    int zeroFreq() {
        return zeroFreq;
    }

    /**
     * The symbol whose interval holds {@code slot}: z below the zero's frequency; else the old table's symbol at the
     * same share of the other symbols' mass, moved to the neighbour whose new interval holds the slot (rescaling moves
     * boundaries by little, so this takes a step or two).
     */
    int find(int slot) {
        if (slot < zeroFreq) return z;
        int fz = t.freq(z);
        // a guess only (the steps below settle it), so a floating-point quotient serves
        int old = (int) ((slot - zeroFreq) * ((double) (Rans.PROB_TOTAL - fz) / (Rans.PROB_TOTAL - zeroFreq)));
        int s = t.find(old < t.cum[z] ? old : old + fz);
        if (s == z) s = z + 1 < t.symbols() ? z + 1 : z - 1;
        while (start(s) > slot) s = s - 1 == z ? s - 2 : s - 1;
        while (true) {
            int next = s + 1 == z ? s + 2 : s + 1;
            if (next >= t.symbols() || start(next) > slot) return s;
            s = next;
        }
    }
}
