package dev.nwf.codec.level;

import dev.nwf.codec.nwf.context.Nlms;

/**
 * Online correction of the RG-Flow prior's latent means inside an image (SPEC.md §8.3, tool {@code adaptive-mean}):
 * a normalised-LMS filter per channel and latent class learns how a latent's residual (16·z − the prior's mean)
 * follows the residuals of the same class at the causal neighbour blocks, of the classes coded before it in the same
 * block, and of channel 0's and the previous channel's same class there; with the tool {@code kept-context}, also the
 * kept grid around the block less the block's mean (the couplings see only their own block, so a latent on its edge is
 * extrapolated; the filter interpolates from the neighbouring blocks' kept sites). Integer-only, as the nwf family's
 * filter (§6.3.3); the weights start at zero and carry over from level to level.
 */
final class LatentMean {
    /** Causal neighbour blocks (dx, dy) whose residuals of the same class are features. */
    static final int[][] CAUSAL = {{-1, 0}, {0, -1}, {-1, -1}, {1, -1}, {-2, 0}, {0, -2}};
    static final int CLASSES = 12;
    /**
     * Kept-grid features: the 4×4 window of the kept grid centred on the block's 2×2 sites, less its corners (set P
     * development, wavelet levels only, with the other latent tools: 1.8 % smaller; the whole window 1.6 %, the block's
     * own four sites 1.3 %).
     */
    static final int KEPT_FEATURES = 12;
    static final int MAX_FEATURES = CAUSAL.length + CLASSES - 1 + 2 + KEPT_FEATURES;
    /** Added to the features' squared norm (dev set P: 2^8 to 2^14 within 0.3 %). */
    static final long NORM_BIAS = 1L << 12;
    /**
     * The step, 2^-2 in these units: 16 times the nwf family's (§6.3.3); a latent has few samples per class and level
     * to learn from (set P dev: 2^11 5.75 MB, 2^12 5.72, 2^13 5.69, 2^14 5.68, 2^15 5.73).
     */
    static final long GAIN = 1L << 14;

    private final long[][][] weights;
    private final int depthShift;
    private final boolean keptContext;
    private final long[] features = new long[MAX_FEATURES];
    private int count;
    private long[] active;
    private long norm;

    LatentMean(int channels, int bitDepth, boolean keptContext) {
        this.weights = new long[channels][CLASSES][MAX_FEATURES];
        this.depthShift = bitDepth - 8;
        this.keptContext = keptContext;
    }

    /**
     * The corrected mean (1/16 units) of latent {@code b} of class {@code j}, channel {@code c}, on a block grid
     * {@code nbx} wide.
     *
     * @param res residuals (16 z − prior mean) per channel and class of this level: complete for earlier channels,
     *     for this channel's earlier classes, and before {@code b} in class j
     * @param kept this channel's kept grid (2·nbx wide), read with the tool kept-context
     */
    int correct(int c, int j, int b, int nbx, int priorMean, int[][][] res, int[] kept) {
        int x = b % nbx;
        int y = b / nbx;
        int[] own = res[c][j];
        count = 0;
        for (int[] d : CAUSAL) {
            int xx = x + d[0];
            int yy = y + d[1];
            features[count++] = xx < 0 || xx >= nbx || yy < 0 ? 0 : toEightBit(own[yy * nbx + xx]);
        }
        for (int k = 0; k < j; k++) features[count++] = toEightBit(res[c][k][b]);
        if (c > 0) features[count++] = toEightBit(res[0][j][b]);
        if (c > 1) features[count++] = toEightBit(res[c - 1][j][b]);
        if (keptContext) keptFeatures(x, y, nbx, kept);
        active = weights[c][j];
        norm = Nlms.norm(features, count, NORM_BIAS);
        return Nlms.corrected(priorMean, Nlms.predict(active, features, count), depthShift);
    }

    /** Updates the weights of the latent last corrected, now that its value is known. */
    void learn(int value, int meanUsed) {
        long e = Nlms.error(value, meanUsed, norm, depthShift);
        if (e == 0) return;
        Nlms.learn(active, features, count, GAIN, e, norm);
    }

    /**
     * 16·(k − m) for the kept sites k at columns 2x−1 … 2x+2 and rows 2y−1 … 2y+2 but the window's four corners, rows
     * in order (coordinates clamped into the grid), m = ⌊sum of the block's own four kept sites / 4⌋: residual units.
     */
    private void keptFeatures(int x, int y, int nbx, int[] kept) {
        int kw = 2 * nbx;
        int kh = kept.length / kw;
        int x0 = 2 * x;
        int y0 = 2 * y;
        long m = Math.floorDiv((long) kept[y0 * kw + x0] + kept[y0 * kw + x0 + 1] + kept[(y0 + 1) * kw + x0]
                + kept[(y0 + 1) * kw + x0 + 1], 4);
        for (int dy = -1; dy <= 2; dy++) {
            int row = Math.max(0, Math.min(kh - 1, y0 + dy)) * kw;
            boolean edgeRow = dy == -1 || dy == 2;
            for (int dx = -1; dx <= 2; dx++) {
                if (edgeRow && (dx == -1 || dx == 2)) continue;
                int xx = Math.max(0, Math.min(kw - 1, x0 + dx));
                features[count++] = toEightBit(16 * (kept[row + xx] - m));
            }
        }
    }

    private long toEightBit(long sixteenths) {
        return Nlms.toEightBit(sixteenths, depthShift);
    }
}
