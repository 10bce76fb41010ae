package dev.nwf.codec.nwf.context;

import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.nwf.LevelResiduals;

/**
 * Causal scale adaptation inside a band (SPEC.md §6.3.1): the network's scale for a sample is blended with the
 * residual magnitudes of already-coded neighbours in the band (left, up, diagonals, two away) and of bands already
 * coded at the same position, so the coder follows texture the low-pass could not foresee. Integer-only.
 */
public final class LocalScale {
    /**
     * Weights of the blend (tuned on photo set A): the network's estimate, left/up, diagonals, two away, co-located.
     */
    public static final int NET_WEIGHT = 4;
    public static final int NEAR = 4;
    public static final int DIAGONAL = 2;
    public static final int FAR = 2;
    public static final int CO = 2;
    /** Left/up weights for bands whose edges run along (6) or across (3) that direction. */
    public static final int ALONG = 6;
    public static final int ACROSS = 3;
    /**
     * The scale index every sample starts from where no network gives one (Haar levels with feature bit 6): scale 1.
     * Set A: 2.0062 bpsp against 2.0056 with the network's scales (index 12 or 18 the same, 8 or 20 +0.02 %).
     */
    static final int PRIOR_INDEX = 16;
    /** Mean absolute deviation of a logistic is 2 ln 2 times its scale; in 1/16 units per table index. */
    private static final int[] MAD_Q4 = new int[CodingTables.SCALES];
    /** Boundaries between indices: the geometric midpoints of consecutive MAD_Q4 values, times 2^10. */
    private static final long[] THRESHOLDS = new long[CodingTables.SCALES - 1];

    static {
        for (int i = 0; i < MAD_Q4.length; i++) {
            MAD_Q4[i] = (int) Math.max(1, StrictMath.rint(16 * 2 * StrictMath.log(2) * CodingTables.scale(i)));
        }
        for (int i = 0; i < THRESHOLDS.length; i++) {
            THRESHOLDS[i] = (long) StrictMath.rint(1024 * StrictMath.sqrt((double) MAD_Q4[i] * MAD_Q4[i + 1]));
        }
    }

    /**
     * For an estimate of bit length L ≥ 4 whose three bits after the leading one are m: the number of thresholds below
     * (8 + m)·2^(L−4), where the search starts. Thresholds are 2^(1/4) apart, wider than these buckets (at most 9/8),
     * so at most one more comparison follows; below bit length 4 the search starts at 0.
     */
    private static final int[] BELOW_BUCKET = new int[64 * 8];

    static {
        for (int length = 4; length < 64; length++) {
            for (int m = 0; m < 8; m++) {
                long floor = (8L + m) << (length - 4);
                int n = 0;
                while (n < THRESHOLDS.length && THRESHOLDS[n] < floor) n++;
                BELOW_BUCKET[length * 8 + m] = n;
            }
        }
    }

    private LocalScale() {
    }

    /** {@link #PRIOR_INDEX} for each of n samples: the network-free stand-in for the prior's scale indices. */
    public static byte[] priorScales(int n) {
        byte[] s = new byte[n];
        java.util.Arrays.fill(s, (byte) PRIOR_INDEX);
        return s;
    }

    /** |16 v - mean|: a coded sample's residual magnitude in 1/16 units, the currency of this context. */
    public static int magnitude(int v, int mean) {
        return Math.abs(LevelResiduals.residual(v, mean));
    }

    /**
     * Scale index for sample {@code i}.
     *
     * @param mag        residuals (or their magnitudes: signs are ignored) of this band, valid before {@code i} in
     * raster order
     * @param netScale   the network's scale indices, or null where there is no network (every one {@link #PRIOR_INDEX})
     * @param co         residuals or magnitudes of bands already coded at the same positions (may be empty)
     * @param leftWeight weight of the left neighbour, {@code upWeight} of the upper one
     */
    public static int at(int i, int w, PackedInts mag, byte[] netScale, PackedInts[] co, int leftWeight,
            int upWeight) {
        return at(i, w, mag, netScale, co, 0, 0, leftWeight, upWeight);
    }

    /**
     * {@link #at} with {@code extraCount} more co-located magnitudes whose sum is {@code extraSum}: those the coder
     * computes per sample rather than holding a band-sized array of them (the parent level's residual, the low-pass
     * slope).
     */
    public static int at(int i, int w, PackedInts mag, byte[] netScale, PackedInts[] co, long extraSum,
            int extraCount, int leftWeight, int upWeight) {
        return index(estimate(i, w, mag, netScale, co, extraSum, extraCount, leftWeight, upWeight, null));
    }

    /**
     * Where {@link #estimate} leaves its parts: the in-band neighbours' weighted sum and weight, the co-located sum and
     * count.
     */
    static final int IN_SUM = 0;
    static final int IN_WEIGHT = 1;
    static final int CO_SUM = 2;
    static final int CO_COUNT = 3;

    /**
     * The blend {@link #at} turns into an index, a MAD in 1/16 units times 2^10 (SPEC.md §6.3.1's est), with the
     * arguments of {@link #at}; when {@code parts} is not null, also leaves there what {@link ScaleBlend} reads:
     * [{@link #IN_SUM}] the in-band neighbours' magnitudes times their weights, summed, [{@link #IN_WEIGHT}] those
     * weights summed, [{@link #CO_SUM}] the co-located magnitudes summed (unweighted), [{@link #CO_COUNT}] how many.
     */
    static long estimate(int i, int w, PackedInts mag, byte[] netScale, PackedInts[] co, long extraSum, int extraCount,
            int leftWeight, int upWeight, long[] parts) {
        int x = i % w;
        int coCount = co.length + extraCount;
        long coSum = extraSum;
        for (PackedInts c : co) coSum += Math.abs(c.get(i));
        long sum = 0;
        int weight = 0;
        if (x > 0) {
            sum += (long) leftWeight * Math.abs(mag.get(i - 1));
            weight += leftWeight;
            if (x > 1) {
                sum += (long) FAR * Math.abs(mag.get(i - 2));
                weight += FAR;
            }
        }
        if (i >= w) {
            sum += (long) upWeight * Math.abs(mag.get(i - w));
            weight += upWeight;
            if (x > 0) {
                sum += (long) DIAGONAL * Math.abs(mag.get(i - w - 1));
                weight += DIAGONAL;
            }
            if (x < w - 1) {
                sum += (long) DIAGONAL * Math.abs(mag.get(i - w + 1));
                weight += DIAGONAL;
            }
            if (i >= 2 * w) {
                sum += (long) FAR * Math.abs(mag.get(i - 2 * w));
                weight += FAR;
            }
        }
        if (parts != null) {
            parts[IN_SUM] = sum;
            parts[IN_WEIGHT] = weight;
            parts[CO_SUM] = coSum;
            parts[CO_COUNT] = coCount;
        }
        long total = (long) NET_WEIGHT * MAD_Q4[netScale == null ? PRIOR_INDEX : netScale[i]] + CO * coSum + sum;
        return (total << 10) / (NET_WEIGHT + CO * coCount + weight);
    }

    /**
     * Weight, in 1/16 per grey level, of the low-pass slope as a magnitude under the Haar split (set A 2.0409 -> 2.0367
     * bpsp; 4 and 8 within 0.01 %).
     */
    static final int SLOPE_GAIN = 6;

    /**
     * With the Haar split, the magnitude at (x, y) of band {@code band} from the low-pass {@code low} (w × h, the
     * bands' size) to blend in like a co-located one: {@value #SLOPE_GAIN}·|L(x+1, y) − L(x−1, y)| for HL,
     * {@value #SLOPE_GAIN}·|L(x, y+1) − L(x, y−1)| for LH, the smaller of the two for HH (coordinates clamped). A Haar
     * detail grows with the slope it sits on.
     */
    public static int slopeAt(int[] low, int x, int y, int w, int h, int band) {
        long across = Math.abs(centralDx(low, x, y, w));
        long along = Math.abs(centralDy(low, x, y, w, h));
        long slope = band == 0 ? across : band == 1 ? along : Math.min(across, along);
        return (int) Math.min(Integer.MAX_VALUE, SLOPE_GAIN * slope);
    }

    /** L(x+1, y) − L(x−1, y) of a w-wide low-pass, coordinates clamped into it. */
    static long centralDx(int[] low, int x, int y, int w) {
        return (long) low[y * w + Math.min(w - 1, x + 1)] - low[y * w + Math.max(0, x - 1)];
    }

    /** L(x, y+1) − L(x, y−1) of a w×h low-pass, coordinates clamped into it. */
    static long centralDy(int[] low, int x, int y, int w, int h) {
        return (long) low[Math.min(h - 1, y + 1) * w + x] - low[Math.max(0, y - 1) * w + x];
    }

    /** The nominal mean absolute residual (1/16 units) of table index {@code index}. */
    public static int mad(int index) {
        return MAD_Q4[index];
    }

    /** The table index whose MAD is nearest (geometrically) to {@code estQ10}, a MAD in 1/16 units times 2^10. */
    static int index(long estQ10) {
        // the number of thresholds <= estQ10: those below its bucket's start, then the one that may fall inside it
        long est = Math.max(0, estQ10);
        int length = 64 - Long.numberOfLeadingZeros(est);
        int i = length < 4 ? 0 : BELOW_BUCKET[length * 8 + (int) (est >>> (length - 4)) - 8];
        while (i < THRESHOLDS.length && THRESHOLDS[i] <= estQ10) i++;
        return i;
    }
}
