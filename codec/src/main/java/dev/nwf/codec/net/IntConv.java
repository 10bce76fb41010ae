package dev.nwf.codec.net;

import java.util.Arrays;
import java.util.Objects;

/**
 * One integer convolution layer (SPEC.md §5.1): acc = bias + sum(w * x) over a k x k kernel with dilation and
 * replicate padding; y = clamp((acc + 2^(shift-1)) >> shift, lo, hi) (floor of acc / 2^shift + 1/2).
 * When {@code withNetInput} is set the layer sees the previous output followed by the network's input channels.
 *
 * @param weights [out][in][ky][kx], row-major
 */
public record IntConv(int inChannels, int outChannels, int kernel, int dilation, int[] weights, int[] bias, int shift,
                      int clampLo, int clampHi, boolean withNetInput) {
    /** Clamp bound meaning "no lower clamp". */
    public static final int NO_CLAMP_LO = Integer.MIN_VALUE;
    /** Clamp bound meaning "no upper clamp". */
    public static final int NO_CLAMP_HI = Integer.MAX_VALUE;

    /** Checks shapes, kernel, dilation and clamp bounds against SPEC.md §5. */
    public IntConv {
        if (inChannels < 1 || outChannels < 1) throw new IllegalArgumentException("channels must be positive");
        if (kernel != 1 && kernel != 3) throw new IllegalArgumentException("kernel must be 1 or 3: " + kernel);
        if (dilation < 1 || dilation > 64) throw new IllegalArgumentException("dilation must be 1..64: " + dilation);
        if (shift < 0 || shift > 30) throw new IllegalArgumentException("shift must be 0..30: " + shift);
        if (clampLo > clampHi) throw new IllegalArgumentException("empty clamp range");
        Objects.requireNonNull(weights);
        Objects.requireNonNull(bias);
        if (weights.length != outChannels * inChannels * kernel * kernel) {
            throw new IllegalArgumentException("expected " + outChannels * inChannels * kernel * kernel
                    + " weights, got " + weights.length);
        }
        if (bias.length != outChannels) throw new IllegalArgumentException("expected " + outChannels + " biases, got "
                + bias.length);
        weights = weights.clone();
        bias = bias.clone();
    }

    /** Weight from input {@code i} to output {@code o} at kernel position ({@code ky}, {@code kx}). */
    public int weight(int o, int i, int ky, int kx) {
        return weights[((o * inChannels + i) * kernel + ky) * kernel + kx];
    }

    /** Rounding offset added before the shift. */
    public long roundingOffset() {
        return shift == 0 ? 0 : 1L << (shift - 1);
    }

    /** Largest |acc + rounding| for inputs bounded by {@code inBound}. */
    public long accumulatorBound(long inBound) {
        long worst = 0;
        int taps = inChannels * kernel * kernel;
        for (int o = 0; o < outChannels; o++) {
            long s = Math.abs((long) bias[o]) + roundingOffset();
            for (int t = 0; t < taps; t++) s += Math.abs((long) weights[o * taps + t]) * inBound;
            worst = Math.max(worst, s);
        }
        return worst;
    }

    /** Largest |weight|. */
    public long maxAbsWeight() {
        long m = 0;
        for (int v : weights) m = Math.max(m, Math.abs((long) v));
        return m;
    }

    /** Largest |output| given the accumulator bound. */
    public long outputBound(long accBound) {
        long shifted = (accBound >> shift) + 1;
        long lo = clampLo == NO_CLAMP_LO ? -shifted : Math.max(-shifted, clampLo);
        long hi = clampHi == NO_CLAMP_HI ? shifted : Math.min(shifted, clampHi);
        return Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** A copy of the weights, [out][in][ky][kx] flattened. */
    @Override
    public int[] weights() {
        return weights.clone();
    }

    /** A copy of the biases, one per output channel. */
    @Override
    public int[] bias() {
        return bias.clone();
    }

    /** The weights themselves, for evaluators that must not copy them per call; never to be changed. */
    public int[] weightsView() {
        return weights;
    }

    /** The biases themselves; never to be changed. */
    public int[] biasView() {
        return bias;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntConv c && inChannels == c.inChannels && outChannels == c.outChannels && kernel
                == c.kernel
                && dilation == c.dilation && shift == c.shift && clampLo == c.clampLo && clampHi == c.clampHi
                && withNetInput == c.withNetInput && Arrays.equals(weights, c.weights) && Arrays.equals(bias, c.bias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inChannels, outChannels, kernel, dilation, shift, Arrays.hashCode(weights),
                Arrays.hashCode(bias));
    }
}
