package dev.nwf.codec.transform;
/**
 * One level of the integer wavelet split (SPEC.md §4.2): the plane is padded to even size by repeating its last
 * column/row, then a reversible lifting filter runs over rows and then columns, giving a low-pass LL and high-pass HL
 * (horizontal detail), LH (vertical detail) and HH, each ceil(w/2) x ceil(h/2). Exactly invertible; the padding is
 * dropped on merge.
 */
public final class Lifting {
    /** The lifting filter of every level of an image (SPEC.md §4.2). */
    public enum Filter {
        /** JPEG 2000's reversible 5/3 (symmetric extension at the borders): the default. */
        LE_GALL_53,
        /**
         * The integer Haar (S-) transform, with feature bit 4 (since 1.4): each pair's difference and floor mean.
         * Flat and staircase areas (quantised smooth images, such as decoded JPEGs' chroma) leave all-zero detail.
         */
        HAAR
    }

    static final int LL = 0;
    static final int HL = 1;
    static final int LH = 2;
    static final int HH = 3;

    private Lifting() {
    }

    static int half(int n) {
        return (n + 1) >> 1;
    }

    /** Returns {LL, HL, LH, HH}, each half(w) x half(h). */
    static int[][] split(int[] x, int w, int h, Filter filter) {
        return split(x, w, h, filter, false);
    }

    /**
     * {@link #split(int[], int, int, Filter)}; where {@code scratch}, x of even sides is lifted in place (its samples
     * are lost), saving a plane-sized copy.
     */
    static int[][] split(int[] x, int w, int h, Filter filter, boolean scratch) {
        int hw = half(w);
        int hh = half(h);
        int pw = 2 * hw;
        int ph = 2 * hh;
        int[] padded;
        if (scratch && pw == w && ph == h) {
            padded = x;
        } else {
            padded = new int[pw * ph];
            for (int y = 0; y < ph; y++) {
                int sy = Math.min(y, h - 1);
                for (int i = 0; i < pw; i++) padded[y * pw + i] = x[sy * w + Math.min(i, w - 1)];
            }
        }
        // rows leave low halves left and high halves right; columns then leave low halves on top: four quadrants
        liftLines(padded, ph, pw, 1, hw, true, filter);
        liftLines(padded, pw, 1, pw, hh, true, filter);
        int[][] out = new int[4][hw * hh];
        for (int y = 0; y < hh; y++) {
            System.arraycopy(padded, y * pw, out[LL], y * hw, hw);
            System.arraycopy(padded, y * pw + hw, out[HL], y * hw, hw);
            System.arraycopy(padded, (y + hh) * pw, out[LH], y * hw, hw);
            System.arraycopy(padded, (y + hh) * pw + hw, out[HH], y * hw, hw);
        }
        return out;
    }

    /** Inverse of {@link #split}: rebuilds the w x h plane. */
    static int[] merge(int[][] bands, int w, int h, Filter filter) {
        int hw = half(w);
        int hh = half(h);
        int pw = 2 * hw;
        int ph = 2 * hh;
        int[] padded = new int[pw * ph];
        for (int y = 0; y < hh; y++) {
            System.arraycopy(bands[LL], y * hw, padded, y * pw, hw);
            System.arraycopy(bands[HL], y * hw, padded, y * pw + hw, hw);
            System.arraycopy(bands[LH], y * hw, padded, (y + hh) * pw, hw);
            System.arraycopy(bands[HH], y * hw, padded, (y + hh) * pw + hw, hw);
        }
        liftLines(padded, pw, 1, pw, hh, false, filter);
        liftLines(padded, ph, pw, 1, hw, false, filter);
        int[] x = new int[w * h];
        for (int y = 0; y < h; y++) System.arraycopy(padded, y * pw, x, y * w, w);
        return x;
    }

    /**
     * Lifts (or unlifts) {@code lines} lines of {@code 2n} samples in place; sample k of line j sits at
     * {@code a[j * lineStep + k * sampleStep]}. Lifted lines hold their n low coefficients first, then the n high ones.
     */
    private static void liftLines(int[] a, int lines, int lineStep, int sampleStep, int n, boolean forward,
            Filter filter) {
        int[] line = new int[2 * n];
        int[] lo = new int[n];
        int[] hi = new int[n];
        for (int j = 0; j < lines; j++) {
            int base = j * lineStep;
            if (forward) {
                for (int k = 0; k < 2 * n; k++) line[k] = a[base + k * sampleStep];
                if (filter == Filter.HAAR) forwardHaar(line, n, lo, hi);
                else forward(line, n, lo, hi);
                for (int k = 0; k < n; k++) {
                    a[base + k * sampleStep] = lo[k];
                    a[base + (n + k) * sampleStep] = hi[k];
                }
            } else {
                for (int k = 0; k < n; k++) {
                    lo[k] = a[base + k * sampleStep];
                    hi[k] = a[base + (n + k) * sampleStep];
                }
                if (filter == Filter.HAAR) inverseHaar(lo, hi, n, line);
                else inverse(lo, hi, n, line);
                for (int k = 0; k < 2 * n; k++) a[base + k * sampleStep] = line[k];
            }
        }
    }

    /** 5/3 lifting of {@code 2n} samples into n low and n high coefficients. */
    static void forward(int[] s, int n, int[] lo, int[] hi) {
        for (int i = 0; i < n; i++) {
            int right = 2 * i + 2 < 2 * n ? s[2 * i + 2] : s[2 * i]; // symmetric extension
            hi[i] = s[2 * i + 1] - ((s[2 * i] + right) >> 1);
        }
        for (int i = 0; i < n; i++) {
            int left = i > 0 ? hi[i - 1] : hi[0];
            lo[i] = s[2 * i] + ((left + hi[i] + 2) >> 2);
        }
    }

    /** Inverse of {@link #forward}: writes {@code 2n} samples. */
    static void inverse(int[] lo, int[] hi, int n, int[] s) {
        for (int i = 0; i < n; i++) {
            int left = i > 0 ? hi[i - 1] : hi[0];
            s[2 * i] = lo[i] - ((left + hi[i] + 2) >> 2);
        }
        for (int i = 0; i < n; i++) {
            int right = 2 * i + 2 < 2 * n ? s[2 * i + 2] : s[2 * i];
            s[2 * i + 1] = hi[i] + ((s[2 * i] + right) >> 1);
        }
    }

    /** Haar lifting of {@code 2n} samples: high[i] = s[2i+1] - s[2i], low[i] = s[2i] + floor(high[i] / 2). */
    static void forwardHaar(int[] s, int n, int[] lo, int[] hi) {
        for (int i = 0; i < n; i++) {
            hi[i] = s[2 * i + 1] - s[2 * i];
            lo[i] = s[2 * i] + (hi[i] >> 1);
        }
    }

    /** Inverse of {@link #forwardHaar}. */
    static void inverseHaar(int[] lo, int[] hi, int n, int[] s) {
        for (int i = 0; i < n; i++) {
            s[2 * i] = lo[i] - (hi[i] >> 1);
            s[2 * i + 1] = hi[i] + s[2 * i];
        }
    }
}
