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
        if (value > MAX_MAGNITUDE || value < -MAX_MAGNITUDE) throw new IllegalArgumentException("value out of range: " + value);
        CodingTable t = CodingTables.get(family, scaleIndex, meanFixed & (CodingTables.MEAN_FRACTIONS - 1));
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

    public static int decode(RansDecoder dec, Family family, int scaleIndex, int meanFixed) throws CorruptStreamException {
        CodingTable t = CodingTables.get(family, scaleIndex, meanFixed & (CodingTables.MEAN_FRACTIONS - 1));
        int sym = t.find(dec.peek());
        dec.advance(t.cum[sym], t.freq(sym));
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
        if (len < 1 || len > 33) throw new CorruptStreamException("escape length " + len + " out of range", dec.position());
        long v = 1;
        for (int left = len - 1; left > 0; ) {
            int take = Math.min(16, left);
            left -= take;
            v = (v << take) | dec.getBits(take);
        }
        return v;
    }

}
