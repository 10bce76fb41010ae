package dev.nwf.codec.entropy;
/**
 * Codes integer values under a discretised distribution given by an integer fixed-point mean and a scale index
 * (SPEC.md §3.3). Values outside the table's bins go through the escape symbol and Elias-gamma bypass bits, so
 * no value in [-2^30, 2^30] can fail to code.
 */
public final class ResidualCoder {
    public static final int MAX_MAGNITUDE = 1 << 30;
    private static final int LENGTH_BITS = 6;

    private ResidualCoder() {
    }

    /**
     * @param meanFixed mean in units of 2^-{@value CodingTables#MEAN_FRAC_BITS}
     * @param scaleIndex 0..{@value CodingTables#SCALES}-1
     */
    public static void encode(RansEncoder enc, Family family, int scaleIndex, int meanFixed, int value) {
        encode(enc, CodingTables.get(family, scaleIndex, meanFixed & (CodingTables.MEAN_FRACTIONS - 1)), meanFixed,
                value);
    }

    private static void encode(RansEncoder enc, CodingTable t, int meanFixed, int value) {
        if (value > MAX_MAGNITUDE || value < -MAX_MAGNITUDE) throw new IllegalArgumentException("value out of range: "
                + value);
        long d = (long) value - (meanFixed >> CodingTables.MEAN_FRAC_BITS);
        long q = d >> t.shift;
        int low = (int) (d - (q << t.shift));
        if (q >= -t.k && q <= t.k) {
            int sym = (int) (1 + t.k + q);
            enc.put(t.cum[sym], t.freq(sym));
        } else {
            enc.put(0, t.freq(0));
            boolean above = q > t.k;
            long excess = above ? q - t.k - 1 : -t.k - 1 - q;
            enc.putBits(above ? 0 : 1, 1);
            putGamma(enc, excess + 1);
        }
        putLow(enc, low, t.shift);
    }

    public static int decode(RansDecoder dec, Family family, int scaleIndex,
            int meanFixed) throws CorruptStreamException {
        return decode(dec, CodingTables.get(family, scaleIndex, meanFixed & (CodingTables.MEAN_FRACTIONS - 1)),
                meanFixed);
    }

    private static int decode(RansDecoder dec, CodingTable t, int meanFixed) throws CorruptStreamException {
        int sym = t.find(dec.peek());
        dec.advance(t.cum[sym], t.freq(sym));
        return finishDecode(dec, t, sym, meanFixed);
    }

    /**
     * The frequency (of 2^16) the table of {@code scaleIndex} and {@code meanFixed} gives the value 0, or -1 where
     * that value has no symbol of its own (bins wider than one value, or 0 beyond the bins): then its frequency
     * cannot be replaced (SPEC.md §3.4).
     */
    public static int zeroFrequency(Family family, int scaleIndex, int meanFixed) {
        CodingTable t = CodingTables.get(family, scaleIndex, meanFixed & (CodingTables.MEAN_FRACTIONS - 1));
        int z = zeroSymbol(t, meanFixed);
        return z < 0 ? -1 : t.freq(z);
    }

    /** The largest frequency the value 0 may be given in that table: every other symbol keeps at least 1. */
    public static int maxZeroFrequency(Family family, int scaleIndex, int meanFixed) {
        return maxZeroFrequency(CodingTables.get(family, scaleIndex, meanFixed & (CodingTables.MEAN_FRACTIONS - 1)));
    }

    private static void encode(RansEncoder enc, CodingTable t, int meanFixed, int value, ZeroOverride o) {
        if (value > MAX_MAGNITUDE || value < -MAX_MAGNITUDE) throw new IllegalArgumentException("value out of range: "
                + value);
        int zeroFreq = o.zeroFreq();
        if (value == 0) {
            enc.put(0, zeroFreq);
            return;
        }
        long q = (long) value - (meanFixed >> CodingTables.MEAN_FRAC_BITS);
        if (q >= -t.k && q <= t.k) {
            int sym = (int) (1 + t.k + q);
            enc.put(o.start(sym), o.freq(sym));
        } else {
            enc.put(o.start(0), o.freq(0));
            boolean above = q > t.k;
            enc.putBits(above ? 0 : 1, 1);
            putGamma(enc, (above ? q - t.k - 1 : -t.k - 1 - q) + 1);
        }
    }

    private static int decode(RansDecoder dec, CodingTable t, int meanFixed,
            ZeroOverride o) throws CorruptStreamException {
        int sym = o.find(dec.peek());
        if (sym == o.zeroSymbol()) {
            dec.advance(0, o.zeroFreq());
            return 0;
        }
        dec.advance(o.start(sym), o.freq(sym));
        return finishDecode(dec, t, sym, meanFixed);
    }

    /** Where the value 0 may be coded with its own frequency, what that frequency is (SPEC.md §3.4). */
    @FunctionalInterface
    public interface ZeroModel {
        /**
         * Asked only where the table gives 0 a symbol of its own.
         *
         * @param tableFreq the table's frequency of 0
         * @param maxFreq   the most 0 may be given (every other symbol keeps at least 1)
         * @return the frequency to code 0 with, 1..maxFreq
         */
        int frequency(int tableFreq, int maxFreq);
    }

    /**
     * As {@link #encode(RansEncoder, Family, int, int, int)}, the value 0 coded with the frequency {@code zero} gives,
     * where it is asked.
     */
    public static void encode(RansEncoder enc, Family family, int scaleIndex, int meanFixed, int value,
            ZeroModel zero) {
        CodingTable t = CodingTables.get(family, scaleIndex, meanFixed & (CodingTables.MEAN_FRACTIONS - 1));
        int z = zeroSymbol(t, meanFixed);
        if (z < 0) encode(enc, t, meanFixed, value);
        else encode(enc, t, meanFixed, value, new ZeroOverride(t, z, zero.frequency(t.freq(z), maxZeroFrequency(t))));
    }

    /**
     * Reads a value written by {@link #encode(RansEncoder, Family, int, int, int, ZeroModel)} with the same model
     * state.
     */
    public static int decode(RansDecoder dec, Family family, int scaleIndex, int meanFixed,
            ZeroModel zero) throws CorruptStreamException {
        CodingTable t = CodingTables.get(family, scaleIndex, meanFixed & (CodingTables.MEAN_FRACTIONS - 1));
        int z = zeroSymbol(t, meanFixed);
        if (z < 0) return decode(dec, t, meanFixed);
        return decode(dec, t, meanFixed, new ZeroOverride(t, z, zero.frequency(t.freq(z), maxZeroFrequency(t))));
    }

    private static int maxZeroFrequency(CodingTable t) {
        return Rans.PROB_TOTAL - (t.symbols() - 1);
    }

    private static int zeroSymbol(CodingTable t, int meanFixed) {
        if (t.shift != 0) return -1;
        long q = -(long) (meanFixed >> CodingTables.MEAN_FRAC_BITS);
        return q < -t.k || q > t.k ? -1 : (int) (1 + t.k + q);
    }

    /** The value of symbol {@code sym} (already consumed), reading an escape's bits and a wide bin's low bits. */
    private static int finishDecode(RansDecoder dec, CodingTable t, int sym,
            int meanFixed) throws CorruptStreamException {
        long q;
        if (sym != 0) {
            q = sym - 1 - t.k;
        } else {
            boolean above = dec.getBits(1) == 0;
            long excess = getGamma(dec) - 1;
            q = above ? t.k + 1 + excess : -t.k - 1 - excess;
        }
        long low = getLow(dec, t.shift);
        long value = (q << t.shift) + low + (meanFixed >> CodingTables.MEAN_FRAC_BITS);
        if (value > MAX_MAGNITUDE || value < -MAX_MAGNITUDE) {
            throw new CorruptStreamException("decoded value " + value + " out of range", dec.position());
        }
        return (int) value;
    }

    private static void putLow(RansEncoder enc, int low, int bits) {
        if (bits > 0) enc.putBits(low, bits);
    }

    private static long getLow(RansDecoder dec, int bits) {
        return bits > 0 ? dec.getBits(bits) : 0;
    }

    /** v >= 1 as its bit length (6 bits) then the bits below the leading one, 16 at a time. */
    private static void putGamma(RansEncoder enc, long v) {
        int len = 64 - Long.numberOfLeadingZeros(v);
        enc.putBits(len, LENGTH_BITS);
        for (int left = len - 1; left > 0; ) {
            int take = Math.min(16, left);
            left -= take;
            enc.putBits((int) (v >>> left), take);
        }
    }

    private static long getGamma(RansDecoder dec) throws CorruptStreamException {
        int len = dec.getBits(LENGTH_BITS);
        if (len < 1 || len > 33) throw new CorruptStreamException("escape length " + len + " out of range",
                dec.position());
        long v = 1;
        for (int left = len - 1; left > 0; ) {
            int take = Math.min(16, left);
            left -= take;
            v = (v << take) | dec.getBits(take);
        }
        return v;
    }

}
