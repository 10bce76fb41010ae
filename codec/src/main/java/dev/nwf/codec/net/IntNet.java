package dev.nwf.codec.net;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A feed-forward integer network: layers applied in order (SPEC.md §5). Every output is an exact integer, so any
 * evaluator that computes the same integers (the pure-Java {@link ReferenceEvaluator}, DJL in fp32/fp64) codes
 * identically.
 */
public record IntNet(int inputs, List<IntConv> layers) {
    /** fp64 represents every integer below 2^53 exactly. */
    public static final long FP64_EXACT = 1L << 53;
    /** fp32 represents every integer below 2^24 exactly. */
    public static final long FP32_EXACT = 1L << 24;
    /**
     * TF32 (what GPU convolutions in fp32 may use: 10 stored mantissa bits) represents every integer up to 2^11
     * exactly; products of two such operands are exact in the fp32 accumulator.
     */
    public static final long TF32_OPERAND_EXACT = 1L << 11;

    /** Checks each layer's inputs match the previous layer's outputs. */
    public IntNet {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) throw new IllegalArgumentException("a network needs at least one layer");
        int channels = inputs;
        for (int i = 0; i < layers.size(); i++) {
            IntConv l = layers.get(i);
            int expected = channels + (l.withNetInput() && i > 0 ? inputs : 0);
            if (l.inChannels() != expected) {
                throw new IllegalArgumentException(
                        "layer " + i + " takes " + l.inChannels() + " channels, receives " + expected);
            }
            channels = l.outChannels();
        }
    }

    /** Output channels of the last layer. */
    public int outputs() {
        return layers.get(layers.size() - 1).outChannels();
    }

    /** How far (in samples) an output can see from its own position: the sum of the layers' kernel radii. */
    public int receptiveRadius() {
        int r = 0;
        for (IntConv l : layers) r += (l.kernel() / 2) * l.dilation();
        return r;
    }

    /** Largest |accumulator| over all layers for inputs bounded by {@code inBound}. */
    public long maxAccumulator(long inBound) {
        long bound = inBound;
        long worst = 0;
        for (IntConv l : layers) {
            long in = l.withNetInput() ? Math.max(bound, inBound) : bound;
            long acc = l.accumulatorBound(in);
            worst = Math.max(worst, acc);
            bound = l.outputBound(acc);
        }
        return worst;
    }

    /** True when fp32 evaluation is provably exact for inputs bounded by {@code inBound}. */
    public boolean fp32Exact(long inBound) {
        return maxAccumulator(inBound) < FP32_EXACT;
    }

    /**
     * True when fp32 evaluation stays exact even if the convolution rounds its operands to TF32 (GPU default in
     * PyTorch for cuDNN convolutions): fp32-exact accumulators, and every layer input and weight at most 2^11.
     */
    public boolean tf32Exact(long inBound) {
        if (!fp32Exact(inBound)) return false;
        long bound = inBound;
        for (IntConv l : layers) {
            long in = l.withNetInput() ? Math.max(bound, inBound) : bound;
            if (in > TF32_OPERAND_EXACT || l.maxAbsWeight() > TF32_OPERAND_EXACT) return false;
            bound = l.outputBound(l.accumulatorBound(in));
        }
        return true;
    }

    /** Refuses networks whose accumulators could leave the exact range of fp64 (and of the long reference). */
    public void requireEvaluable(long inBound) {
        long m = maxAccumulator(inBound);
        if (m >= FP64_EXACT) {
            throw new IllegalArgumentException("accumulator bound " + m + " exceeds 2^53: not exactly evaluable");
        }
    }

    /** SHA-256 of the canonical serialisation (SPEC.md §5.3): the model identity stored in .nwf headers. */
    public byte[] digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(canonicalBytes());
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The network {@link #canonicalBytes} wrote, read from {@code in}'s position on (array lengths follow from the
     * shapes); damaged bytes are an IllegalArgumentException.
     */
    public static IntNet fromCanonicalBytes(java.nio.ByteBuffer in) {
        try {
            int inputs = in.getInt();
            int count = in.getInt();
            if (count < 1 || count > 1 << 10) throw new IllegalArgumentException("a network of " + count + " layers");
            List<IntConv> layers = new java.util.ArrayList<>();
            for (int k = 0; k < count; k++) {
                int inCh = in.getInt();
                int outCh = in.getInt();
                int kernel = in.getInt();
                int dilation = in.getInt();
                int shift = in.getInt();
                int lo = in.getInt();
                int hi = in.getInt();
                boolean withInput = in.getInt() != 0;
                long n = (long) outCh * inCh * kernel * kernel;
                if (inCh < 1 || outCh < 1 || kernel < 1 || n + outCh > in.remaining() / 4) {
                    throw new IllegalArgumentException("layer " + k + " does not fit the bytes");
                }
                int[] weights = new int[(int) n];
                for (int i = 0; i < weights.length; i++) weights[i] = in.getInt();
                int[] bias = new int[outCh];
                for (int i = 0; i < bias.length; i++) bias[i] = in.getInt();
                layers.add(new IntConv(inCh, outCh, kernel, dilation, weights, bias, shift, lo, hi, withInput));
            }
            return new IntNet(inputs, layers);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("the network's bytes end early", e);
        }
    }

    /** The network as bytes in a fixed layout: what a model's digest is computed over. */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(inputs);
            out.writeInt(layers.size());
            for (IntConv l : layers) {
                out.writeInt(l.inChannels());
                out.writeInt(l.outChannels());
                out.writeInt(l.kernel());
                out.writeInt(l.dilation());
                out.writeInt(l.shift());
                out.writeInt(l.clampLo());
                out.writeInt(l.clampHi());
                out.writeInt(l.withNetInput() ? 1 : 0);
                for (int v : l.weightsView()) out.writeInt(v);
                for (int v : l.biasView()) out.writeInt(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
