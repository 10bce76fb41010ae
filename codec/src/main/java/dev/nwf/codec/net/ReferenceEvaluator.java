package dev.nwf.codec.net;

/** The pure-Java integer evaluator: the ground truth of SPEC.md §5.1 (64-bit accumulators, no floating point). */
public final class ReferenceEvaluator implements NetEvaluator {
    public static final ReferenceEvaluator INSTANCE = new ReferenceEvaluator();
    /** Below this many pixels a layer runs on the calling thread. */
    private static final int PARALLEL_MIN_PIXELS = 4096;

    @Override
    public String name() {
        return "java-reference";
    }

    @Override
    public int[][] evaluate(IntNet net, int[][] input, int w, int h) {
        int[][] x = input;
        for (int li = 0; li < net.layers().size(); li++) {
            IntConv l = net.layers().get(li);
            int[][] in = l.withNetInput() && li > 0 ? concat(x, input) : x;
            x = conv(l, in, w, h);
        }
        return x;
    }

    static int[][] concat(int[][] a, int[][] b) {
        int[][] c = new int[a.length + b.length][];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static int[][] conv(IntConv l, int[][] in, int w, int h) {
        int k = l.kernel();
        int r = (k / 2) * l.dilation();
        int pw = w + 2 * r;
        int[][] padded = new int[in.length][];
        for (int c = 0; c < in.length; c++) padded[c] = r == 0 ? in[c] : pad(in[c], w, h, r);
        int n = w * h;
        int[] weights = l.weightsView();
        int[][] out = new int[l.outChannels()][];
        // 32-bit accumulators give the same integers whenever no sum can leave the int range, and run faster
        boolean narrow = l.accumulatorBound(maxAbs(in)) <= Integer.MAX_VALUE;
        // output channels are independent: spread them over the cores (results do not depend on the split)
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, l.outChannels());
        (n >= PARALLEL_MIN_PIXELS ? range.parallel() : range).forEach(o -> out[o] = narrow
                ? narrowChannel(l, o, padded, weights, w, h, pw) : channel(l, o, padded, weights, w, h, pw));
        return out;
    }

    private static long maxAbs(int[][] planes) {
        long m = 0;
        for (int[] p : planes) for (int v : p) m = Math.max(m, Math.abs((long) v));
        return m;
    }

    /** The non-zero weights of one output channel: weight, input plane and offset in the padded grid, in a fixed order. */
    private record Taps(int[] weight, int[] plane, int[] offset) {
        static Taps of(IntConv l, int o, int inputs, int[] weights, int pw) {
            int k = l.kernel();
            int n = 0;
            int[] wt = new int[inputs * k * k];
            int[] pl = new int[wt.length];
            int[] off = new int[wt.length];
            for (int c = 0; c < inputs; c++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        int wv = weights[((o * inputs + c) * k + ky) * k + kx];
                        if (wv == 0) continue;
                        wt[n] = wv;
                        pl[n] = c;
                        off[n++] = ky * l.dilation() * pw + kx * l.dilation();
                    }
                }
            }
            return new Taps(java.util.Arrays.copyOf(wt, n), java.util.Arrays.copyOf(pl, n), java.util.Arrays.copyOf(off, n));
        }
    }

    /**
     * {@link #channel} with int accumulators; only for layers whose accumulator bound fits in an int. Row by row, so
     * the row being summed stays in the nearest cache while every tap adds to it.
     */
    private static int[] narrowChannel(IntConv l, int o, int[][] padded, int[] weights, int w, int h, int pw) {
        Taps taps = Taps.of(l, o, padded.length, weights, pw);
        int[] acc = new int[w * h];
        int init = (int) (l.biasView()[o] + l.roundingOffset());
        for (int y = 0; y < h; y++) {
            int dst = y * w;
            java.util.Arrays.fill(acc, dst, dst + w, init);
            for (int t = 0; t < taps.weight().length; t++) {
                int[] p = padded[taps.plane()[t]];
                int wv = taps.weight()[t];
                int src = y * pw + taps.offset()[t];
                for (int xx = 0; xx < w; xx++) acc[dst + xx] += wv * p[src + xx];
            }
            for (int xx = dst; xx < dst + w; xx++) acc[xx] = Math.max(l.clampLo(), Math.min(l.clampHi(), acc[xx] >> l.shift()));
        }
        return acc;
    }

    private static int[] channel(IntConv l, int o, int[][] padded, int[] weights, int w, int h, int pw) {
        Taps taps = Taps.of(l, o, padded.length, weights, pw);
        int[] out = new int[w * h];
        long[] acc = new long[w];
        long init = (long) l.biasView()[o] + l.roundingOffset();
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(acc, init);
            for (int t = 0; t < taps.weight().length; t++) {
                int[] p = padded[taps.plane()[t]];
                long wv = taps.weight()[t];
                int src = y * pw + taps.offset()[t];
                for (int xx = 0; xx < w; xx++) acc[xx] += wv * p[src + xx];
            }
            for (int xx = 0; xx < w; xx++) out[y * w + xx] = (int) Math.max(l.clampLo(), Math.min(l.clampHi(), acc[xx] >> l.shift()));
        }
        return out;
    }

    /** Replicate padding by {@code r} on every side. */
    static int[] pad(int[] p, int w, int h, int r) {
        int pw = w + 2 * r;
        int[] out = new int[pw * (h + 2 * r)];
        for (int y = -r; y < h + r; y++) {
            int sy = Math.max(0, Math.min(h - 1, y));
            int row = (y + r) * pw;
            for (int x = -r; x < w + r; x++) out[row + x + r] = p[sy * w + Math.max(0, Math.min(w - 1, x))];
        }
        return out;
    }
}
