package dev.nwf.codec.nwf;

import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.Family;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;

/**
 * The per-band scale offset both families code before a band's samples (SPEC.md §6.3, §8.3): 4 raw bits holding
 * offset + 8, offset in [-8, 7], added to every sample's scale index. The encoder picks the offset that codes the
 * band in the fewest bits; the choice only affects size, never correctness.
 */
public final class ScaleOffset {
    static final int BITS = 4;
    static final int BIAS = 8;
    /** Bands are sampled down to about this many values when searching, so the search stays cheap. */
    private static final int SEARCH_SAMPLES = 4096;

    private ScaleOffset() {
    }

    public static void write(RansEncoder enc, int offset) {
        enc.putBits(offset + BIAS, BITS);
    }

    public static int read(RansDecoder dec) throws CorruptStreamException {
        return dec.getBits(BITS) - BIAS;
    }

    /** The offset that codes {@code v} (with these fixed-point means and scale indices) in the fewest bits. */
    public static int best(Family family, int[] v, int[] mean, int[] scale) {
        return best(family, v, mean, i -> scale[i]);
    }

    /** {@link #best} with scale indices (0 to {@link CodingTables#SCALES} − 1) held as bytes. */
    public static int best(Family family, int[] v, int[] mean, byte[] scale) {
        return best(family, v, mean, i -> scale[i]);
    }

    private static int best(Family family, int[] v, int[] mean, java.util.function.IntUnaryOperator scale) {
        int best = 0;
        double bestBits = Double.MAX_VALUE;
        int step = Math.max(1, v.length / SEARCH_SAMPLES);
        for (int o = -BIAS; o < (1 << BITS) - BIAS; o++) {
            double bits = 0;
            for (int i = 0; i < v.length; i += step) {
                bits += CodingTables.costBits(family, HighPassPrior.clampScale(scale.applyAsInt(i) + o), mean[i],
                        v[i]);
            }
            if (bits < bestBits) {
                bestBits = bits;
                best = o;
            }
        }
        return best;
    }
}
