package dev.nwf.codec.nwf.context;

import dev.nwf.codec.Image;
import dev.nwf.codec.entropy.CorruptStreamException;

/**
 * The block grid of a JPEG-decoded image (SPEC.md §6.3.5, required-feature bit 3): JPEG codes 8×8 blocks (16×16
 * chroma), and what their quantisation leaves in the pixels depends on where a pixel sits in its block. Detail
 * samples are put in classes by their position in the grid, and the adaptive context keeps its mean filter and scale
 * calibration per class. Level 0 carries the grid's period and where its blocks start.
 */
public final class BlockGrid {
    /** Bytes of the grid in level 0's payload: period, column and row where blocks start (mod period). */
    public static final int BYTES = 3;
    /** Classes per axis at most: finer positions spread the evidence too thin. */
    static final int MAX_CLASSES_PER_AXIS = 4;
    /** Classes per band at most. */
    public static final int MAX_CLASSES = MAX_CLASSES_PER_AXIS * MAX_CLASSES_PER_AXIS;
    /**
     * Smaller images get no grid: split into 16 classes per band at the finest level, the adaptive context would see
     * too few samples per class to learn from.
     */
    static final long MIN_PIXELS = 1L << 16;
    /** Below this many pixels the encoder codes an image with and without its grid and keeps the smaller file. */
    public static final long TRIAL_BELOW_PIXELS = 1L << 19;
    /** The periods a file may name: 4 (an 8×8 grid after halving) and 8 (JPEG's own). */
    static final int[] PERIODS = {4, 8};
    /**
     * How much stronger (in 1/1000) the capped steps across block edges must be than the average step for the encoder
     * to see a grid. At 1.02, the 12 photos of set A and the training set it picks all code smaller with the grid
     * (0.6–4.2 %), and the 8 photos never JPEG-coded among them (the skimage camera, astronaut, ...) stay below it.
     */
    static final int DETECT_PER_MILLE = 1020;

    public final int period;
    public final int startX;
    public final int startY;

    BlockGrid(int period, int startX, int startY) {
        this.period = period;
        this.startX = startX;
        this.startY = startY;
    }

    /** Classes along each axis for band samples that stand for {@code stride} pixels of the image: 1 means none. */
    int classesPerAxis(int stride) {
        return Math.max(1, Math.min(MAX_CLASSES_PER_AXIS, period / stride));
    }

    /**
     * The class of band sample (x, y) whose samples stand for {@code stride} pixels: position in the grid, row-major.
     */
    int classOf(int x, int y, int stride) {
        int n = classesPerAxis(stride);
        if (n == 1) return 0;
        int cx = Math.floorMod(x * stride - startX, period) * n / period;
        int cy = Math.floorMod(y * stride - startY, period) * n / period;
        return cy * n + cx;
    }

    /**
     * {@link #classOf} split by axis for a band {@code w} × {@code h}: classOf(x, y) = rows[y] + columns[x], so that a
     * coder looks classes up instead of dividing per sample. Returns {columns, rows}.
     */
    public int[][] classTables(int w, int h, int stride) {
        int n = classesPerAxis(stride);
        int[] columns = new int[w];
        int[] rows = new int[h];
        if (n > 1) {
            for (int x = 0; x < w; x++) columns[x] = Math.floorMod(x * stride - startX, period) * n / period;
            for (int y = 0; y < h; y++) rows[y] = n * (Math.floorMod(y * stride - startY, period) * n / period);
        }
        return new int[][] {columns, rows};
    }

    public byte[] bytes() {
        return new byte[] {(byte) period, (byte) startX, (byte) startY};
    }

    /** Reads the grid at {@code offset} of the block-grid tool's parameters (SPEC.md §6.3.5). */
    public static BlockGrid read(byte[] payload, int offset) throws CorruptStreamException {
        if (payload.length < offset
                + BYTES) throw new CorruptStreamException("the tool list ends inside the block grid", payload.length);
        int period = payload[offset] & 0xFF;
        int x = payload[offset + 1] & 0xFF;
        int y = payload[offset + 2] & 0xFF;
        if (period != 4 && period != 8) throw new CorruptStreamException("block grid period " + period
                + " is not 4 or 8", offset);
        if (x >= period || y >= period) {
            throw new CorruptStreamException("block grid starts at (" + x + ", " + y + "), outside its period "
                    + period, offset + 1);
        }
        return new BlockGrid(period, x, y);
    }

    /**
     * The grid an image shows, or null: on its green (or gray) plane, the mean absolute step between neighbours at
     * each position mod 8, per axis; a grid is seen where the steps across one column and one row boundary stand out
     * from the average by {@value #DETECT_PER_MILLE} per mille together. Period 4 when the steps half a period away
     * stand out as much (an image halved after JPEG coding), else 8.
     */
    public static BlockGrid detect(Image image) {
        int[] p = image.plane(image.channels() >= 3 ? 1 : 0);
        int w = image.width();
        int h = image.height();
        if ((long) w * h < MIN_PIXELS || w < 16 || h < 16) return null;
        int cap = STEP_CAP << Math.max(0, image.bitDepth() - 8);
        double[] dx = steps(p, w, 0, 0, w, h, 1, 0, cap);
        double[] dy = steps(p, w, 0, 0, w, h, 0, 1, cap);
        int bx = argMax(dx);
        int by = argMax(dy);
        double score = (dx[bx] + dy[by]) / 2;
        // chance differences between positions shrink with the image: ask for several standard errors too
        double chance = MIN_STANDARD_ERRORS * (dx[8 + bx] + dy[8 + by]) / 2;
        if (score * 1000 < DETECT_PER_MILLE || score - 1 < chance) return null;
        // the boundary lies between positions b and b + 1: blocks start at b + 1
        double half = (dx[(bx + 4) % 8] + dy[(by + 4) % 8]) / 2;
        int period = (half - 1) >= 0.8 * (score - 1) ? 4 : 8;
        return new BlockGrid(period, (bx + 1) % period, (by + 1) % period);
    }

    /** The grid {@link #detect} sees where it also {@link #showsThroughout} the image, or null. */
    public static BlockGrid detectThroughout(Image image) {
        BlockGrid grid = detect(image);
        return grid != null && grid.showsThroughout(image) ? grid : null;
    }

    /**
     * Whether this grid (the one {@link #detect} saw) shows throughout the image: in each of a 4×4 tiling's tiles
     * (origins multiples of 8) the column and the row boundary where steps stand out most are found, and at least
     * {@value #MIN_AGREEING} of those 32 must fall on the grid's boundaries (mod its period). Chance agreement
     * is 2 in 16 (4 of 32) at period 8; the JPEG-decoded photos of set A and of data/train agree in 16 to 32, every
     * render, camera frame and graphic of sets P and G whose steps fooled {@link #detect} (smooth gradients, text
     * lines, plot grids) in at most 13. Pixel levels (SPEC.md §4.4.6) are coded with a grid only where it passes this:
     * a false grid costs them 4.7-19 % (set P's renders), where the wavelet levels try both ways.
     */
    public boolean showsThroughout(Image image) {
        int[] p = image.plane(image.channels() >= 3 ? 1 : 0);
        int w = image.width();
        int h = image.height();
        int cap = STEP_CAP << Math.max(0, image.bitDepth() - 8);
        int agreeing = 0;
        for (int ty = 0; ty < TILES; ty++) {
            for (int tx = 0; tx < TILES; tx++) {
                int x0 = tx * w / TILES & -8;
                int y0 = ty * h / TILES & -8;
                int x1 = (tx + 1) * w / TILES & -8;
                int y1 = (ty + 1) * h / TILES & -8;
                // the boundary after position b: blocks start at b + 1
                int bx = argMax(steps(p, w, x0, y0, x1, y1, 1, 0, cap)) + 1;
                int by = argMax(steps(p, w, x0, y0, x1, y1, 0, 1, cap)) + 1;
                if (Math.floorMod(bx - startX, period) == 0) agreeing++;
                if (Math.floorMod(by - startY, period) == 0) agreeing++;
            }
        }
        return agreeing >= MIN_AGREEING;
    }

    /** Tiles along each axis of {@link #showsThroughout}'s tiling. */
    static final int TILES = 4;
    /** Of the tiling's 2 · 16 boundaries, how many must fall on the grid's. */
    static final int MIN_AGREEING = 15;

    /**
     * Steps larger than this (in 8-bit levels) count as this much: quantisation leaves small steps at block edges, and
     * a few strong edges of the content must not outweigh them.
     */
    static final int STEP_CAP = 6;

    /**
     * Mean capped |step| between a sample and its neighbour (dx, dy) per position mod 8, relative to the overall mean
     * (entries 0-7), and the standard error of each, in the same units (entries 8-15), over the samples of columns
     * [x0, x1) and rows [y0, y1) of a plane {@code w} wide whose neighbour is inside that region too.
     */
    private static double[] steps(int[] p, int w, int x0, int y0, int x1, int y1, int dx, int dy, int cap) {
        double[] sum = new double[8];
        double[] squares = new double[8];
        long[] n = new long[8];
        for (int y = y0; y + dy < y1; y++) {
            for (int x = x0; x + dx < x1; x++) {
                int k = (dx == 1 ? x : y) & 7;
                int step = Math.min(cap, Math.abs(p[(y + dy) * w + x + dx] - p[y * w + x]));
                sum[k] += step;
                squares[k] += (double) step * step;
                n[k]++;
            }
        }
        double mean = 0;
        double[] out = new double[16];
        for (int k = 0; k < 8; k++) {
            long m = Math.max(1, n[k]);
            out[k] = sum[k] / m;
            out[8 + k] = Math.sqrt(Math.max(0, squares[k] / m - out[k] * out[k]) / m);
            mean += out[k] / 8;
        }
        for (int k = 0; k < 16; k++) out[k] = mean == 0 ? (k < 8 ? 1 : 0) : out[k] / mean;
        return out;
    }

    /** Standard errors of a position's mean step by which the grid's positions must stand out. */
    static final double MIN_STANDARD_ERRORS = 4;

    /** The position (0-7) with the largest mean step. */
    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < 8; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    @Override
    public String toString() {
        return "BlockGrid[period " + period + ", blocks start at (" + startX + ", " + startY + ")]";
    }
}
