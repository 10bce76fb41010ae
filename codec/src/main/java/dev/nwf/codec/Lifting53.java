package dev.nwf.codec;

/**
 * One level of the integer wavelet split (SPEC.md §4.2): the plane is padded to even size by repeating its last
 * column/row, then the reversible 5/3 lifting of JPEG 2000 runs over rows and then columns (symmetric extension
 * at the borders), giving a low-pass LL and high-pass HL (horizontal detail), LH (vertical detail) and HH, each
 * ceil(w/2) x ceil(h/2). Exactly invertible; the padding is dropped on merge.
 */
final class Lifting53 {
    static final int LL = 0;
    static final int HL = 1;
    static final int LH = 2;
    static final int HH = 3;

    private Lifting53() {
    }

    static int half(int n) {
        return (n + 1) >> 1;
    }

    /** Returns {LL, HL, LH, HH}, each half(w) x half(h). */
    static int[][] split(int[] x, int w, int h) {
        int hw = half(w);
        int hh = half(h);
        int pw = 2 * hw;
        int ph = 2 * hh;
        // rows: low half then high half of each padded row
        int[] rows = new int[pw * ph];
        int[] line = new int[Math.max(pw, ph)];
        int[] lo = new int[Math.max(hw, hh)];
        int[] hi = new int[Math.max(hw, hh)];
        for (int y = 0; y < ph; y++) {
            int sy = Math.min(y, h - 1);
            for (int i = 0; i < pw; i++) line[i] = x[sy * w + Math.min(i, w - 1)];
            forward(line, hw, lo, hi);
            System.arraycopy(lo, 0, rows, y * pw, hw);
            System.arraycopy(hi, 0, rows, y * pw + hw, hw);
        }
        int[][] out = new int[4][hw * hh];
        for (int col = 0; col < pw; col++) {
            for (int y = 0; y < ph; y++) line[y] = rows[y * pw + col];
            forward(line, hh, lo, hi);
            boolean high = col >= hw;
            int bx = high ? col - hw : col;
            int[] low = out[high ? HL : LL];
            int[] det = out[high ? HH : LH];
            for (int j = 0; j < hh; j++) {
                low[j * hw + bx] = lo[j];
                det[j * hw + bx] = hi[j];
            }
        }
        return out;
    }

    /** Inverse of {@link #split}: rebuilds the w x h plane. */
    static int[] merge(int[][] bands, int w, int h) {
        int hw = half(w);
        int hh = half(h);
        int pw = 2 * hw;
        int ph = 2 * hh;
        int[] rows = new int[pw * ph];
        int[] line = new int[Math.max(pw, ph)];
        int[] lo = new int[Math.max(hw, hh)];
        int[] hi = new int[Math.max(hw, hh)];
        for (int col = 0; col < pw; col++) {
            boolean high = col >= hw;
            int bx = high ? col - hw : col;
            int[] low = bands[high ? HL : LL];
            int[] det = bands[high ? HH : LH];
            for (int j = 0; j < hh; j++) {
                lo[j] = low[j * hw + bx];
                hi[j] = det[j * hw + bx];
            }
            inverse(lo, hi, hh, line);
            for (int y = 0; y < ph; y++) rows[y * pw + col] = line[y];
        }
        int[] x = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(rows, y * pw, lo, 0, hw);
            System.arraycopy(rows, y * pw + hw, hi, 0, hw);
            inverse(lo, hi, hw, line);
            System.arraycopy(line, 0, x, y * w, w);
        }
        return x;
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
}
