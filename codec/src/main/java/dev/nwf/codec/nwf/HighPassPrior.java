package dev.nwf.codec.nwf;

import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.NetEvaluator;

/**
 * The conditional prior of one channel's high-pass bands (SPEC.md §6.2). Network input, at the low-pass size,
 * normalised to 8-bit range and clamped to +-{@value #INPUT_BOUND}:
 * [LL of this channel, LL of channel 0, HL/LH/HH of channel 0 (zero for channel 0 itself), chroma flag].
 * Output: mean of HL, LH, HH in 1/16 units, then their scale indices.
 */
public final class HighPassPrior {
    public static final int INPUTS = 6;
    public static final int OUTPUTS = 6;
    public static final int INPUT_BOUND = 511;
    static final int CHROMA_FLAG = 64;

    private HighPassPrior() {
    }

    public static void check(IntNet net) {
        if (net.inputs() != INPUTS || net.outputs() != OUTPUTS) {
            throw new IllegalArgumentException("prior network must map " + INPUTS + " to " + OUTPUTS + " channels, has "
                    + net.inputs() + " -> " + net.outputs());
        }
        net.requireEvaluable(INPUT_BOUND);
    }

    /** Mean (fixed point, 1/16) and scale index of one band's samples. */
    record BandParams(int[] meanFixed, int[] scaleIndex) {
    }

    /** Mean and scale of each band of one channel, from that channel's network input ({@link LevelInputs}). */
    static BandParams[] predict(NetEvaluator eval, IntNet net, int[][] in, int w, int h, int bitDepth) {
        int n = w * h;
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

    /**
     * The network inputs of one level's channels (see the class comment). Channel 0's planes are scaled once and
     * shared: its low-pass feeds every channel, its bands every channel after it, once they are known.
     */
    public static final class LevelInputs {
        private final int bitDepth;
        private final int[] lumaLl;
        private final int[] zero;
        private final int[] chromaFlag;
        private int[][] lumaBands;

        public LevelInputs(int[] lumaLl, int n, int bitDepth) {
            this.bitDepth = bitDepth;
            this.lumaLl = scaled(lumaLl, bitDepth);
            this.zero = new int[n];
            this.chromaFlag = new int[n];
            java.util.Arrays.fill(chromaFlag, CHROMA_FLAG);
        }

        /** Channel 0's bands, once coded, decoded or drawn; channels after 0 see them. */
        public void lumaBands(int[][] bands) {
            lumaBands = new int[3][];
            for (int b = 0; b < 3; b++) lumaBands[b] = scaled(bands[b], bitDepth);
        }

        public int[][] forChannel(int c, int[] ll) {
            if (c > 0 && lumaBands
                    == null) throw new IllegalStateException("channel 0's bands are needed before channel " + c);
            int[][] in = new int[INPUTS][];
            in[0] = c == 0 ? lumaLl : scaled(ll, bitDepth);
            in[1] = lumaLl;
            for (int b = 0; b < 3; b++) in[2 + b] = c == 0 ? zero : lumaBands[b];
            in[5] = c == 0 ? zero : chromaFlag;
            return in;
        }
    }

    public static int clampScale(int s) {
        return Math.max(0, Math.min(CodingTables.SCALES - 1, s));
    }

    /** Samples shifted to 8-bit range and clamped to the declared input bound. */
    public static int[] scaled(int[] v, int bitDepth) {
        return NetInput.scaled(v, null, bitDepth, INPUT_BOUND);
    }
}
