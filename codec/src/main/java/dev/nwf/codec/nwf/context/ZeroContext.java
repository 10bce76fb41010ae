package dev.nwf.codec.nwf.context;
/**
 * The adaptive zero probability (SPEC.md §6.3.6, feature bit 5): flat and clipped areas leave details that are exactly
 * 0 more often than a logistic of the same mean and scale allows. Per (channel, band, finest level or not, bucket of
 * the coding table's own zero frequency, which of five neighbours are 0, whether the low-pass is flat) a running count
 * of zeros, started from the table's frequency, gives the frequency the value 0 is coded with. Integer-only; encoder
 * and decoder update it in the same order.
 */
public final class ZeroContext implements ContextStage {
    /** Weight of the table's own zero frequency, as if seen this many times (set A: 8 and 32 within 0.03 %). */
    static final int PRIOR = 16;
    /** Counts halve here, so the estimate follows the image (256 to 4096 within 0.02 %). */
    static final int HALVE_AT = 512;
    /**
     * Buckets of the table's zero frequency f: bucket j holds j ≤ 4 (16 − log2 f) < j + 1, the last all f below 2^11
     * (finer buckets, 8 per halving: set A 2.0122 → 2.0147 bpsp; they learn from fewer samples).
     */
    static final int BUCKETS = 21;
    /**
     * Which of five samples are 0 — left and upper neighbour, band b−1 and band 0 at the same position, channel 0's
     * same band (the diagonal neighbours as well: 2.0100 → 2.0122) — and whether the low-pass is flat around the sample
     * along a row or a column (2.0083 → 2.0056; flat along both, or along the band's edges: 2.0079, 2.0063).
     */
    static final int PATTERNS = 1 << 6;
    /** The frequency given to 0 stays this far from 0 and 2^16: evidence never makes a value all but impossible. */
    static final int MARGIN = 16;

    private static final byte[] BUCKET_OF = new byte[(1 << 16) + 1];

    static {
        long[] atMost = new long[BUCKETS];
        for (int j = 1; j < BUCKETS; j++) atMost[j] = (long) StrictMath.floor(65536 * StrictMath.pow(2, -j / 4.0));
        int j = 0;
        for (int f = 1 << 16; f >= 1; f--) {
            while (j + 1 < BUCKETS && f <= atMost[j + 1]) j++;
            BUCKET_OF[f] = (byte) j;
        }
    }

    /** Contexts per channel, band and level kind: (bucket, pattern). */
    private static final int SLOTS = BUCKETS * PATTERNS;
    /**
     * Per (channel, band, finest level or not, bucket, pattern): the zero count at 2·slot, the sample count at 2·slot +
     * 1 (side by side: one cache line serves both).
     */
    private final int[] counts;
    /** Bands per channel the counts are kept for: 3 of a detail level, 12 latent classes of an rgflow step. */
    private final int bands;
    private int slot;
    /** Whether the coder asked about the current sample (it asks only where 0 has a symbol of its own). */
    private boolean asked;

    /** ⌊2^37 / d⌋ + 1 for the divisors d = N + PRIOR: multiplying by it divides exactly numerators below 2^27. */
    private static final long[] RECIPROCAL = new long[HALVE_AT + PRIOR];

    static {
        for (int d = 1; d < RECIPROCAL.length; d++) RECIPROCAL[d] = (1L << 37) / d + 1;
    }

    public ZeroContext(int channels) {
        this(channels, 3);
    }

    /** Counts for {@code bands} bands (or latent classes) per channel. */
    public ZeroContext(int channels, int bands) {
        this.counts = new int[2 * channels * bands * 2 * SLOTS];
        this.bands = bands;
    }

    private ZeroContext(ZeroContext shared) {
        this.counts = shared.counts;
        this.bands = shared.bands;
    }

    /** The context for one band: the shared counts (kept per band) with its own per-sample state (SPEC.md §6.5). */
    public ZeroContext forBand() {
        return new ZeroContext(this);
    }

    /** The bucket of a table's zero frequency {@code f} (1..2^16). */
    static int bucket(int f) {
        return BUCKET_OF[f];
    }

    /** The zero context needs no prediction before coding: the coder asks {@link #frequency} while it codes. */
    @Override
    public void predict(Sample s) {
        asked = false;
    }

    /** Counts the sample's value in the context it was asked about, if it was (where 0 had a symbol of its own). */
    @Override
    public void learn(Sample s) {
        if (asked) record(s.value);
        asked = false;
    }

    /**
     * The frequency to code the value 0 with at the sample; remembers the sample's context until {@link #learn}.
     *
     * @param tableFreq the coding table's frequency of 0 (1..2^16)
     * @param maxFreq   the most the value 0 may be given (every other symbol keeps 1)
     */
    public int frequency(Sample s, int tableFreq, int maxFreq) {
        asked = true;
        slot = 2 * ((((s.c * bands + s.b) * 2 + (s.finest ? 0 : 1)) * BUCKETS + bucket(tableFreq)) * PATTERNS
                + pattern(s.c, s.b, s.v, s.i, s.w, s.ownBands, s.lumaBands, s.flat));
        // ⌊(zeros·2^16 + PRIOR·f) / (N + PRIOR)⌋; the numerator stays below 2^26 (zeros < HALVE_AT = 2^9), where the
        // reciprocal's product is exact
        int q = quotient(((long) counts[slot] << 16) + PRIOR * tableFreq, counts[slot + 1] + PRIOR);
        return Math.max(MARGIN, Math.min(Math.min(maxFreq, (1 << 16) - MARGIN), q));
    }

    /** ⌊n / d⌋ for 0 ≤ n < 2^26 and 1 ≤ d < HALVE_AT + PRIOR, by a multiplication. */
    static int quotient(long n, int d) {
        return (int) (n * RECIPROCAL[d] >>> 37);
    }

    /** The sample last asked about was {@code value}. */
    void record(int value) {
        if (value == 0) counts[slot]++;
        if (++counts[slot + 1] == HALVE_AT) {
            counts[slot] >>= 1;
            counts[slot + 1] >>= 1;
        }
    }

    /**
     * Where a channel's low-pass (w × h, the bands' size) equals its left and right neighbours, or its upper and lower
     * ones (coordinates clamped into the level): bit 5 of the pattern, the same for the channel's three bands.
     */
    public static boolean[] flatLowPass(int[] low, int w, int h) {
        boolean[] flat = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                int l = low[y * w + x];
                boolean row = low[y * w + Math.max(0, x - 1)] == l && low[y * w + Math.min(w - 1, x + 1)] == l;
                flat[y * w + x] = row || low[up + x] == l && low[down + x] == l;
            }
        }
        return flat;
    }

    /**
     * Bits 0-4: the left, upper (outside the band: not 0), band b−1's, band 0's (b > 1), channel 0's (c > 0) sample is
     * 0; bit 5: the low-pass is flat here ({@link #flatLowPass}).
     */
    static int pattern(int c, int b, int[] v, int i, int w, int[][] ownBands, int[][] lumaBands, boolean[] flat) {
        int p = flat[i] ? 32 : 0;
        int x = i % w;
        if (x > 0 && v[i - 1] == 0) p |= 1;
        if (i >= w && v[i - w] == 0) p |= 2;
        if (b > 0 && ownBands[b - 1][i] == 0) p |= 4;
        if (b > 1 && ownBands[0][i] == 0) p |= 8;
        if (c > 0 && lumaBands[b][i] == 0) p |= 16;
        return p;
    }
}
