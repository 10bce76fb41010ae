package dev.nwf.codec.nwf;

import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.net.Stripes;
import dev.nwf.codec.nwf.context.PackedInts;

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

    /**
     * Mean (fixed point, 1/16) and scale index of one band's samples: in two bytes and one where the image's depth
     * allows (a channel's six band-sized outputs were 6 bytes a pixel as ints, issue #24).
     */
    record BandParams(PackedInts meanFixed, byte[] scaleIndex) {
    }

    /**
     * Mean and scale of each band of channel {@code c} (low-pass {@code ll}), from the level's network inputs, made
     * stripe by stripe as the evaluator takes them ({@link NetEvaluator#stripeRows}): a level's six scaled input planes
     * never exist whole.
     */
    static BandParams[] predict(NetEvaluator eval, IntNet net, LevelInputs inputs, int c, int[] ll, int w, int h,
            int bitDepth) {
        int n = w * h;
        BandParams[] params = new BandParams[3];
        for (int b = 0; b < 3; b++) params[b] = new BandParams(PackedInts.zeros(n, bitDepth), new byte[n]);
        int depthShift = bitDepth - 8;
        Stripes.evaluate(net, (from, to) -> inputs.forChannel(c, ll, from * w, to * w), w, h, eval.stripeRows(),
                eval::evaluate, (part, first, y0, y1) -> {
                    for (int b = 0; b < 3; b++) {
                        int[] mean = part[b];
                        int[] scale = part[3 + b];
                        for (int i = y0 * w, j = first * w; i < y1 * w; i++, j++) {
                            params[b].meanFixed.set(i, depthShift >= 0 ? mean[j] << depthShift
                                    : mean[j] >> -depthShift);
                            params[b].scaleIndex[i] = (byte) clampScale(scale[j]
                                    + CodingTables.STEPS_PER_OCTAVE * depthShift);
                        }
                    }
                });
        return params;
    }

    /**
     * The network inputs of one level's channels (see the class comment), made for any run of samples: channel 0's
     * low-pass feeds every channel, its bands every channel after it, once they are known.
     */
    public static final class LevelInputs {
        private final int bitDepth;
        private final int[] lumaLl;
        private int[][] lumaBands;

        /** @param n samples of the level's planes */
        public LevelInputs(int[] lumaLl, int n, int bitDepth) {
            if (lumaLl.length != n) throw new IllegalArgumentException("low-pass has " + lumaLl.length
                    + " samples, not " + n);
            this.bitDepth = bitDepth;
            this.lumaLl = lumaLl;
        }

        /** Channel 0's bands, once coded, decoded or drawn; channels after 0 see them. */
        public void lumaBands(int[][] bands) {
            lumaBands = bands.clone();
        }

        /** Channel c's whole input planes. */
        public int[][] forChannel(int c, int[] ll) {
            return forChannel(c, ll, 0, ll.length);
        }

        /** Samples [start, end) of channel c's input planes. */
        public int[][] forChannel(int c, int[] ll, int start, int end) {
            if (c > 0 && lumaBands
                    == null) throw new IllegalStateException("channel 0's bands are needed before channel " + c);
            int[][] in = new int[INPUTS][];
            in[0] = scaled(ll, start, end);
            in[1] = c == 0 ? in[0] : scaled(lumaLl, start, end);
            int[] zero = c == 0 ? new int[end - start] : null;
            for (int b = 0; b < 3; b++) in[2 + b] = c == 0 ? zero : scaled(lumaBands[b], start, end);
            if (c == 0) {
                in[5] = zero;
            } else {
                in[5] = new int[end - start];
                java.util.Arrays.fill(in[5], CHROMA_FLAG);
            }
            return in;
        }

        private int[] scaled(int[] v, int start, int end) {
            return NetInput.scaled(v, start, end, bitDepth, INPUT_BOUND);
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
