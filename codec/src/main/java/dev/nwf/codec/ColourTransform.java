package dev.nwf.codec;

/**
 * YCoCg-R (SPEC.md §4.1), exactly reversible in integers: Co = R - B, t = B + (Co >> 1), Cg = G - t, Y = t + (Cg >> 1).
 * Applied to the first three channels of RGB/RGBA images; alpha and gray pass through.
 */
final class ColourTransform {
    private ColourTransform() {
    }

    static boolean appliesTo(int channels) {
        return channels >= 3;
    }

    /** In place: planes 0,1,2 = R,G,B become Y,Co,Cg. */
    static void forward(int[][] p) {
        int[] r = p[0];
        int[] g = p[1];
        int[] b = p[2];
        for (int i = 0; i < r.length; i++) {
            int co = r[i] - b[i];
            int t = b[i] + (co >> 1);
            int cg = g[i] - t;
            r[i] = t + (cg >> 1);
            g[i] = co;
            b[i] = cg;
        }
    }

    /** In place: Y,Co,Cg back to R,G,B. */
    static void inverse(int[][] p) {
        int[] y = p[0];
        int[] co = p[1];
        int[] cg = p[2];
        for (int i = 0; i < y.length; i++) {
            int t = y[i] - (cg[i] >> 1);
            int g = cg[i] + t;
            int b = t - (co[i] >> 1);
            y[i] = b + co[i];
            co[i] = g;
            cg[i] = b;
        }
    }
}
