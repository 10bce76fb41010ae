package dev.nwf.codec.transform;

import dev.nwf.codec.Image;

/**
 * The multi-level decomposition of an image (SPEC.md §4.3): colour transform, then repeated splits down to the
 * coarsest level. Level 0 holds the coarsest planes; level i > 0 holds the bands that refine level i-1.
 */
public final class Pyramid {
    public final int[][] sizes;
    public final int[][] coarsest;
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
        return build(transformedPlanes(image, transform), image.width(), image.height(), filter);
    }

    /** Copies of the image's planes, colour-transformed. */
    public static int[][] transformedPlanes(Image image, ColourTransform transform) {
        int[][] planes = new int[image.channels()][];
        for (int c = 0; c < planes.length; c++) planes[c] = image.plane(c).clone();
        transform.forward(planes);
        return planes;
    }

    /** Builds the pyramid of already transformed planes (which it does not modify). */
    public static Pyramid build(int[][] planes, int width, int height, Lifting.Filter filter) {
        int[][] sizes = LevelPlan.sizes(width, height);
        int levels = sizes.length;
        int channels = planes.length;
        int[][][][] bands = new int[levels][][][];
        int[][][] lows = new int[levels][][];
        for (int level = levels - 1; level >= 1; level--) {
            int w = sizes[level][0];
            int h = sizes[level][1];
            int[][][] lb = new int[channels][][];
            int[][] low = new int[channels][];
            for (int c = 0; c < channels; c++) {
                int[][] split = Lifting.split(planes[c], w, h, filter);
                low[c] = split[Lifting.LL];
                lb[c] = new int[][] {split[Lifting.HL], split[Lifting.LH], split[Lifting.HH]};
            }
            bands[level] = lb;
            lows[level] = low;
            planes = low;
        }
        return new Pyramid(sizes, planes, bands, lows);
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
