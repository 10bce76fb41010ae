package dev.nwf.codec.pixel;

/**
 * The rows of one pixel level in coding order (SPEC.md §4.4.1): level 0's rows at its stride; a finer level's
 * {@link PixelScan#ACROSS} rows (the coarser rows, odd columns) then its {@link PixelScan#DOWN} rows (all columns), and
 * where each row's pixels start in the level's order.
 */
final class LevelRows {
    final int stride;
    /** Level 0's period (SPEC.md §4.4.1): its RASTER samples also compare with the one this many places back; 0: none. */
    final int period;
    private final int level;
    private final int width;
    private final int acrossRows;
    private final int count;
    private final long[] starts;

    LevelRows(int width, int height, int level, int levels) {
        this(width, height, level, levels, 0);
    }

    /** As {@link #LevelRows(int, int, int, int)}, level 0 with the given period (finer levels have none). */
    LevelRows(int width, int height, int level, int levels, int period) {
        this.width = width;
        this.period = level == 0 ? period : 0;
        this.level = level;
        this.stride = PixelScan.stride(level, levels);
        int s = stride;
        acrossRows = level == 0 ? PixelScan.ceilDiv(height, s) : PixelScan.ceilDiv(height, 2 * s);
        int downRows = level == 0 || height <= s ? 0 : PixelScan.ceilDiv(height - s, 2 * s);
        count = acrossRows + downRows;
        starts = new long[count + 1];
        for (int r = 0; r < count; r++) starts[r + 1] = starts[r] + pixels(r);
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
        return PixelScan.ceilDiv(width - x0(r), step(r));
    }

    /** Where row {@code r}'s pixels start in the level's order. */
    int first(int r) {
        return (int) starts[r];
    }

    /** The parts of the level (SPEC.md §4.4.1): 1 on level 0 (RASTER), else 2 (ACROSS rows, then DOWN rows). */
    int parts() {
        return level == 0 ? 1 : 2;
    }

    /** The part row {@code r} is in: 1 for a DOWN row, else 0. */
    int part(int r) {
        return level > 0 && r >= acrossRows ? 1 : 0;
    }

    /** The first row of part {@code part}. */
    int firstRow(int part) {
        return part == 0 ? 0 : acrossRows;
    }

    /** The row after the last of part {@code part}. */
    int endRow(int part) {
        return level == 0 || part == 1 ? count : acrossRows;
    }

    /** The ACROSS rows, which come first (0 on level 0). */
    int acrossRows() {
        return level == 0 ? 0 : acrossRows;
    }

    int pass(int r) {
        return level == 0 ? PixelScan.RASTER : r < acrossRows ? PixelScan.ACROSS : PixelScan.DOWN;
    }

    int y(int r) {
        if (level == 0) return r * stride;
        return r < acrossRows ? 2 * stride * r : stride + 2 * stride * (r - acrossRows);
    }

    int x0(int r) {
        return pass(r) == PixelScan.ACROSS ? stride : 0;
    }

    int step(int r) {
        return pass(r) == PixelScan.ACROSS ? 2 * stride : stride;
    }
}
