package dev.nwf.codec.net;

import java.util.Arrays;

/**
 * Runs a network over a tall input in horizontal stripes of {@value #STRIPE_ROWS} rows, each with
 * {@link IntNet#receptiveRadius} extra rows above and below: the hidden layers of a whole level would otherwise be
 * held at once (16 planes in, 16 padded, 16 out: tens of bytes per pixel). Rows further than the radius from a
 * stripe's cut cannot see the replicate padding at the cut, and the cuts are never at the image's own edges, so every
 * evaluator gets the integers of one pass over the whole input.
 */
public final class Stripes {
    /**
     * Rows of output a stripe computes (plus the network's halo above and below) on a device, where larger batches
     * run faster.
     */
    public static final int STRIPE_ROWS = 256;
    /**
     * Rows of a stripe in the pure-Java evaluator: its speed hardly depends on the stripe's size (the prior's halo is 2
     * rows), and a 2560-wide level's 16 hidden planes of 64 rows take 10 MB where those of 256 rows took 40.
     */
    public static final int REFERENCE_STRIPE_ROWS = 64;

    /**
     * Samples a stripe covers at least (see {@link #rows}): a narrow input's stripes are taller, or a thin image (1 ×
     * 2,000,000) would be evaluated 64 rows at a time, every stripe paying its halo and each layer's per-call work.
     */
    static final int MIN_STRIPE_SAMPLES = 1 << 16;

    /** Rows of a stripe of a {@code w}-wide input: {@code rows}, or more where that covers fewer samples than 2^16. */
    static int rows(int rows, int w) {
        return Math.max(rows, (MIN_STRIPE_SAMPLES + Math.max(1, w) - 1) / Math.max(1, w));
    }

    /** One pass of a network over a whole input. */
    @FunctionalInterface
    public interface Whole {
        /** Evaluates {@code net} over a whole {@code w x h} input. */
        int[][] evaluate(IntNet net, int[][] input, int w, int h);
    }

    private Stripes() {
    }

    /** Evaluates {@code net} in stripes of {@link #STRIPE_ROWS} rows (more where the input is narrow). */
    public static int[][] evaluate(IntNet net, int[][] input, int w, int h, Whole whole) {
        return evaluate(net, input, w, h, STRIPE_ROWS, whole);
    }

    /**
     * Evaluates {@code net} stripe by stripe through {@code whole}, joining the outputs: same result, less memory.
     * Inputs of at most {@code 2 * rows} rows are evaluated whole.
     */
    public static int[][] evaluate(IntNet net, int[][] input, int w, int h, int rows, Whole whole) {
        return evaluate(net, (from, to) -> rowsOf(input, w, from, to), w, h, rows, whole);
    }

    /** The input planes' rows [from, to): made for each stripe, so a whole level's input need not exist at once. */
    @FunctionalInterface
    public interface Input {
        /** Rows [from, to) of every input plane. */
        int[][] rows(int from, int to);
    }

    /**
     * {@link #evaluate(IntNet, int[][], int, int, int, Whole)} with each stripe's input made by {@code input} (whole,
     * rows 0 to h, where the input is not cut); stripes of a narrow input are taller ({@link #rows}).
     */
    public static int[][] evaluate(IntNet net, Input input, int w, int h, int rows, Whole whole) {
        return striped(net, input, w, h, rows(rows, w), whole);
    }

    /** Where a stripe's output rows go. */
    @FunctionalInterface
    public interface Output {
        /** Rows [y0, y1) of every output plane, at row {@code first} of {@code part}'s planes. */
        void rows(int[][] part, int first, int y0, int y1);
    }

    /**
     * {@link #evaluate(IntNet, Input, int, int, int, Whole)} handing each stripe's output rows to {@code output}: the
     * caller keeps them in what form it likes, and the whole outputs never exist as ints.
     */
    public static void evaluate(IntNet net, Input input, int w, int h, int rows, Whole whole, Output output) {
        striped(net, input, w, h, rows(rows, w), whole, output);
    }

    /** Stripes of exactly {@code rows} rows (plus the halo), however narrow the input. */
    static int[][] striped(IntNet net, Input input, int w, int h, int rows, Whole whole) {
        int[][] out = new int[net.outputs()][];
        striped(net, input, w, h, rows, whole, (part, first, y0, y1) -> {
            for (int c = 0; c < out.length; c++) {
                if (y0 == 0 && y1 == h && first == 0) {
                    out[c] = part[c];
                } else {
                    if (out[c] == null) out[c] = new int[w * h];
                    System.arraycopy(part[c], first * w, out[c], y0 * w, (y1 - y0) * w);
                }
            }
        });
        return out;
    }

    private static void striped(IntNet net, Input input, int w, int h, int rows, Whole whole, Output output) {
        int halo = net.receptiveRadius();
        if (h <= 2 * rows || h <= 2 * halo) {
            output.rows(whole.evaluate(net, input.rows(0, h), w, h), 0, 0, h);
            return;
        }
        for (int y0 = 0; y0 < h; y0 += rows) {
            int y1 = Math.min(h, y0 + rows);
            int from = Math.max(0, y0 - halo);
            int to = Math.min(h, y1 + halo);
            output.rows(whole.evaluate(net, input.rows(from, to), w, to - from), y0 - from, y0, y1);
        }
    }

    /** Rows [from, to) of w-wide planes: the planes themselves where that is all of them. */
    public static int[][] rowsOf(int[][] planes, int w, int from, int to) {
        int[][] part = new int[planes.length][];
        for (int c = 0; c < planes.length; c++) {
            part[c] = from == 0 && to * w == planes[c].length ? planes[c]
                    : Arrays.copyOfRange(planes[c], from * w, to * w);
        }
        return part;
    }
}
