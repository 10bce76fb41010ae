package dev.nwf.codec.nwf.context;
/**
 * Bias correction of the corrected means (SPEC.md §6.3.7, feature bit 7): the linear mean filter (§6.3.3) errs in
 * ways that depend non-linearly on where a sample sits — how busy it is, how large the filter's own prediction is,
 * the signs of the neighbours' residuals and of the low-pass slope — so each such context keeps the running mean of
 * the filter's errors there, and half of it is added to the mean. The same context's class of mean against scale also
 * keys the scale calibration (§6.3.4). Integer-only, learnt inside the image, in the same order by encoder and decoder.
 */
public final class BiasCorrection implements ContextStage {
    /** Activity classes (local scale index), mean classes, left/up residual signs, finest or not, slope sign. */
    static final int CONTEXTS = 8 * 9 * 3 * 3 * 2 * 3;
    /** A context corrects once it has seen this many errors. */
    static final int MIN_COUNT = 8;
    /** Counts halve at this, so the correction follows the image. */
    static final int HALVE_AT = 512;
    /** Each error counts at most this much (1/16 units): a few outliers must not swing a context. */
    static final int ERROR_LIMIT = 4096;
    /** Classes of the mean against the scale's MAD (the calibration's extra key). */
    public static final int MEAN_CLASSES = 4;

    /** [channel][band][2·context]: the sum of errors, then the count. */
    private final long[][][] table;
    /**
     * Bit depth − 8: the activity class reads the local index as if on the 8-bit scale (4 indices per bit of depth);
     * means and errors stay at the image's depth (on 16-bit photos that measured smaller than scaling them too).
     */
    private final int depthShift;
    private long[] active;
    private int context;

    /**
     * @param feedback whether contexts are also split by the sign of the filter's last co-located error (SPEC.md
     * §6.3.8):                 {@link #withFeedback}
     */
    public BiasCorrection(int channels, int bitDepth, boolean feedback) {
        this(channels, 3, bitDepth, feedback);
    }

    /** A correction for {@code bands} bands (or latent classes) per channel. */
    public BiasCorrection(int channels, int bands, int bitDepth, boolean feedback) {
        this.table = new long[channels][bands][2 * CONTEXTS * (feedback ? 3 : 1)];
        this.depthShift = bitDepth - 8;
    }

    private BiasCorrection(BiasCorrection shared) {
        this.table = shared.table;
        this.depthShift = shared.depthShift;
    }

    /** The correction for one band: the shared tables (kept per band) with its own per-sample state (SPEC.md §6.5). */
    public BiasCorrection forBand() {
        return new BiasCorrection(this);
    }

    /**
     * The context of a sample (SPEC.md §6.3.7); {@link #contextAtDepth} brings the local index of other depths to this
     * scale.
     *
     * @param local  its local scale index (before calibration), less 4 per bit of depth above 8
     * @param mean   its mean after the mean filter, 1/16 units
     * @param left   the residual of its left neighbour in the band (0 at the left edge), {@code up} of the upper one
     * @param finest whether this is the finest detail level
     * @param slope  the low-pass's slope along the band's direction (see {@link #slope})
     */
    static int context(int local, int mean, int left, int up, boolean finest, long slope) {
        int activity = Math.max(0, Math.min(7, (local - 4) / 4));
        int ctx = activity * 9 + meanClass(mean);
        ctx = ctx * 3 + sign(left);
        ctx = ctx * 3 + sign(up);
        ctx = ctx * 2 + (finest ? 1 : 0);
        return ctx * 3 + sign(slope);
    }

    /**
     * The low-pass's slope along band b at (x, y) of a w×h low-pass (coordinates clamped): HL the horizontal central
     * difference, LH the vertical one, HH their product.
     */
    public static long slope(int[] low, int x, int y, int w, int h, int b) {
        if (b == 0) return LocalScale.centralDx(low, x, y, w);
        if (b == 1) return LocalScale.centralDy(low, x, y, w, h);
        return LocalScale.centralDx(low, x, y, w) * LocalScale.centralDy(low, x, y, w, h);
    }

    /** The mean in 9 classes: sign and magnitude below 8, 32, 128, 512 or above. */
    static int meanClass(int mean) {
        int a = Math.abs(mean);
        int q = a < 8 ? 0 : a < 32 ? 1 : a < 128 ? 2 : a < 512 ? 3 : 4;
        return mean < 0 ? 4 - q : 4 + q;
    }

    /** The mean against the scale's MAD (1/16 units): |m| below MAD/4, MAD, 2·MAD, or above. */
    public static int meanAgainstScale(int mean, int mad) {
        long a = Math.abs((long) mean);
        return 4 * a < mad ? 0 : a < mad ? 1 : a < 2L * mad ? 2 : 3;
    }

    private static int sign(long v) {
        return v < 0 ? 0 : v == 0 ? 1 : 2;
    }

    /** The context of a sample of this image's depth: its local index brought to the 8-bit scale first. */
    public int contextAtDepth(int local, int mean, int left, int up, boolean finest, long slope) {
        return context(local - 4 * depthShift, mean, left, up, finest, slope);
    }

    /**
     * With the error feedback (SPEC.md §6.3.8) a context {@code ctx} split three ways by the sign of {@code error}, the
     * filter's error at the same position in the band coded last before this one (0 where there is none): set A
     * 1.9885 → 1.9872 bpsp.
     */
    public static int withFeedback(int ctx, int error) {
        return ctx * 3 + sign(error);
    }

    /**
     * Corrects the sample's mean by its context's running error (SPEC.md §6.3.7), after the adaptive mean and the local
     * scale, and keys the calibration's slot by how the corrected mean compares with the scale.
     */
    @Override
    public void predict(Sample s) {
        int i = s.i;
        int ctx = contextAtDepth(s.local, s.mean, s.x > 0 ? s.res.get(i - 1) : 0, i >= s.w ? s.res.get(i - s.w) : 0,
                s.finest, slope(s.low, s.x, s.y, s.w, s.h, s.b));
        if (s.coErrors != null) {
            PackedInts last = s.coErrors.length == 0 ? null : s.coErrors[s.coErrors.length - 1];
            ctx = withFeedback(ctx, last == null ? 0 : last.get(i));
        }
        s.mean = correct(s.c, s.b, ctx, s.mean);
        s.slot = s.slot * MEAN_CLASSES + meanAgainstScale(s.mean, LocalScale.mad(s.local));
    }

    /** Learns the sample's error before the correction: from the adaptive mean's own mean. */
    @Override
    public void learn(Sample s) {
        learn(16L * s.value - s.filterMean);
    }

    /** The mean with the context's correction added; remembers the context until {@link #learn}. */
    public int correct(int c, int b, int ctx, int mean) {
        active = table[c][b];
        context = ctx;
        long n = active[2 * ctx + 1];
        if (n < MIN_COUNT) return mean;
        return (int) Math.max(-(1L << 30), Math.min(1L << 30, mean + Math.floorDiv(active[2 * ctx], 2 * n)));
    }

    /** The last corrected sample's error before the correction: 16·value − the filter's mean (at the image's depth). */
    public void learn(long error) {
        active[2 * context] += Math.max(-ERROR_LIMIT, Math.min(ERROR_LIMIT, error));
        if (++active[2 * context + 1] == HALVE_AT) {
            active[2 * context] >>= 1;
            active[2 * context + 1] >>= 1;
        }
    }
}
