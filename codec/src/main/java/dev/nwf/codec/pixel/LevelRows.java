package dev.nwf.codec.pixel;

/**
 * The rows of one pixel level in coding order (SPEC.md §4.4.1): level 0's rows at its stride; a finer level's
 * {@link PixelScan#ACROSS} rows (the coarser rows, odd columns) then its {@link PixelScan#DOWN} rows (all columns); or
 * a raster finish's rows, every pixel of the image in raster order but those the levels before it hold. And where each
 * row's pixels start in the level's order.
 */
final class LevelRows {
    final int stride;
    /** Level 0's period (SPEC.md §4.4.1): its RASTER samples also compare with the one this far back (0: none). */
    final int period;
    /**
     * Of a raster finish (tool raster-finish, SPEC.md §4.4.1): the stride of the level before it, whose pixels it
     * skips; 0 for any other level.
     */
    final int known;
    /** Whether the rows are in raster order (level 0, or a raster finish): one pass, one part. */
    private final boolean raster;
    private final int width;
    private final int acrossRows;
    private final int count;
    private final long[] starts;

    LevelRows(int width, int height, int level, int levels) {
        this(width, height, level, levels, 0);
    }

    /** As {@link #LevelRows(int, int, int, int)}, level 0 with the given period (finer levels have none). */
    LevelRows(int width, int height, int level, int levels, int period) {
        this(width, height, level == 0, PixelScan.stride(level, levels), level == 0 ? period : 0, 0);
    }

    private LevelRows(int width, int height, boolean raster, int stride, int period, int known) {
        this.width = width;
        this.raster = raster;
        this.stride = stride;
        this.period = period;
        this.known = known;
        int s = stride;
        acrossRows = raster ? PixelScan.ceilDiv(height, s) : PixelScan.ceilDiv(height, 2 * s);
        int downRows = raster || height <= s ? 0 : PixelScan.ceilDiv(height - s, 2 * s);
        count = acrossRows + downRows;
        starts = new long[count + 1];
        for (int r = 0; r < count; r++) starts[r + 1] = starts[r] + pixels(r);
    }

    /**
     * A level of stride {@code stride} (a power of two) after coarser ones: level 0 where {@code first} (with the given
     * period), else ACROSS and DOWN rows.
     */
    static LevelRows atStride(int width, int height, boolean first, int stride, int period) {
        return new LevelRows(width, height, first, stride, first ? period : 0, 0);
    }

    /** A raster finish: every pixel in raster order but those at multiples of {@code known} in both coordinates. */
    static LevelRows finish(int width, int height, int known) {
        return new LevelRows(width, height, true, 1, 0, known);
    }

    int count() {
        return count;
    }

    /** The pixels of the level. */
    long pixels() {
        return starts[count];
    }

    /** The pixels of row {@code r}. */
    int pixels(int r) {
        if (known > 0) return width - (r % known == 0 ? PixelScan.ceilDiv(width, known) : 0);
        return PixelScan.ceilDiv(width - x0(r), step(r));
    }

    /** Where row {@code r}'s pixels start in the level's order. */
    int first(int r) {
        return (int) starts[r];
    }

    /** The parts of the level (SPEC.md §4.4.1): 1 in raster order (RASTER), else 2 (ACROSS rows, then DOWN rows). */
    int parts() {
        return raster ? 1 : 2;
    }

    /** The part row {@code r} is in: 1 for a DOWN row, else 0. */
    int part(int r) {
        return !raster && r >= acrossRows ? 1 : 0;
    }

    /** The first row of part {@code part}. */
    int firstRow(int part) {
        return part == 0 ? 0 : acrossRows;
    }

    /** The row after the last of part {@code part}. */
    int endRow(int part) {
        return raster || part == 1 ? count : acrossRows;
    }

    /** The ACROSS rows, which come first (0 in raster order). */
    int acrossRows() {
        return raster ? 0 : acrossRows;
    }

    int pass(int r) {
        return raster ? PixelScan.RASTER : r < acrossRows ? PixelScan.ACROSS : PixelScan.DOWN;
    }

    int y(int r) {
        if (raster) return r * stride;
        return r < acrossRows ? 2 * stride * r : stride + 2 * stride * (r - acrossRows);
    }

    int x0(int r) {
        return pass(r) == PixelScan.ACROSS ? stride : 0;
    }

    int step(int r) {
        return pass(r) == PixelScan.ACROSS ? 2 * stride : stride;
    }
}
