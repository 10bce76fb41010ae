package dev.nwf.codec.nwf;

import dev.nwf.codec.nwf.context.PackedInts;

/**
 * The residuals 16 v − mean of the samples coded at one detail level, per channel and band, and those of the detail
 * level before it: the context later samples read, for the local scale (SPEC.md §6.3.1, as magnitudes) and the
 * adaptive mean (§6.3.3, signed). Residuals are clamped to ±{@link Integer#MAX_VALUE}, so |r| never overflows; they
 * are kept in two bytes where the image's depth allows ({@link PackedInts}).
 */
public final class LevelResiduals {
    public final int width;
    public final int height;
    private final PackedInts[][] residuals;
    /** The previous detail level's residuals (which keep no parent of their own), or null at the first detail level. */
    public final LevelResiduals parent;

    private final int bitDepth;

    private LevelResiduals(int channels, int width, int height, int bitDepth, LevelResiduals parent) {
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        // every band's array exists before any band is coded: bands coded side by side read each other's (SPEC.md §6.5)
        this.residuals = new PackedInts[channels][3];
        for (PackedInts[] bands : residuals) {
            for (int b = 0; b < 3; b++) bands[b] = PackedInts.zeros(width * height, bitDepth);
        }
        this.parent = parent;
    }

    /** The first detail level of an image of this depth. */
    public static LevelResiduals first(int channels, int width, int height, int bitDepth) {
        return new LevelResiduals(channels, width, height, bitDepth, null);
    }

    /**
     * The next, finer detail level; this one becomes its parent (without its own parent, which is no longer needed).
     */
    LevelResiduals next(int width, int height) {
        LevelResiduals asParent = parent == null ? this
                : new LevelResiduals(residuals, this.width, this.height, bitDepth);
        return new LevelResiduals(residuals.length, width, height, bitDepth, asParent);
    }

    private LevelResiduals(PackedInts[][] residuals, int width, int height, int bitDepth) {
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.residuals = residuals;
        this.parent = null;
    }

    /** 16 v − mean, clamped to ±{@link Integer#MAX_VALUE}. */
    public static int residual(int v, int mean) {
        return (int) Math.max(-Integer.MAX_VALUE, Math.min(Integer.MAX_VALUE, 16L * v - mean));
    }

    /** Band b of channel c, filled in sample order by its coder: complete once the coder has moved past it. */
    public PackedInts band(int c, int b) {
        return residuals[c][b];
    }

    /** The parent level's residual of the same channel and band under (x, y): at (x/2, y/2), clamped to its size. */
    public int parentAt(int c, int b, int x, int y) {
        return parent.residuals[c][b].get(Math.min(parent.height - 1, y >> 1) * parent.width
                + Math.min(parent.width - 1, x >> 1));
    }
}
