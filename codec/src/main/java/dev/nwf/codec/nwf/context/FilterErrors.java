package dev.nwf.codec.nwf.context;

import dev.nwf.codec.nwf.LevelResiduals;

/**
 * The mean filter's own errors at one detail level (SPEC.md §6.3.8, feature bit 8): 16·v − the filter's mean, before
 * the bias correction, of every coded sample, per channel and band. The filter reads them back as features — at
 * causal neighbours in the band and at the same position in the bands coded before it — so it learns how its errors
 * repeat along the band and across bands and channels, which the samples' values alone do not show it.
 */
public final class FilterErrors {
    /** Causal neighbours (dx, dy) of the band being coded whose errors are features. */
    static final int[][] CAUSAL = {{-1, 0}, {0, -1}, {-1, -1}, {1, -1}, {-2, 0}, {0, -2}};
    /** Co-located errors read: this channel's two earlier bands, channel 0's same band, the previous channel's. */
    static final int MAX_CO_LOCATED = 4;
    /** Features the filter gains at most. */
    static final int FEATURES = CAUSAL.length + MAX_CO_LOCATED;

    private final PackedInts[][] errors;

    /**
     * @param n samples per band; every band's array exists before any band is coded (SPEC.md §6.5)
     * @param bitDepth the image's depth: errors are kept in two bytes where it allows ({@link PackedInts})
     */
    public FilterErrors(int channels, int n, int bitDepth) {
        this.errors = new PackedInts[channels][3];
        for (PackedInts[] bands : errors) {
            for (int b = 0; b < 3; b++) bands[b] = PackedInts.zeros(n, bitDepth);
        }
    }

    /** Band b of channel c's errors, filled in sample order by its coder. */
    public PackedInts band(int c, int b) {
        return errors[c][b];
    }

    /**
     * The errors coded at the same positions before band b of channel c, in feature order: this channel's earlier
     * bands, then channel 0's band b (c > 0), then channel c − 1's band b (c > 1).
     */
    public PackedInts[] coLocated(int c, int b) {
        int n = b + (c > 0 ? 1 : 0) + (c > 1 ? 1 : 0);
        PackedInts[] out = new PackedInts[n];
        int k = 0;
        for (int j = 0; j < b; j++) out[k++] = errors[c][j];
        if (c > 0) out[k++] = errors[0][b];
        if (c > 1) out[k] = errors[c - 1][b];
        return out;
    }

    /** 16·value − filterMean, clamped to ±{@link Integer#MAX_VALUE}. */
    public static int error(int value, int filterMean) {
        return LevelResiduals.residual(value, filterMean);
    }
}
