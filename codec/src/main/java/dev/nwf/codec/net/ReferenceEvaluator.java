package dev.nwf.codec.net;
/** The pure-Java integer evaluator: the ground truth of SPEC.md §5.1 (64-bit accumulators, no floating point). */
public final class ReferenceEvaluator implements NetEvaluator {
    /** The one instance: the evaluator has no state. */
    public static final ReferenceEvaluator INSTANCE = new ReferenceEvaluator();

    private ReferenceEvaluator() {
    }
    /** Below this many pixels a layer runs on the calling thread. */
    private static final int PARALLEL_MIN_PIXELS = 4096;

    @Override
    public String name() {
        return "java-reference";
    }

    /** Tall inputs run in stripes ({@link Stripes}), so a large level's hidden layers are never held at once. */
    @Override
    public int[][] evaluate(IntNet net, int[][] input, int w, int h) {
        return Stripes.evaluate(net, input, w, h, stripeRows(), ReferenceEvaluator::evaluateWhole);
    }

    /** {@link Stripes#REFERENCE_STRIPE_ROWS}. */
    @Override
    public int stripeRows() {
        return Stripes.REFERENCE_STRIPE_ROWS;
    }

    static int[][] evaluateWhole(IntNet net, int[][] input, int w, int h) {
        int[][] x = input;
        // a bound on each layer's |input|: the net input's, scanned once, and the layer before's clamp (its outputs
        // lie inside it), so the layers' own inputs need no scan
        long inputBound = maxAbs(input);
        long bound = inputBound;
        for (int li = 0; li < net.layers().size(); li++) {
            IntConv l = net.layers().get(li);
            boolean withInput = l.withNetInput() && li > 0;
            int[][] in = withInput ? concat(x, input) : x;
            x = conv(l, in, w, h, withInput ? Math.max(bound, inputBound) : bound);
            bound = Math.max(Math.abs((long) l.clampLo()), Math.abs((long) l.clampHi()));
        }
        return x;
    }

    static int[][] concat(int[][] a, int[][] b) {
        int[][] c = new int[a.length + b.length][];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * One layer. Replicate padding is applied to columns only (r on each side); rows beyond the image are read as
     * their nearest row by clamping the row index, so a thin image needs no r padded rows above and below each of
     * its few rows (a 1-pixel-high image padded by a dilation of 16 on every side held 33 copies of itself). An input
     * narrower than its padding is evaluated transposed, with the kernel transposed, for the same reason: the same
     * integers either way. {@code inBound} bounds every |input|: where it proves 32-bit sums enough, they are used.
     */
    static int[][] conv(IntConv l, int[][] in, int w, int h, long inBound) {
        int k = l.kernel();
        int r = (k / 2) * l.dilation();
        if (r > 0 && w < h && w < 2 * r) {
            int[][] t = new int[in.length][];
            for (int c = 0; c < in.length; c++) t[c] = transpose(in[c], w, h);
            int[][] out = conv(transposed(l), t, h, w, inBound);
            for (int c = 0; c < out.length; c++) out[c] = transpose(out[c], h, w);
            return out;
        }
        int pw = w + 2 * r;
        int[][] padded = new int[in.length][];
        for (int c = 0; c < in.length; c++) padded[c] = r == 0 ? in[c] : padColumns(in[c], w, h, r);
        int n = w * h;
        int[] weights = l.weightsView();
        int[][] out = new int[l.outChannels()][];
        // 32-bit accumulators give the same integers whenever no sum can leave the int range, and run faster
        boolean narrow = l.accumulatorBound(inBound) <= Integer.MAX_VALUE;
        // output channels are independent: spread them over the cores (results do not depend on the split)
        int threads = n >= PARALLEL_MIN_PIXELS ? Math.min(l.outChannels(), CORES) : 1;
        eachOn(threads, l.outChannels(), o -> out[o] = narrow ? narrowChannel(l, o, padded, weights, w, h, pw)
                : channel(l, o, padded, weights, w, h, pw));
        return out;
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /**
     * Runs {@code body} for 0..count−1, item i on thread i mod {@code threads} (this one and daemon helpers). Plain
     * threads rather than a parallel stream: the browser build has none.
     */
    private static void eachOn(int threads, int count, java.util.function.IntConsumer body) {
        if (threads <= 1) {
            for (int i = 0; i < count; i++) body.accept(i);
            return;
        }
        Thread[] helpers = new Thread[threads - 1];
        // an error too (out of memory): a helper that died silently would leave its channels null
        Throwable[] failed = new Throwable[threads];
        for (int t = 1; t < threads; t++) {
            int first = t;
            helpers[t - 1] = new Thread(() -> {
                try {
                    for (int i = first; i < count; i += threads) body.accept(i);
                } catch (Throwable e) {
                    failed[first] = e;
                }
            }, "nwf-conv-" + t);
            helpers[t - 1].setDaemon(true);
            helpers[t - 1].start();
        }
        for (int i = 0; i < count; i += threads) body.accept(i);
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating a network", e);
            }
        }
        for (Throwable e : failed) {
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof Error err) throw err;
        }
    }

    /** The layer with each kernel's rows and columns swapped: on a transposed input, the transposed output. */
    private static IntConv transposed(IntConv l) {
        int k = l.kernel();
        int[] wt = l.weightsView();
        int[] t = new int[wt.length];
        for (int oi = 0; oi < l.outChannels() * l.inChannels(); oi++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) t[(oi * k + kx) * k + ky] = wt[(oi * k + ky) * k + kx];
            }
        }
        return new IntConv(l.inChannels(), l.outChannels(), k, l.dilation(), t, l.biasView(), l.shift(),
                l.clampLo(), l.clampHi(), l.withNetInput());
    }

    private static int[] transpose(int[] p, int w, int h) {
        int[] t = new int[p.length];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) t[x * h + y] = p[y * w + x];
        return t;
    }

    private static long maxAbs(int[][] planes) {
        long m = 0;
        for (int[] p : planes) for (int v : p) m = Math.max(m, Math.abs((long) v));
        return m;
    }

    /**
     * The non-zero weights of one output channel: weight, input plane, row offset (-r..r) and column in the
     * column-padded grid (0..2r), in a fixed order.
     */
    private record Taps(int[] weight, int[] plane, int[] dy, int[] dx) {
        static Taps of(IntConv l, int o, int inputs, int[] weights, int h) {
            int k = l.kernel();
            int r = (k / 2) * l.dilation();
            int n = 0;
            int[] wt = new int[inputs * k * k];
            int[] pl = new int[wt.length];
            int[] dy = new int[wt.length];
            int[] dx = new int[wt.length];
            for (int c = 0; c < inputs; c++) {
                for (int kx = 0; kx < k; kx++) {
                    for (int ky = 0; ky < k; ky++) {
                        int wv = weights[((o * inputs + c) * k + ky) * k + kx];
                        if (wv == 0) continue;
                        if (h == 1 && n > 0 && pl[n - 1] == c && dx[n - 1] == kx * l.dilation()) {
                            // one row: every kernel row reads it, so a column's taps are one (integer sums wrap
                            // alike in any order, and the result is within the accumulator's bound)
                            wt[n - 1] += wv;
                            continue;
                        }
                        wt[n] = wv;
                        pl[n] = c;
                        dy[n] = h == 1 ? 0 : ky * l.dilation() - r;
                        dx[n++] = kx * l.dilation();
                    }
                }
            }
            return new Taps(java.util.Arrays.copyOf(wt, n), java.util.Arrays.copyOf(pl, n),
                    java.util.Arrays.copyOf(dy, n), java.util.Arrays.copyOf(dx, n));
        }
    }

    /** Padded-grid samples summed per pass in {@link #narrowChannel}: small enough for the nearest cache. */
    private static final int BLOCK_SAMPLES = 2048;

    /**
     * {@link #channel} with int accumulators; only for layers whose accumulator bound fits in an int. A few rows at a
     * time, as one run over the column-padded grid (the padding columns between rows are summed and dropped), so
     * each tap is one long loop while the block stays in the nearest cache; a tap whose rows leave the image (at the
     * top and bottom) reads each row's nearest image row instead.
     */
    private static int[] narrowChannel(IntConv l, int o, int[][] padded, int[] weights, int w, int h, int pw) {
        Taps taps = Taps.of(l, o, padded.length, weights, h);
        int[] out = new int[w * h];
        if (pw > BLOCK_SAMPLES) return wideRows(l, o, taps, padded, out, w, h, pw);
        int rowsPerBlock = Math.max(1, BLOCK_SAMPLES / pw);
        int[] acc = new int[(rowsPerBlock - 1) * pw + w];
        int init = (int) (l.biasView()[o] + l.roundingOffset());
        for (int y0 = 0; y0 < h; y0 += rowsPerBlock) {
            int rows = Math.min(rowsPerBlock, h - y0);
            int len = (rows - 1) * pw + w;
            java.util.Arrays.fill(acc, 0, len, init);
            for (int t = 0; t < taps.weight().length; t++) {
                int[] p = padded[taps.plane()[t]];
                int wv = taps.weight()[t];
                int dy = taps.dy()[t];
                if (y0 + dy >= 0 && y0 + rows - 1 + dy < h) {
                    int src = (y0 + dy) * pw + taps.dx()[t];
                    for (int i = 0; i < len; i++) acc[i] += wv * p[src + i];
                } else {
                    for (int r = 0; r < rows; r++) {
                        int src = Math.max(0, Math.min(h - 1, y0 + r + dy)) * pw + taps.dx()[t];
                        int dst = r * pw;
                        for (int xx = 0; xx < w; xx++) acc[dst + xx] += wv * p[src + xx];
                    }
                }
            }
            for (int r = 0; r < rows; r++) {
                int dst = (y0 + r) * w;
                for (int xx = 0; xx < w; xx++) out[dst + xx] = Math.max(l.clampLo(), Math.min(l.clampHi(),
                        acc[r * pw + xx] >> l.shift()));
            }
        }
        return out;
    }

    /**
     * {@link #narrowChannel} for rows longer than a block: each row in pieces of a block's length, so that a thin
     * image's one long row (2,000,000×1) does not stream the whole row through memory once per tap.
     */
    private static int[] wideRows(IntConv l, int o, Taps taps, int[][] padded, int[] out, int w, int h, int pw) {
        int[] acc = new int[BLOCK_SAMPLES];
        int init = (int) (l.biasView()[o] + l.roundingOffset());
        for (int y = 0; y < h; y++) {
            for (int x0 = 0; x0 < w; x0 += BLOCK_SAMPLES) {
                int len = Math.min(BLOCK_SAMPLES, w - x0);
                java.util.Arrays.fill(acc, 0, len, init);
                for (int t = 0; t < taps.weight().length; t++) {
                    int[] p = padded[taps.plane()[t]];
                    int wv = taps.weight()[t];
                    int src = Math.max(0, Math.min(h - 1, y + taps.dy()[t])) * pw + taps.dx()[t] + x0;
                    for (int i = 0; i < len; i++) acc[i] += wv * p[src + i];
                }
                int dst = y * w + x0;
                for (int i = 0; i < len; i++) out[dst + i] = Math.max(l.clampLo(), Math.min(l.clampHi(),
                        acc[i] >> l.shift()));
            }
        }
        return out;
    }

    private static int[] channel(IntConv l, int o, int[][] padded, int[] weights, int w, int h, int pw) {
        Taps taps = Taps.of(l, o, padded.length, weights, h);
        int[] out = new int[w * h];
        // a row in pieces of a block, as in wideRows
        long[] acc = new long[Math.min(w, BLOCK_SAMPLES)];
        long init = (long) l.biasView()[o] + l.roundingOffset();
        for (int y = 0; y < h; y++) {
            for (int x0 = 0; x0 < w; x0 += BLOCK_SAMPLES) {
                int len = Math.min(BLOCK_SAMPLES, w - x0);
                java.util.Arrays.fill(acc, 0, len, init);
                for (int t = 0; t < taps.weight().length; t++) {
                    int[] p = padded[taps.plane()[t]];
                    long wv = taps.weight()[t];
                    int src = Math.max(0, Math.min(h - 1, y + taps.dy()[t])) * pw + taps.dx()[t] + x0;
                    for (int i = 0; i < len; i++) acc[i] += wv * p[src + i];
                }
                int dst = y * w + x0;
                for (int i = 0; i < len; i++) out[dst + i] = (int) Math.max(l.clampLo(), Math.min(l.clampHi(),
                        acc[i] >> l.shift()));
            }
        }
        return out;
    }

    /** Replicate padding by {@code r} columns on the left and the right. */
    static int[] padColumns(int[] p, int w, int h, int r) {
        int pw = w + 2 * r;
        int[] out = new int[pw * h];
        for (int y = 0; y < h; y++) {
            int row = y * pw;
            java.util.Arrays.fill(out, row, row + r, p[y * w]);
            System.arraycopy(p, y * w, out, row + r, w);
            java.util.Arrays.fill(out, row + r + w, row + pw, p[y * w + w - 1]);
        }
        return out;
    }
}
