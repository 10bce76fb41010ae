package dev.nwf.codec;

/**
 * One level of the integer wavelet split (SPEC.md §4.2): the plane is padded to even size by repeating its last
 * column/row, split into 2x2 polyphase components a b / c d, and lifted with the 2-D S-transform into a low-pass LL
 * and high-pass HL, LH, HH, each ceil(w/2) x ceil(h/2). Exactly invertible; the padding is dropped on merge.
 */
final class Haar {
    static final int LL = 0;
    static final int HL = 1;
    static final int LH = 2;
    static final int HH = 3;

    private Haar() {
    }

    static int half(int n) {
        return (n + 1) >> 1;
    }

    /** Returns {LL, HL, LH, HH}, each half(w) x half(h). */
    static int[][] split(int[] x, int w, int h) {
        int hw = half(w);
        int hh = half(h);
        int[][] out = new int[4][hw * hh];
        for (int j = 0; j < hh; j++) {
            int y0 = 2 * j;
            int y1 = Math.min(2 * j + 1, h - 1);
            for (int i = 0; i < hw; i++) {
                int x0 = 2 * i;
                int x1 = Math.min(2 * i + 1, w - 1);
                int a = x[y0 * w + x0];
                int b = x[y0 * w + x1];
                int c = x[y1 * w + x0];
                int d = x[y1 * w + x1];
                int h1 = b - a;
                int l1 = a + (h1 >> 1);
                int h2 = d - c;
                int l2 = c + (h2 >> 1);
                int lh = l2 - l1;
                int hhv = h2 - h1;
                int k = j * hw + i;
                out[LL][k] = l1 + (lh >> 1);
                out[HL][k] = h1 + (hhv >> 1);
                out[LH][k] = lh;
                out[HH][k] = hhv;
            }
        }
        return out;
    }

    /** Inverse of {@link #split}: rebuilds the w x h plane. */
    static int[] merge(int[][] bands, int w, int h) {
        int hw = half(w);
        int hh = half(h);
        int[] x = new int[w * h];
        for (int j = 0; j < hh; j++) {
            for (int i = 0; i < hw; i++) {
                int k = j * hw + i;
                int lh = bands[LH][k];
                int hhv = bands[HH][k];
                int l1 = bands[LL][k] - (lh >> 1);
                int h1 = bands[HL][k] - (hhv >> 1);
                int l2 = lh + l1;
                int h2 = hhv + h1;
                int a = l1 - (h1 >> 1);
                int b = h1 + a;
                int c = l2 - (h2 >> 1);
                int d = h2 + c;
                int x0 = 2 * i;
                int y0 = 2 * j;
                x[y0 * w + x0] = a;
                if (x0 + 1 < w) x[y0 * w + x0 + 1] = b;
                if (y0 + 1 < h) {
                    x[(y0 + 1) * w + x0] = c;
                    if (x0 + 1 < w) x[(y0 + 1) * w + x0 + 1] = d;
                }
            }
        }
        return x;
    }
}
