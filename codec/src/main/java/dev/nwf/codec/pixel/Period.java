package dev.nwf.codec.pixel;

import dev.nwf.codec.Image;

/**
 * The encoder's choice of level 0's period (SPEC.md §4.4.1, not normative): the raster distance at which pixels most
 * often repeat a pixel that none of their four nearest causal neighbours equals — a sprite sheet's frame width, a
 * tile, a texture's repeat. Sprite strips and icons of the development half of set G have such a distance where
 * 4-20 % of pixels are new to the neighbours but not to it (docs/graphics-gap.md).
 */
public final class Period {
    /** Distances tried: every one up to this, and a few rows back (k rows, ±{@link #ROW_SLACK} columns). */
    static final int MAX_DISTANCE = 1024;
    static final int ROWS_BACK = 4;
    static final int ROW_SLACK = 4;
    /** Level-0 pixels looked at: the first this many in raster order (the choice on a sample of the level). */
    static final int SAMPLE = 1 << 16;
    /** A period is signalled where it predicts at least this share of the sampled pixels that no neighbour does. */
    static final double MIN_NEW_SHARE = 0.01;

    private Period() {
    }

    /**
     * The period for level 0 of pixel levels of {@code image} (the planes the levels code: indices, ranks or samples)
     * coded in {@code levels} levels, or 0 where none pays.
     */
    public static int choose(Image image, int levels) {
        int s = PixelScan.stride(0, levels);
        int w = image.width();
        int gw = PixelScan.ceilDiv(w, s);
        int gh = PixelScan.ceilDiv(image.height(), s);
        int n = (int) Math.min((long) gw * gh, SAMPLE);
        long[] key = new long[n];
        int shift = 64 / image.channels();
        for (int c = 0; c < image.channels(); c++) {
            int[] p = image.plane(c);
            for (int i = 0; i < n; i++) key[i] = key[i] << shift ^ p[i / gw * s * w + i % gw * s];
        }
        // the pixels no known neighbour of the RASTER pass equals (SPEC.md §4.4.1)
        int[][] nb = PixelScan.OFFSETS[PixelScan.RASTER];
        int[] fresh = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int x = i % gw;
            int y = i / gw;
            boolean seen = false;
            for (int[] o : nb) {
                int nx = x + o[0];
                int ny = y + o[1];
                seen |= nx >= 0 && ny >= 0 && nx < gw && key[ny * gw + nx] == key[i];
            }
            if (!seen) fresh[count++] = i;
        }
        int best = 0;
        int bestHits = 0;
        for (int d = 2; d < n; d = next(d, gw)) {
            if (isNeighbour(d, gw, nb)) continue;
            int hits = 0;
            for (int k = 0; k < count; k++) {
                int i = fresh[k];
                if (i >= d && key[i - d] == key[i]) hits++;
            }
            if (hits > bestHits) {
                best = d;
                bestHits = hits;
            }
        }
        return bestHits >= Math.max(4, MIN_NEW_SHARE * n) ? best : 0;
    }

    /** Whether a raster distance is one of the neighbours' (their samples are candidates already). */
    private static boolean isNeighbour(int d, int gridWidth, int[][] nb) {
        for (int[] o : nb) if (-(o[1] * gridWidth + o[0]) == d) return true;
        return false;
    }

    /** The distance tried after {@code d}: every one to {@link #MAX_DISTANCE}, then a few rows back. */
    private static int next(int d, int gridWidth) {
        if (d < MAX_DISTANCE) return d + 1;
        for (int k = 1; k <= ROWS_BACK; k++) {
            int from = k * gridWidth - ROW_SLACK;
            int to = k * gridWidth + ROW_SLACK;
            if (d < from) return from;
            if (d < to) return d + 1;
        }
        return Integer.MAX_VALUE;
    }
}
