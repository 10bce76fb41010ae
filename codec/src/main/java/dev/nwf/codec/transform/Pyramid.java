package dev.nwf.codec.transform;

import dev.nwf.codec.Image;

/**
 * The multi-level decomposition of an image (SPEC.md §4.3): colour transform, then repeated splits down to the
 * coarsest level. Level 0 holds the coarsest planes; level i > 0 holds the bands that refine level i-1.
 */
public final class Pyramid {
    public final int[][] sizes;
    /** The coarsest planes (level 0); null once {@link #release released}. */
    public int[][] coarsest;
    /** bands[level][channel][HL, LH, HH] for levels 1..n-1 (index 0 unused). */
    public final int[][][][] bands;
    /** lows[level][channel]: the planes of level i-1 that level i's bands refine. */
    public final int[][][] lows;

    private Pyramid(int[][] sizes, int[][] coarsest, int[][][][] bands, int[][][] lows) {
        this.sizes = sizes;
        this.coarsest = coarsest;
        this.bands = bands;
        this.lows = lows;
    }

    /** Colour-transforms a copy of the image's planes, then builds the pyramid with the given split filter. */
    public static Pyramid build(Image image, ColourTransform transform, Lifting.Filter filter) {
        return build(image, transform, filter, true);
    }

    /**
     * The pyramid without the finest level's bands (null): for a trial that codes only the coarser levels, which need
     * the finest split's low-pass but not its bands (three quarters of the samples).
     */
    public static Pyramid buildWithoutFinestBands(Image image, ColourTransform transform, Lifting.Filter filter) {
        return build(image, transform, filter, false);
    }

    /**
     * The finest split made plane by plane, each transformed plane split as soon as it is made and let go: no more
     * than one image-sized int plane exists at a time (large ones fragment the heap; issue #24).
     */
    private static Pyramid build(Image image, ColourTransform transform, Lifting.Filter filter, boolean finestBands) {
        int[][] sizes = LevelPlan.sizes(image.width(), image.height());
        int levels = sizes.length;
        if (levels == 1) return build(transformedPlanes(image, transform), image.width(), image.height(), filter,
                finestBands, true);
        int[][][][] bands = new int[levels][][][];
        int[][][] lows = new int[levels][][];
        splitFinest(image, transform, filter, finestBands, sizes, bands, lows);
        int[][] coarsest = splitDown(lows[levels - 1], sizes, levels - 2, filter, false, bands, lows);
        return new Pyramid(sizes, coarsest, bands, lows);
    }

    /** The finest level's split of each transformed plane, made and split one at a time. */
    private static void splitFinest(Image image, ColourTransform transform, Lifting.Filter filter, boolean keepBands,
            int[][] sizes, int[][][][] bands, int[][][] lows) {
        int finest = sizes.length - 1;
        int channels = image.channels();
        lows[finest] = new int[channels][];
        bands[finest] = keepBands ? new int[channels][][] : null;
        for (int c = 0; c < channels; c++) {
            int[][] split = Lifting.split(transform.forwardPlane(image, c), sizes[finest][0], sizes[finest][1], filter,
                    true);
            lows[finest][c] = split[Lifting.LL];
            if (keepBands) bands[finest][c] = new int[][] {split[Lifting.HL], split[Lifting.LH], split[Lifting.HH]};
        }
    }

    /**
     * Only the finest level of the pyramid {@link #build} gives: its bands and the low-pass they refine; every coarser
     * level, and the coarsest planes, are null (they are coded already).
     */
    public static Pyramid finestLevel(Image image, ColourTransform transform, Lifting.Filter filter) {
        int[][] sizes = LevelPlan.sizes(image.width(), image.height());
        int finest = sizes.length - 1;
        int[][][][] bands = new int[sizes.length][][][];
        int[][][] lows = new int[sizes.length][][];
        if (finest >= 1) splitFinest(image, transform, filter, true, sizes, bands, lows);
        return new Pyramid(sizes, null, bands, lows);
    }

    /** One split of every channel: the low-pass planes and the bands [channel][HL, LH, HH]. */
    public record Level(int[][] low, int[][][] bands) {
    }

    /** Splits every w×h plane once with {@code filter} (the planes are not modified). */
    public static Level splitOnce(int[][] planes, int w, int h, Lifting.Filter filter) {
        int[][][] bands = new int[planes.length][][];
        int[][] low = new int[planes.length][];
        splitLevel(planes, w, h, filter, false, true, bands, low);
        return new Level(low, bands);
    }

    /** Level {@code level} is coded: its bands and low-pass are let go (the coarsest planes with level 0). */
    public void release(int level) {
        bands[level] = null;
        lows[level] = null;
        if (level == 0) coarsest = null;
    }

    /** Copies of the image's planes, colour-transformed. */
    public static int[][] transformedPlanes(Image image, ColourTransform transform) {
        int[][] planes = new int[image.channels()][];
        for (int c = 0; c < planes.length; c++) planes[c] = transform.forwardPlane(image, c);
        return planes;
    }

    /** Builds the pyramid of already transformed planes (which it does not modify). */
    public static Pyramid build(int[][] planes, int width, int height, Lifting.Filter filter) {
        return build(planes, width, height, filter, true, false);
    }

    /**
     * @param finestBands whether the finest level's bands are kept
     * @param owned       whether {@code planes} may be let go channel by channel as they are split
     */
    private static Pyramid build(int[][] planes, int width, int height, Lifting.Filter filter, boolean finestBands,
            boolean owned) {
        int[][] sizes = LevelPlan.sizes(width, height);
        int levels = sizes.length;
        int[][][][] bands = new int[levels][][][];
        int[][][] lows = new int[levels][][];
        if (levels > 1) {
            int finest = levels - 1;
            bands[finest] = new int[planes.length][][];
            lows[finest] = new int[planes.length][];
            splitLevel(planes, sizes[finest][0], sizes[finest][1], filter, owned, finestBands, bands[finest],
                    lows[finest]);
            if (bands[finest][0] == null) bands[finest] = null;
            planes = lows[finest];
        }
        return new Pyramid(sizes, splitDown(planes, sizes, levels - 2, filter, false, bands, lows), bands, lows);
    }

    /**
     * Splits {@code planes} (level {@code top}'s, of size sizes[top]) down to the coarsest level, filling bands and
     * lows of levels top..1; returns the coarsest planes. A level's low-pass planes stay in the pyramid: only owned
     * {@code planes} are let go.
     */
    private static int[][] splitDown(int[][] planes, int[][] sizes, int top, Lifting.Filter filter, boolean owned,
            int[][][][] bands, int[][][] lows) {
        for (int level = top; level >= 1; level--) {
            bands[level] = new int[planes.length][][];
            lows[level] = new int[planes.length][];
            splitLevel(planes, sizes[level][0], sizes[level][1], filter, owned, true, bands[level], lows[level]);
            planes = lows[level];
            owned = false;
        }
        return planes;
    }

    /** Splits every channel's w×h plane into {@code low} and (where kept) {@code bands}, letting owned planes go. */
    private static void splitLevel(int[][] planes, int w, int h, Lifting.Filter filter, boolean owned,
            boolean keepBands, int[][][] bands, int[][] low) {
        for (int c = 0; c < planes.length; c++) {
            int[][] split = Lifting.split(planes[c], w, h, filter, owned);
            if (owned) planes[c] = null;
            low[c] = split[Lifting.LL];
            if (keepBands) bands[c] = new int[][] {split[Lifting.HL], split[Lifting.LH], split[Lifting.HH]};
        }
    }

    /** Rebuilds level {@code level}'s planes from the previous level's planes and this level's bands. */
    public static int[][] merge(int[][] low, int[][][] levelBands, int w, int h, Lifting.Filter filter) {
        int[][] out = new int[low.length][];
        for (int c = 0; c < low.length; c++) {
            int[][] b = levelBands[c];
            out[c] = Lifting.merge(new int[][] {low[c], b[0], b[1], b[2]}, w, h, filter);
        }
        return out;
    }

    /** Turns transformed planes into a displayable image: inverse colour transform, clamp to the sample range. */
    public static Image toImage(int[][] planes, int w, int h, int bitDepth, ColourTransform transform, boolean clamp) {
        int[][] p = new int[planes.length][];
        for (int c = 0; c < planes.length; c++) p[c] = planes[c].clone();
        transform.inverse(p);
        if (clamp) {
            int max = (1 << bitDepth) - 1;
            for (int[] plane : p) for (int i = 0; i < plane.length; i++) plane[i] = Math.max(0, Math.min(max,
                    plane[i]));
        }
        return new Image(w, h, bitDepth, p);
    }
}
