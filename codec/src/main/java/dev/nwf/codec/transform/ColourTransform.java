package dev.nwf.codec.transform;
/**
 * The reversible colour transforms of SPEC.md §4.1, applied in place to the first three planes of RGB/RGBA images
 * (alpha and gray pass through). The colour-transform tool's code names the one a file uses; without it, none.
 */
public enum ColourTransform {
    /** Planes as they are: gray, gray+alpha, and colour images without the tool. */
    NONE(0, "none") {
        @Override
        void forward(int[][] p) {
        }

        @Override
        void inverse(int[][] p) {
        }
    },
    /** Co = R - B, t = B + (Co >> 1), Cg = G - t, Y = t + (Cg >> 1); planes become Y, Co, Cg. */
    YCOCG_R(1, "YCoCg-R") {
        @Override
        void forward(int[][] p) {
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

        @Override
        void inverse(int[][] p) {
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
    },
    /**
     * Green first, then red and blue minus green: planes become G, R - G, B - G. Keeps a channel that sits at its
     * limit (clipped skies, saturated petals) flat, where YCoCg-R mixes it into all three planes.
     */
    SUBTRACT_GREEN(2, "subtract-green") {
        @Override
        void forward(int[][] p) {
            int[] r = p[0];
            int[] g = p[1];
            int[] b = p[2];
            for (int i = 0; i < r.length; i++) {
                int green = g[i];
                g[i] = r[i] - green;
                b[i] -= green;
                r[i] = green;
            }
        }

        @Override
        void inverse(int[][] p) {
            int[] g = p[0];
            int[] rg = p[1];
            int[] bg = p[2];
            for (int i = 0; i < g.length; i++) {
                int green = g[i];
                g[i] = rg[i] + green;
                rg[i] = green;
                bg[i] += green;
            }
        }
    },
    /**
     * The planes untransformed, green first: G, R, B. Where the channels share less than subtract green assumes, the
     * mean filter predicts each from channel 0 and the one before it better than from their differences (RainDrops:
     * 4 % smaller than subtract green).
     */
    GREEN_FIRST(3, "green-first") {
        @Override
        void forward(int[][] p) {
            int[] r = p[0];
            p[0] = p[1];
            p[1] = r;
        }

        @Override
        void inverse(int[][] p) {
            forward(p);
        }
    };

    /** The colour-transform tool's code (SPEC.md §4.1). */
    public final int code;
    /** The name `nwf info` shows. */
    public final String displayName;

    ColourTransform(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** Pixels a time {@link #forwardPlane} transforms. */
    private static final int PLANE_CHUNK = 1 << 14;

    /**
     * Plane {@code c} of the image under this transform (alpha and gray as they are), made some pixels at a time: the
     * image's other transformed planes never exist, so a split can take the planes one by one (issue #24).
     */
    public int[] forwardPlane(dev.nwf.codec.Image image, int c) {
        if (this == NONE || c >= 3 || image.channels() < 3) return image.copyPlane(c);
        int n = (int) image.pixels();
        int[] out = new int[n];
        int[][] part = new int[3][];
        for (int start = 0; start < n; start += PLANE_CHUNK) {
            int len = Math.min(PLANE_CHUNK, n - start);
            for (int k = 0; k < 3; k++) {
                part[k] = new int[len];
                for (int i = 0; i < len; i++) part[k][i] = image.at(k, start + i);
            }
            forward(part);
            System.arraycopy(part[c], 0, out, start, len);
        }
        return out;
    }

    /** In place: planes 0, 1, 2 = R, G, B become the transform's three planes. */
    abstract void forward(int[][] p);

    /** In place: the transform's planes back to R, G, B. */
    abstract void inverse(int[][] p);

    public static boolean appliesTo(int channels) {
        return channels >= 3;
    }

    /** YCoCg-R for colour images, none for gray: the planes the prior network was trained on. */
    public static ColourTransform standard(int channels) {
        return appliesTo(channels) ? YCOCG_R : NONE;
    }

    /** The transform a tool code names, or null for an undefined code. */
    public static ColourTransform ofCode(int code) {
        for (ColourTransform t : values()) if (t.code == code) return t;
        return null;
    }
}
