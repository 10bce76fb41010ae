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

    /** Adds weight x (an input plane read at offset (dx, dy) of the padded grid) to every output pixel's accumulator. */
    @FunctionalInterface
    private interface Tap {
        void add(int weight, int[] plane, int dx, int dy);
    }

    /** Calls {@code tap} for every non-zero weight of output channel {@code o}, in a fixed order. */
    private static void forEachTap(IntConv l, int o, int[][] padded, int[] weights, Tap tap) {
        int k = l.kernel();
        for (int c = 0; c < padded.length; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int wv = weights[((o * padded.length + c) * k + ky) * k + kx];
                    if (wv != 0) tap.add(wv, padded[c], kx * l.dilation(), ky * l.dilation());
                }
            }
        }
    }

    /** {@link #channel} with int accumulators; only for layers whose accumulator bound fits in an int. */
    private static int[] narrowChannel(IntConv l, int o, int[][] padded, int[] weights, int w, int h, int pw) {
        int[] acc = new int[w * h];
        java.util.Arrays.fill(acc, (int) (l.biasView()[o] + l.roundingOffset()));
        forEachTap(l, o, padded, weights, (wv, p, dx, dy) -> {
            for (int y = 0; y < h; y++) {
                int src = (y + dy) * pw + dx;
                int dst = y * w;
                for (int xx = 0; xx < w; xx++) acc[dst + xx] += wv * p[src + xx];
            }
        });
        for (int i = 0; i < acc.length; i++) acc[i] = Math.max(l.clampLo(), Math.min(l.clampHi(), acc[i] >> l.shift()));
        return acc;
    }

    private static int[] channel(IntConv l, int o, int[][] padded, int[] weights, int w, int h, int pw) {
        long[] acc = new long[w * h];
        java.util.Arrays.fill(acc, (long) l.biasView()[o] + l.roundingOffset());
        forEachTap(l, o, padded, weights, (wv, p, dx, dy) -> {
            for (int y = 0; y < h; y++) {
                int src = (y + dy) * pw + dx;
                int dst = y * w;
                for (int xx = 0; xx < w; xx++) acc[dst + xx] += (long) wv * p[src + xx];
            }
        });
        int[] out = new int[acc.length];
        for (int i = 0; i < acc.length; i++) out[i] = (int) Math.max(l.clampLo(), Math.min(l.clampHi(), acc[i] >> l.shift()));
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
