package dev.nwf.codec;

import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.NetEvaluator;

/**
 * The conditional prior of one channel's high-pass bands (SPEC.md §6.2). Network input, at the low-pass size,
 * normalised to 8-bit range and clamped to +-{@value #INPUT_BOUND}:
 * [LL of this channel, LL of channel 0, HL/LH/HH of channel 0 (zero for channel 0 itself), chroma flag].
 * Output: mean of HL, LH, HH in 1/16 units, then their scale indices.
 */
final class HighPassPrior {
    static final int INPUTS = 6;
    static final int OUTPUTS = 6;
    static final int INPUT_BOUND = 511;
    static final int CHROMA_FLAG = 64;

    private HighPassPrior() {
    }

    static void check(IntNet net) {
        if (net.inputs() != INPUTS || net.outputs() != OUTPUTS) {
            throw new IllegalArgumentException("prior network must map " + INPUTS + " to " + OUTPUTS + " channels, has "
                    + net.inputs() + " -> " + net.outputs());
        }
        net.requireEvaluable(INPUT_BOUND);
    }

    /** Mean (fixed point, 1/16) and scale index of one band's samples. */
    record BandParams(int[] meanFixed, int[] scaleIndex) {
    }

    /**
     * @param lumaBands channel 0's {HL, LH, HH} at this level, or null when coding channel 0
     * @return params for HL, LH, HH
     */
    static BandParams[] predict(NetEvaluator eval, IntNet net, int[] ll, int[] lumaLl, int[][] lumaBands, boolean chroma,
                                int w, int h, int bitDepth) {
        int n = w * h;
        int[][] in = inputs(ll, lumaLl, lumaBands, chroma, n, bitDepth);
        int[][] out = eval.evaluate(net, in, w, h);
        BandParams[] params = new BandParams[3];
        int depthShift = bitDepth - 8;
        for (int b = 0; b < 3; b++) {
            int[] mean = out[b];
            int[] scale = out[3 + b];
            for (int i = 0; i < n; i++) {
                mean[i] = depthShift >= 0 ? mean[i] << depthShift : mean[i] >> -depthShift;
                scale[i] = clampScale(scale[i] + CodingTables.STEPS_PER_OCTAVE * depthShift);
            }
            params[b] = new BandParams(mean, scale);
        }
        return params;
    }

    /** The network input planes for one channel (see the class comment). */
    static int[][] inputs(int[] ll, int[] lumaLl, int[][] lumaBands, boolean chroma, int n, int bitDepth) {
        int[][] in = new int[INPUTS][];
        in[0] = normalise(ll, bitDepth);
        in[1] = normalise(lumaLl, bitDepth);
        for (int b = 0; b < 3; b++) in[2 + b] = lumaBands == null ? new int[n] : normalise(lumaBands[b], bitDepth);
        in[5] = new int[n];
        if (chroma) java.util.Arrays.fill(in[5], CHROMA_FLAG);
        return in;
    }

    static int clampScale(int s) {
        return Math.max(0, Math.min(CodingTables.SCALES - 1, s));
    }

    /** Shifts samples to 8-bit range and clamps to the declared input bound. */
    static int[] normalise(int[] v, int bitDepth) {
        int[] out = new int[v.length];
        int shift = bitDepth - 8;
        for (int i = 0; i < v.length; i++) {
            int x = shift >= 0 ? v[i] >> shift : v[i] << -shift;
            out[i] = Math.max(-INPUT_BOUND, Math.min(INPUT_BOUND, x));
        }
        return out;
    }
}
