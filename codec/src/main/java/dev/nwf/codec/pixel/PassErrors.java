package dev.nwf.codec.pixel;

/**
 * How far a model's recent samples lay from their predictions (SPEC.md §4.4.2, error context): per pass, the current
 * row's and the previous row's |sample − P|, so that a sample's context knows how well its W, WW, N, NW and NE
 * neighbours of the same pass were predicted. Where a noisy photo's neighbours are all far off, the difference will
 * be large too; on a clean render they are near 0. Two rows a pass, not a plane: a level's rows of one pass come in
 * order, and a new level (another stride) starts from zeros.
 */
final class PassErrors {
    /** An error is kept up to this (a 16-bit sample's difference, so sums of six stay in an int). */
    static final int LIMIT = 1 << 17;

    private final int[][] previous = new int[PixelScan.PASSES][];
    private final int[][] current = new int[PixelScan.PASSES][];
    /** The expert's own errors (SPEC.md §4.4.7), as the distances above: per pass, this row's and the previous. */
    private final int[][] ownPrevious = new int[PixelScan.PASSES][];
    private final int[][] ownCurrent = new int[PixelScan.PASSES][];
    private final int[] stride = new int[PixelScan.PASSES];
    private int[] row;
    private int[] above;
    private int[] ownRow;
    private int[] ownAbove;
    private int ownPattern;
    private int ownLevel;
    private int step;
    private int width;
    private int level;
    private int contextW;
    private int contextN;
    private int contextFar;
    private int contextSalt;
    private int sum;

    /** Starts a row of pass {@code pass} at stride {@code s}: pixels {@code step} apart, a plane {@code width} wide. */
    void startRow(int pass, int s, int step, int width) {
        if (current[pass] == null || current[pass].length != width || stride[pass] != s) {
            current[pass] = new int[width];
            previous[pass] = new int[width];
            ownCurrent[pass] = new int[width];
            ownPrevious[pass] = new int[width];
            stride[pass] = s;
        } else {
            int[] t = previous[pass];
            previous[pass] = current[pass];
            current[pass] = t;
            t = ownPrevious[pass];
            ownPrevious[pass] = ownCurrent[pass];
            ownCurrent[pass] = t;
        }
        row = current[pass];
        above = previous[pass];
        ownRow = ownCurrent[pass];
        ownAbove = ownPrevious[pass];
        this.step = step;
        this.width = width;
    }

    /**
     * Looks up the errors around column {@code x} for {@link #context} and {@link #level}: W and WW on this row, N, NW
     * and NE on the pass's previous row (a missing one counts as N's, or as W's on the row).
     */
    void at(int x, int salt) {
        int eW = x >= step ? row[x - step] : 0;
        int eWW = x >= 2 * step ? row[x - 2 * step] : eW;
        int eN = above[x];
        int eNW = x >= step ? above[x - step] : eN;
        int eNE = x + step < width ? above[x + step] : eN;
        sum = 2 * eW + 2 * eN + eNW + eNE;
        level = halfOctave(sum);
        // the context's hashes wait until it is asked for: with own errors (SPEC.md §4.4.7) it is not
        contextW = eW;
        contextN = eN;
        contextFar = eNW + eNE + eWW;
        contextSalt = salt;
    }

    /** Records the sample at column {@code x}: its distance from its prediction. */
    void record(int x, int error) {
        row[x] = Math.min(LIMIT, Math.abs(error));
    }

    /**
     * Looks up the expert's own errors around column {@code x} (SPEC.md §4.4.7), W on this row, N, NW and NE on the
     * pass's previous row, missing ones as {@link #at}'s: their pattern and their level.
     */
    void ownAt(int x) {
        int w = x >= step ? ownRow[x - step] : 0;
        int n = ownAbove[x];
        int nw = x >= step ? ownAbove[x - step] : n;
        int ne = x + step < width ? ownAbove[x + step] : n;
        ownPattern = ((sign5(w) * 5 + sign5(n)) * 5 + sign5(nw)) * 5 + sign5(ne);
        ownLevel = Math.min(15, halfOctave((2 * Math.abs(w) + 2 * Math.abs(n) + Math.abs(nw) + Math.abs(ne)) >> 4));
    }

    /** Records the expert's own error at column {@code x} in sixteenths (0 where the expert coded nothing). */
    void recordOwn(int x, int sixteenths) {
        ownRow[x] = sixteenths;
    }

    /** An own error's class: 0 below −2, 1 below −1/8, 2 within ±1/8, 3 up to 2, 4 above (in sixteenths). */
    private static int sign5(int e) {
        return e > OWN_LARGE ? 4 : e > OWN_SMALL ? 3 : e < -OWN_LARGE ? 0 : e < -OWN_SMALL ? 1 : 2;
    }

    static final int OWN_SMALL = 2;
    static final int OWN_LARGE = 32;
    /** Own-error patterns: five classes for each of W, N, NW, NE. */
    static final int OWN_PATTERNS = 625;

    /** The own errors' pattern, 0 to {@link #OWN_PATTERNS} − 1. */
    int ownPattern() {
        return ownPattern;
    }

    /** The own errors' weighted sum 2·W + 2·N + NW + NE in whole units, in half-octaves, at most 15. */
    int ownLevel() {
        return ownLevel;
    }

    /** The errors' weighted sum 2·W + 2·N + NW + NE: where the expert's scale starts (SPEC.md §4.4.5). */
    int sum() {
        return sum;
    }

    /** The hashed context of the errors around the sample (SPEC.md §4.4.2, hE). */
    int context() {
        return PixelModel.hash(PixelModel.hash(halfOctave(contextW), halfOctave(contextN)),
                PixelModel.hash(halfOctave(contextFar), contextSalt));
    }

    /** The errors' weighted sum in half-octaves, at most 15: part of the second mixer's selector for a difference. */
    int level() {
        return Math.min(15, level);
    }

    /** 0 for 0, else 2·⌊log2 m⌋ + 1 + the bit below the top one. */
    static int halfOctave(int m) {
        // without branches: m = 0 has top −1, whose mask clears the sum; at top = 0 the shift is by −1, that is 31,
        // which leaves 0 of a positive m
        int top = 31 - Integer.numberOfLeadingZeros(m);
        return 2 * top + 1 + (m >>> (top - 1) & 1) & ~(top >> 31);
    }

    /** A signed difference in half-octaves, its sign kept. */
    static int signedHalfOctave(int d) {
        int s = d >> 31;
        return (halfOctave((d ^ s) - s) ^ s) - s;
    }
}
