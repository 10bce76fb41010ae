package dev.nwf.codec.pixel;

/**
 * The order pixel levels visit an image (SPEC.md §4.4.1). Level i of n holds the pixels at stride s = 2^(n-1-i) that
 * no coarser level holds, so levels 0..i together are the image decimated by s. Level 0 is coded in raster order
 * ({@link #RASTER}); every finer level in two passes: {@link #ACROSS}, the pixels between two coarser ones on the
 * coarser rows, then {@link #DOWN}, the rows between two coarser rows. Each pass names eight neighbours, in units of
 * s, the most telling first, and six farther ones, all known to the decoder when the pixel is coded (or outside the
 * image).
 */
final class PixelScan {
    static final int RASTER = 0;
    static final int ACROSS = 1;
    static final int DOWN = 2;
    static final int PASSES = 3;
    static final int NEIGHBOURS = 8;
    static final int WIDE = 6;

    /** Neighbour offsets {dx, dy} per pass, in units of the level's stride. */
    static final int[][][] OFFSETS = {
        // W, N, NW, NE, WW, NN, NWW, NEE
        {{-1, 0}, {0, -1}, {-1, -1}, {1, -1}, {-2, 0}, {0, -2}, {-2, -1}, {2, -1}},
        // on rows two strides apart: W, E, N, NW, NE, SW, SE, WW
        {{-1, 0}, {1, 0}, {0, -2}, {-1, -2}, {1, -2}, {-1, 2}, {1, 2}, {-2, 0}},
        // N, S, W, NW, NE, SW, SE, NN
        {{0, -1}, {0, 1}, {-1, 0}, {-1, -1}, {1, -1}, {-1, 1}, {1, 1}, {0, -2}},
    };

    /** Six farther known neighbours per pass, which with the eight make the match model's wide context. */
    static final int[][][] WIDE_OFFSETS = {
        {{-1, -2}, {1, -2}, {-2, -2}, {2, -2}, {-3, 0}, {-3, -1}},
        {{-2, -2}, {2, -2}, {-3, 0}, {3, 0}, {-3, 2}, {3, 2}},
        {{-2, -1}, {2, -1}, {-2, 1}, {2, 1}, {-2, 0}, {0, -3}},
    };

    private PixelScan() {
    }

    /** The stride of level {@code level} of {@code levels}. */
    static int stride(int level, int levels) {
        return 1 << (levels - 1 - level);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
