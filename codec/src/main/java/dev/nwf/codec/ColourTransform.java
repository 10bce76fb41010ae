package dev.nwf.codec;

import dev.nwf.format.NwfHeader;

/**
 * The reversible colour transforms of SPEC.md §4.1, applied in place to the first three planes of RGB/RGBA images
 * (alpha and gray pass through). The header's colour transform code names the one a file uses.
 */
enum ColourTransform {
    /** Gray and gray+alpha: planes as they are. */
    NONE(NwfHeader.COLOUR_NONE) {
        @Override
        void forward(int[][] p) {
        }

        @Override
        void inverse(int[][] p) {
        }
    },
    /** Co = R - B, t = B + (Co >> 1), Cg = G - t, Y = t + (Cg >> 1); planes become Y, Co, Cg. */
    YCOCG_R(NwfHeader.COLOUR_YCOCG_R) {
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
    SUBTRACT_GREEN(NwfHeader.COLOUR_SUBTRACT_GREEN) {
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
    GREEN_FIRST(NwfHeader.COLOUR_GREEN_FIRST) {
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

    /** The header's colour transform code. */
    final int code;

    ColourTransform(int code) {
        this.code = code;
    }

    /** In place: planes 0, 1, 2 = R, G, B become the transform's three planes. */
    abstract void forward(int[][] p);

    /** In place: the transform's planes back to R, G, B. */
    abstract void inverse(int[][] p);

    static boolean appliesTo(int channels) {
        return channels >= 3;
    }

    /** YCoCg-R for colour images, none for gray: the transform of every file before format 1.2. */
    static ColourTransform standard(int channels) {
        return appliesTo(channels) ? YCOCG_R : NONE;
    }

    /** The transform a header code names, or null for an undefined code. */
    static ColourTransform ofCode(int code) {
        for (ColourTransform t : values()) if (t.code == code) return t;
        return null;
    }
}
