package dev.nwf.codec.entropy;


/**
 * The fixed set of coding tables (SPEC.md §3.2): for each family, {@value #SCALES} log-spaced scales and
 * {@value #MEAN_FRACTIONS} fractional mean offsets. Tables are built on first use by a pure function of their
 * indices, so concurrent builds agree and every machine gets the same integers.
 */
public final class CodingTables {
    public static final int SCALES = 72;
    /** Table steps per doubling of the scale; integer so that bit-depth shifts move by whole steps. */
    public static final int STEPS_PER_OCTAVE = 4;
    public static final int MEAN_FRAC_BITS = 4;
    public static final int MEAN_FRACTIONS = 1 << MEAN_FRAC_BITS;
    /** scale(i) = MIN_SCALE * 2^(i / STEPS_PER_OCTAVE): 1/16 .. about 13777. */
    public static final double MIN_SCALE = 1.0 / 16;
    /** Bins cover the mean +- TAIL_SCALES scales; the rest is the escape symbol's mass. */
    static final double TAIL_SCALES = 10;
    /** Widest scale in units of bins before bins grow to 2, 4, ... values. */
    static final double MAX_SCALE_PER_BIN = 32;

    /**
     * Tables built on first use. Threads may race to build the same one: each builds an equal table, and a table's
     * fields are final, so one seen through this plain array is seen whole (no atomic array: the browser build lacks
     * them).
     */
    private static final CodingTable[] CACHE = new CodingTable[Family.values().length * SCALES * MEAN_FRACTIONS];

    private CodingTables() {
    }

    public static double scale(int index) {
        return MIN_SCALE * StrictMath.pow(2.0, index / (double) STEPS_PER_OCTAVE);
    }

    /** Index of the table scale nearest to {@code s} in log space (encoders and training; not on the decode path). */
    public static int nearestScaleIndex(double s) {
        if (!(s > MIN_SCALE)) return 0;
        long i = Math.round(Math.log(s / MIN_SCALE) / Math.log(2) * STEPS_PER_OCTAVE);
        return (int) Math.min(SCALES - 1, i);
    }

    /** Ideal cost in bits of coding a value whose offset from floor(mean) is {@code d}; escapes cost their bits. */
    public static double costBits(Family family, int scaleIndex, int meanFixed, int value) {
        CodingTable t = get(family, scaleIndex, meanFixed & (MEAN_FRACTIONS - 1));
        long d = (long) value - (meanFixed >> MEAN_FRAC_BITS);
        long q = d >> t.shift;
        if (q >= -t.k && q <= t.k) return t.bits[(int) (1 + t.k + q)] + t.shift;
        long excess = q > t.k ? q - t.k - 1 : -t.k - 1 - q;
        return t.bits[0] + 1 + 6 + (63 - Long.numberOfLeadingZeros(excess + 1)) + t.shift;
    }

    static CodingTable get(Family family, int scaleIndex, int fraction) {
        int key = (family.ordinal() * SCALES + scaleIndex) * MEAN_FRACTIONS + fraction;
        CodingTable t = CACHE[key];
        if (t == null) {
            t = build(family, scaleIndex, fraction);
            CACHE[key] = t;
        }
        return t;
    }

    static CodingTable build(Family family, int scaleIndex, int fraction) {
        double s = scale(scaleIndex);
        int shift = 0;
        while (s / (1 << shift) > MAX_SCALE_PER_BIN) shift++;
        int width = 1 << shift;
        int k = (int) StrictMath.ceil(TAIL_SCALES * s / width) + 1;
        double f = fraction / (double) MEAN_FRACTIONS;
        int n = 2 * k + 2;
        double[] p = new double[n];
        // bin q holds offsets d in [q*width, q*width + width - 1] from floor(mean); in mean units
        // [q*width - 0.5 - f, ...)
        double lowEdge = -k * (double) width - 0.5 - f;
        double highEdge = (k + 1) * (double) width - 0.5 - f;
        p[0] = family.cdf(lowEdge, s) + family.cdf(-highEdge, s);
        for (int q = -k; q <= k; q++) {
            double lo = q * (double) width - 0.5 - f;
            p[1 + k + q] = family.mass(lo, lo + width, s);
        }
        return new CodingTable(k, shift, quantise(p));
    }

    /**
     * Turns probabilities into frequencies >= 1 summing to exactly 2^16: each symbol gets 1 plus its share of the
     * remaining 2^16 - n units, rounded down; leftover units go one each to the largest rounding remainders
     * (ties to the lower symbol index).
     */
    static int[] quantise(double[] p) {
        int n = p.length;
        double total = 0;
        for (double v : p) total += v;
        int spare = Rans.PROB_TOTAL - n;
        int[] freq = new int[n];
        double[] rem = new double[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            double share = p[i] / total * spare;
            int whole = (int) StrictMath.floor(share);
            freq[i] = 1 + whole;
            rem[i] = share - whole;
            used += freq[i];
        }
        for (int left = Rans.PROB_TOTAL - used; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < n; i++) if (rem[i] > rem[best]) best = i;
            freq[best]++;
            rem[best] = -1;
        }
        return freq;
    }
}
