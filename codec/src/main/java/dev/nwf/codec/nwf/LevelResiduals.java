package dev.nwf.codec.nwf;
/**
 * The residuals 16 v − mean of the samples coded at one detail level, per channel and band, and those of the detail
 * level before it: the context later samples read, for the local scale (SPEC.md §6.3.1, as magnitudes) and the
 * adaptive mean (§6.3.3, signed). Residuals are clamped to ±{@link Integer#MAX_VALUE}, so |r| never overflows.
 */
public final class LevelResiduals {
    public final int width;
    public final int height;
    private final int[][][] residuals;
    /** The previous detail level's residuals (which keep no parent of their own), or null at the first detail level. */
    public final LevelResiduals parent;

    private LevelResiduals(int channels, int width, int height, LevelResiduals parent) {
        this.width = width;
        this.height = height;
        // every band's array exists before any band is coded: bands coded side by side read each other's (SPEC.md §6.5)
        this.residuals = new int[channels][3][width * height];
        this.parent = parent;
    }

    /** The first detail level of an image. */
    public static LevelResiduals first(int channels, int width, int height) {
        return new LevelResiduals(channels, width, height, null);
    }

    /**
     * The next, finer detail level; this one becomes its parent (without its own parent, which is no longer needed).
     */
    LevelResiduals next(int width, int height) {
        LevelResiduals asParent = parent == null ? this : new LevelResiduals(residuals, this.width, this.height);
        return new LevelResiduals(residuals.length, width, height, asParent);
    }

    private LevelResiduals(int[][][] residuals, int width, int height) {
        this.width = width;
        this.height = height;
        this.residuals = residuals;
        this.parent = null;
    }

    /** 16 v − mean, clamped to ±{@link Integer#MAX_VALUE}. */
    public static int residual(int v, int mean) {
        return (int) Math.max(-Integer.MAX_VALUE, Math.min(Integer.MAX_VALUE, 16L * v - mean));
    }

    /** Band b of channel c, filled in sample order by its coder: complete once the coder has moved past it. */
    public int[] band(int c, int b) {
        return residuals[c][b];
    }

    /** The parent level's residual of the same channel and band under (x, y): at (x/2, y/2), clamped to its size. */
    public int parentAt(int c, int b, int x, int y) {
        return parent.residuals[c][b][Math.min(parent.height - 1, y >> 1) * parent.width
                + Math.min(parent.width - 1, x >> 1)];
    }
}
