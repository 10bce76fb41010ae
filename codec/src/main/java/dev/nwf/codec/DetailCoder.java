package dev.nwf.codec;

import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.Family;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;
import dev.nwf.codec.entropy.ResidualCoder;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.NetEvaluator;

/**
 * A detail level (SPEC.md §6.3): for channel 0, then 1.., the HL, LH, HH bands of the split of that channel,
 * each preceded by a 4-bit scale offset the encoder picks for the band, samples in raster order under a
 * discretised logistic with the prior's mean and (offset-corrected) scale. Channels after 0 see channel 0's bands.
 */
final class DetailCoder {
    private static final int OFFSET_BITS = 4;
    private static final int OFFSET_BIAS = 8;

    private final NetEvaluator eval;
    private final IntNet net;
    private final int bitDepth;

    DetailCoder(NetEvaluator eval, IntNet net, int bitDepth) {
        this.eval = eval;
        this.net = net;
        this.bitDepth = bitDepth;
    }

    /** @param bands [channel][HL, LH, HH] at the low-pass size; ll [channel] */
    void encode(RansEncoder enc, int[][] ll, int[][][] bands, int w, int h) {
        int[][] lumaMags = new int[3][];
        for (int c = 0; c < ll.length; c++) {
            java.util.List<int[]> done = new java.util.ArrayList<>();
            HighPassPrior.BandParams[] params = HighPassPrior.predict(eval, net, ll[c], ll[0], c == 0 ? null : bands[0], c > 0, w, h, bitDepth);
            for (int b = 0; b < 3; b++) {
                int[] v = bands[c][b];
                int[] mean = params[b].meanFixed();
                int[] scale = params[b].scaleIndex();
                int[][] co = context(done, c == 0 ? null : lumaMags[b]);
                int[] mag = new int[v.length];
                int[] local = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    local[i] = LocalScale.at(i, w, mag, scale, co);
                    mag[i] = LocalScale.magnitude(v[i], mean[i]);
                }
                done.add(mag);
                if (c == 0) lumaMags[b] = mag;
                int offset = bestOffset(v, mean, local);
                enc.putBits(offset + OFFSET_BIAS, OFFSET_BITS);
                for (int i = 0; i < v.length; i++) {
                    ResidualCoder.encode(enc, Family.LOGISTIC, HighPassPrior.clampScale(local[i] + offset), mean[i], v[i]);
                }
            }
        }
    }

    /** Returns [channel][HL, LH, HH]. */
    int[][][] decode(RansDecoder dec, int[][] ll, int w, int h) throws CorruptStreamException {
        int n = w * h;
        int[][][] bands = new int[ll.length][3][n];
        int[][] lumaMags = new int[3][];
        for (int c = 0; c < ll.length; c++) {
            java.util.List<int[]> done = new java.util.ArrayList<>();
            HighPassPrior.BandParams[] params = HighPassPrior.predict(eval, net, ll[c], ll[0], c == 0 ? null : bands[0], c > 0, w, h, bitDepth);
            for (int b = 0; b < 3; b++) {
                int offset = dec.getBits(OFFSET_BITS) - OFFSET_BIAS;
                int[] v = bands[c][b];
                int[] mean = params[b].meanFixed();
                int[] scale = params[b].scaleIndex();
                int[][] co = context(done, c == 0 ? null : lumaMags[b]);
                int[] mag = new int[n];
                for (int i = 0; i < n; i++) {
                    int local = LocalScale.at(i, w, mag, scale, co);
                    v[i] = ResidualCoder.decode(dec, Family.LOGISTIC, HighPassPrior.clampScale(local + offset), mean[i]);
                    mag[i] = LocalScale.magnitude(v[i], mean[i]);
                }
                done.add(mag);
                if (c == 0) lumaMags[b] = mag;
            }
        }
        return bands;
    }

    /** Co-located context: this channel's bands coded so far, then channel 0's same band (for channels > 0). */
    private static int[][] context(java.util.List<int[]> sameChannel, int[] lumaSameBand) {
        java.util.List<int[]> all = new java.util.ArrayList<>(sameChannel);
        if (lumaSameBand != null) all.add(lumaSameBand);
        return all.toArray(new int[0][]);
    }

    private static int bestOffset(int[] v, int[] mean, int[] scale) {
        int best = 0;
        double bestBits = Double.MAX_VALUE;
        // sample large bands so the search stays cheap; the choice only affects size, never correctness
        int step = Math.max(1, v.length / 4096);
        for (int o = -OFFSET_BIAS; o < (1 << OFFSET_BITS) - OFFSET_BIAS; o++) {
            double bits = 0;
            for (int i = 0; i < v.length; i += step) {
                bits += CodingTables.costBits(Family.LOGISTIC, HighPassPrior.clampScale(scale[i] + o), mean[i], v[i]);
            }
            if (bits < bestBits) {
                bestBits = bits;
                best = o;
            }
        }
        return best;
    }
}
