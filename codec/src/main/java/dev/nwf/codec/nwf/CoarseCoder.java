package dev.nwf.codec.nwf;

import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.Family;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;
import dev.nwf.codec.entropy.ResidualCoder;

/**
 * Level 0, the coarsest image (SPEC.md §6.1): each channel in raster order, predicted by the median edge detector
 * of LOCO-I from its causal neighbours, residuals under a discretised Laplace whose scale index the encoder picks
 * per channel and stores as 7 bypass bits.
 */
public final class CoarseCoder {
    private static final int SCALE_BITS = 7;

    private CoarseCoder() {
    }

    public static void encode(RansEncoder enc, int[][] planes, int w, int h) {
        for (int[] p : planes) {
            int[] mean = new int[p.length]; // the encoder knows every sample: predict once, try every scale
            for (int i = 0; i < p.length; i++) mean[i] = predict(p, i, w) << CodingTables.MEAN_FRAC_BITS;
            int best = 0;
            double bestBits = Double.MAX_VALUE;
            for (int s = 0; s < CodingTables.SCALES; s++) {
                double bits = 0;
                for (int i = 0; i < p.length; i++) bits += CodingTables.costBits(Family.LAPLACE, s, mean[i], p[i]);
                if (bits < bestBits) {
                    bestBits = bits;
                    best = s;
                }
            }
            enc.putBits(best, SCALE_BITS);
            for (int i = 0; i < p.length; i++) ResidualCoder.encode(enc, Family.LAPLACE, best, mean[i], p[i]);
        }
    }

    public static int[][] decode(RansDecoder dec, int channels, int w, int h) throws CorruptStreamException {
        int[][] planes = new int[channels][w * h];
        for (int[] p : planes) {
            int s = dec.getBits(SCALE_BITS);
            if (s >= CodingTables.SCALES) throw new CorruptStreamException("coarse scale index " + s + " out of range",
                    dec.position());
            for (int i = 0; i < p.length; i++) p[i] = ResidualCoder.decode(dec, Family.LAPLACE, s, predict(p, i,
                    w) << CodingTables.MEAN_FRAC_BITS);
        }
        return planes;
    }

    /** LOCO-I median edge detector; missing neighbours are taken from the ones present. */
    static int predict(int[] p, int i, int w) {
        int x = i % w;
        int y = i / w;
        if (y == 0) return x == 0 ? 0 : p[i - 1];
        int b = p[i - w];
        if (x == 0) return b;
        int a = p[i - 1];
        int c = p[i - w - 1];
        if (c >= Math.max(a, b)) return Math.min(a, b);
        if (c <= Math.min(a, b)) return Math.max(a, b);
        return a + b - c;
    }
}
