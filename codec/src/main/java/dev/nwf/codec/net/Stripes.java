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
    /** Rows of output a stripe computes (plus the network's halo above and below). */
    public static final int STRIPE_ROWS = 256;

    /** One pass of a network over a whole input. */
    @FunctionalInterface
    public interface Whole {
        /** Evaluates {@code net} over a whole {@code w x h} input. */
        int[][] evaluate(IntNet net, int[][] input, int w, int h);
    }

    private Stripes() {
    }

    /** Evaluates {@code net} stripe by stripe through {@code whole}, joining the outputs: same result, less memory. */
    public static int[][] evaluate(IntNet net, int[][] input, int w, int h, Whole whole) {
        int halo = net.receptiveRadius();
        if (h <= 2 * STRIPE_ROWS || h <= 2 * halo) return whole.evaluate(net, input, w, h);
        int[][] out = new int[net.outputs()][w * h];
        for (int y0 = 0; y0 < h; y0 += STRIPE_ROWS) {
            int y1 = Math.min(h, y0 + STRIPE_ROWS);
            int from = Math.max(0, y0 - halo);
            int to = Math.min(h, y1 + halo);
            int[][] part = new int[input.length][];
            for (int c = 0; c < input.length; c++) part[c] = Arrays.copyOfRange(input[c], from * w, to * w);
            int[][] partOut = whole.evaluate(net, part, w, to - from);
            for (int c = 0; c < out.length; c++) System.arraycopy(partOut[c], (y0 - from) * w, out[c], y0 * w,
                    (y1 - y0) * w);
        }
        return out;
    }
}
