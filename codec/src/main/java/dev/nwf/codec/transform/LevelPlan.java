package dev.nwf.codec.transform;
/**
 * Level sizes (SPEC.md §4.3): halve (rounding up) until both sides are at most {@value #COARSEST_MAX_SIDE};
 * level 0 is the coarsest image, the last level is the full image.
 */
public final class LevelPlan {
    static final int COARSEST_MAX_SIDE = 16;

    private LevelPlan() {
    }

    /** {width, height} per level, coarsest first. */
    public static int[][] sizes(int width, int height) {
        int n = 1;
        for (int w = width, h = height; w > COARSEST_MAX_SIDE || h > COARSEST_MAX_SIDE; w = Lifting.half(w),
                h = Lifting.half(h)) n++;
        int[][] s = new int[n][];
        int w = width;
        int h = height;
        for (int i = n - 1; i >= 0; i--) {
            s[i] = new int[] {w, h};
            w = Lifting.half(w);
            h = Lifting.half(h);
        }
        return s;
    }
}
