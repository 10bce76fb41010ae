package dev.nwf.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.net.Stripes;

/**
 * Evaluates integer networks with DJL's PyTorch engine (SPEC.md §5.2). Uses FLOAT32 when
 * {@link IntNet#fp32Exact} proves every accumulator stays below 2^24, FLOAT64 otherwise; each accumulator is
 * recovered with rint before the power-of-two rescale, so results equal the reference bit for bit. On a GPU, fp32
 * convolutions may round their operands to TF32 (libtorch allows it for cuDNN and DJL offers no switch), so there
 * FLOAT32 also needs {@link IntNet#tf32Exact}.
 */
public final class DjlEvaluator implements NetEvaluator {
    /** Which precision to use. AUTO picks FLOAT32 when provably exact. */
    public enum Precision {
        /** FLOAT32 where the network is provably exact in it, FLOAT64 otherwise. */
        AUTO,
        /** FLOAT32 always; refused for a network it cannot evaluate exactly. */
        FP32,
        /** FLOAT64 always: exact for every network the format allows. */
        FP64
    }

    private final Device device;
    private final Precision precision;
    private final long inputBound;

    /**
     * @param device     null for automatic (GPU when DJL sees one)
     * @param inputBound largest |input| the caller will pass, used to prove fp32 exactness
     */
    public DjlEvaluator(Device device, Precision precision, long inputBound) {
        this.device = device != null ? device : defaultDevice();
        this.precision = precision;
        this.inputBound = inputBound;
    }

    /** The first GPU when DJL's engine has one, else the CPU. */
    public static Device defaultDevice() {
        return gpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** GPUs that DJL's PyTorch engine can use (0 with CPU-only natives). */
    public static int gpuCount() {
        return Engine.getEngine("PyTorch").getGpuCount();
    }

    /** The device the networks run on. */
    public Device device() {
        return device;
    }

    @Override
    public String name() {
        return "djl-" + device + "-" + precision.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The data type this evaluator uses for {@code net}. */
    public DataType dataType(IntNet net) {
        return switch (precision) {
            case FP32 -> {
                if (!fp32Exact(net)) {
                    throw new IllegalArgumentException("FLOAT32 is not exact for this network and input bound"
                            + (device.isGpu() ? " on a GPU (TF32 convolutions)" : ""));
                }
                yield DataType.FLOAT32;
            }
            case FP64 -> DataType.FLOAT64;
            case AUTO -> fp32Exact(net) ? DataType.FLOAT32 : DataType.FLOAT64;
        };
    }

    private boolean fp32Exact(IntNet net) {
        return device.isGpu() ? net.tf32Exact(inputBound) : net.fp32Exact(inputBound);
    }

    /** Tall inputs run in stripes ({@link Stripes}), bounding the memory a level takes on the device. */
    @Override
    public int[][] evaluate(IntNet net, int[][] input, int w, int h) {
        return Stripes.evaluate(net, input, w, h, this::evaluateWhole);
    }

    private int[][] evaluateWhole(IntNet net, int[][] input, int w, int h) {
        net.requireEvaluable(inputBound);
        DataType type = dataType(net);
        try (NDManager m = NDManager.newBaseManager(device, "PyTorch")) {
            NDArray in = planes(m, input, w, h, type);
            NDArray x = in;
            for (int li = 0; li < net.layers().size(); li++) {
                IntConv l = net.layers().get(li);
                NDArray layerIn = l.withNetInput() && li > 0 ? x.concat(in, 1) : x;
                x = layer(m, l, layerIn, type);
            }
            return toPlanes(x, net.outputs(), w, h);
        }
    }

    private static NDArray layer(NDManager m, IntConv l, NDArray x, DataType type) {
        NDArray weight = ints(m, l.weightsView(), new Shape(l.outChannels(), l.inChannels(), l.kernel(), l.kernel()),
                type);
        NDArray bias = ints(m, l.biasView(), new Shape(1, l.outChannels(), 1, 1), type);
        NDArray acc = DjlLayers.convSum(x, weight, l.kernel(), l.dilation()).round().add(bias).add(l.roundingOffset());
        NDArray y = acc.mul(1.0 / (1L << l.shift())).floor();
        double lo = l.clampLo() == IntConv.NO_CLAMP_LO ? Double.NEGATIVE_INFINITY : l.clampLo();
        double hi = l.clampHi() == IntConv.NO_CLAMP_HI ? Double.POSITIVE_INFINITY : l.clampHi();
        return y.clip(lo, hi);
    }

    private static NDArray ints(NDManager m, int[] v, Shape shape, DataType type) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return m.create(d, shape).toType(type, false);
    }

    private static NDArray planes(NDManager m, int[][] input, int w, int h, DataType type) {
        double[] d = new double[input.length * w * h];
        for (int c = 0; c < input.length; c++) {
            for (int i = 0; i < w * h; i++) d[c * w * h + i] = input[c][i];
        }
        return m.create(d, new Shape(1, input.length, h, w)).toType(type, false);
    }

    private static int[][] toPlanes(NDArray x, int channels, int w, int h) {
        double[] d = x.toType(DataType.FLOAT64, false).toDoubleArray();
        int[][] out = new int[channels][w * h];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < w * h; i++) out[c][i] = (int) Math.rint(d[c * w * h + i]);
        }
        return out;
    }
}
