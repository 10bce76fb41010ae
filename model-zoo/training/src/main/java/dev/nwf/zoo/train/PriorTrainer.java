package dev.nwf.zoo.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.nwf.codec.Image;
import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains the high-pass prior with DJL (quantisation-aware, float32 parameters, straight-through rounding) and exports
 * an integer network (SPEC.md §6.2). Architecture: 3x3 conv to {@code hidden} channels, 3x3 conv, then a 1x1 conv
 * over the hidden features and the network input to the 6 outputs; hidden activations are clamped to [0, 255].
 */
public final class PriorTrainer {
    static final int HIDDEN_MAX = 255;
    static final int OUTPUT_BOUND = 4096;

    /** Training settings. */
    /**
     * @param contextLoss train against the coder's context (SPEC.md §6.3.1-6.3.2, teacher-forced) instead of the
     *                    network's own scale: see {@link #contextBits}
     */
    public record Config(int hidden, int steps, int batch, int crop, float learningRate, int shift, long seed,
            boolean contextLoss) {
        /** The settings of the bundled model's training. */
        public static Config defaults() {
            return new Config(16, 1500, 16, 32, 3e-3f, 6, 1, false);
        }

        /** The same settings with {@code n} steps. */
        public Config withSteps(int n) {
            return new Config(hidden, n, batch, crop, learningRate, shift, seed, contextLoss);
        }
    }

    /**
     * Reported every few steps: step, total, running loss in bits per coded sample, and the steps skipped so far for
     * a non-finite loss or gradient.
     */
    public record Progress(int step, int steps, double bits, int skipped) {
    }

    private final Config cfg;

    /** A trainer with these settings. */
    public PriorTrainer(Config cfg) {
        this.cfg = cfg;
    }

    /** Trains the prior network on crops of {@code images}, reporting progress; returns the integer network. */
    public IntNet train(List<Image> images, Consumer<Progress> progress) {
        List<PriorTrainingData.Sample> samples = new ArrayList<>();
        for (Image img : images) {
            for (PriorTrainingData.Sample s : PriorTrainingData.samples(img)) {
                if (s.width() >= cfg.crop() && s.height() >= cfg.crop()) samples.add(s);
            }
        }
        if (samples.isEmpty()) throw new IllegalArgumentException("no training image is large enough (need " + 2
                * cfg.crop() + " px per side)");
        Random r = new Random(cfg.seed());
        int h = cfg.hidden();
        int in = PriorTrainingData.INPUTS;
        int out = PriorTrainingData.OUTPUTS;
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            QatParam[] params = {
                new QatParam("l0", m, r, h, in, 3, 0.05),
                new QatParam("l1", m, r, h, h, 3, 0.5 / Math.sqrt(h * 9.0)),
                new QatParam("l2", m, r, out, h + in, 1, 0.01),
            };
            // start the scale outputs at index 24 (scale 4) and the means at 0
            float[] b2 = new float[out];
            for (int i = 3; i < out; i++) b2[i] = 24;
            params[2].b.set(b2);
            QatLoop.run(m, List.of(params), cfg.steps(), cfg.learningRate(), bm -> {
                NDArray[] batch = batch(bm, samples, r);
                NDArray y = forward(params, batch[0]);
                return cfg.contextLoss() ? contextBits(y, batch[1]) : bits(y, batch[1]);
            }, progress);
            return export(params);
        }
    }

    NDArray forward(QatParam[] p, NDArray x) {
        NDArray a = QatLayers.layer(x, p[0].w, p[0].b, 3, 1, cfg.shift(), 0, HIDDEN_MAX);
        NDArray b = QatLayers.layer(a, p[1].w, p[1].b, 3, 1, cfg.shift(), 0, HIDDEN_MAX);
        return QatLayers.layer(b.concat(x, 1), p[2].w, p[2].b, 1, 1, cfg.shift(), -OUTPUT_BOUND, OUTPUT_BOUND);
    }

    /** Mean code length in bits of the targets under the discretised logistic the outputs describe. */
    static NDArray bits(NDArray out, NDArray target) {
        NDArray mean = out.get(":, 0:3, :, :").div(1 << CodingTables.MEAN_FRAC_BITS);
        return logisticBits(mean, netScale(out), target);
    }

    /** The network's scales, in sample units. */
    private static NDArray netScale(NDArray out) {
        NDArray scaleIdx = out.get(":, 3:6, :, :").clip(0, CodingTables.SCALES - 1);
        return scaleIdx.mul(Math.log(2) / CodingTables.STEPS_PER_OCTAVE).exp().mul(CodingTables.MIN_SCALE);
    }

    /**
     * Code length under the coder's context, teacher-forced (the true neighbours stand in for decoded ones): means
     * corrected along the band's edges (§6.3.2, from the neighbour's uncorrected residual), then the local scale of
     * §6.3.1 blended from the network's scale, the causal neighbours' residual magnitudes and the earlier bands'
     * magnitudes at the same position, as a continuous scale. Terms the crop cannot see (other channels, the
     * previous level) are left out.
     */
    static NDArray contextBits(NDArray out, NDArray target) {
        NDArray mean = out.get(":, 0:3, :, :").div(1 << CodingTables.MEAN_FRAC_BITS);
        NDArray r = target.sub(mean);
        double gain = PriorTrainingData.EDGE_GAIN / 16.0;
        NDArray hl = mean.get(":, 0:1, :, :").add(shift(r.get(":, 0:1, :, :"), 1, 0).mul(gain));
        NDArray lh = mean.get(":, 1:2, :, :").add(shift(r.get(":, 1:2, :, :"), 0, 1).mul(gain));
        NDArray corrected = NDArrays.concat(new ai.djl.ndarray.NDList(hl, lh, mean.get(":, 2:3, :, :")), 1);
        NDArray g = target.sub(corrected).abs();
        NDArray ones = g.onesLike();
        double mad = 2 * Math.log(2); // logistic mean absolute deviation per unit scale
        NDArray[] scales = new NDArray[3];
        int across = PriorTrainingData.ACROSS;
        int along = PriorTrainingData.ALONG;
        int[][] leftUp = {{across, along}, {along, across}, {PriorTrainingData.NEAR, PriorTrainingData.NEAR}};
        for (int b = 0; b < 3; b++) {
            String band = ":, " + b + ":" + (b + 1) + ", :, :";
            NDArray gb = g.get(band);
            NDArray ob = ones.get(band);
            NDArray sum = netScale(out).get(band).mul(mad * PriorTrainingData.NET_WEIGHT);
            NDArray weight = ob.mul(PriorTrainingData.NET_WEIGHT);
            int diag = PriorTrainingData.DIAGONAL;
            int far = PriorTrainingData.FAR;
            int[][] taps = {{0, 1, leftUp[b][0]}, {1, 0, leftUp[b][1]}, {1, 1, diag}, {1, -1, diag}, {0, 2, far}, {2, 0,
                    far}};
            for (int[] t : taps) {
                sum = sum.add(shift(gb, t[0], t[1]).mul(t[2]));
                weight = weight.add(shift(ob, t[0], t[1]).mul(t[2]));
            }
            for (int k = 0; k < b; k++) { // earlier bands at the same position
                sum = sum.add(g.get(":, " + k + ":" + (k + 1) + ", :, :").mul(PriorTrainingData.CO));
                weight = weight.add(ob.mul(PriorTrainingData.CO));
            }
            scales[b] = sum.div(weight).div(mad).maximum(CodingTables.MIN_SCALE);
        }
        return logisticBits(corrected, NDArrays.concat(new ai.djl.ndarray.NDList(scales), 1), target);
    }

    /** x moved down by dy rows and right by dx columns (dx may be negative), zeros shifted in. */
    static NDArray shift(NDArray x, int dy, int dx) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        NDArray y = x;
        if (dy > 0) y = y.zerosLike().get(":, :, 0:" + dy + ", :").concat(y.get(":, :, 0:" + (h - dy) + ", :"), 2);
        if (dx > 0) y = y.zerosLike().get(":, :, :, 0:" + dx).concat(y.get(":, :, :, 0:" + (w - dx)), 3);
        if (dx < 0) y = y.get(":, :, :, " + (-dx) + ":").concat(y.zerosLike().get(":, :, :, 0:" + (-dx)), 3);
        return y;
    }

    /** Mean code length in bits of the targets under discretised logistics with these means and scales. */
    static NDArray logisticBits(NDArray mean, NDArray s, NDArray target) {
        NDArray z = target.sub(mean).div(s);
        NDArray half = s.pow(-1).mul(0.5);
        NDArray p = Activation.sigmoid(z.add(half)).sub(Activation.sigmoid(z.sub(half)));
        // where p underflows, use the density at the centre so the gradient still points the right way
        NDArray az = z.abs();
        NDArray logDensity = az.neg().sub(az.neg().exp().add(1).log().mul(2)).sub(s.log());
        NDArray logP = NDArrays.where(p.gt(1e-6), p.maximum(1e-6).log(), logDensity);
        return logP.mean().neg().div(Math.log(2));
    }

    private NDArray[] batch(NDManager m, List<PriorTrainingData.Sample> samples, Random r) {
        int c = cfg.crop();
        int n = cfg.batch();
        float[] x = new float[n * PriorTrainingData.INPUTS * c * c];
        float[] t = new float[n * 3 * c * c];
        for (int i = 0; i < n; i++) {
            PriorTrainingData.Sample s = samples.get(r.nextInt(samples.size()));
            int ox = r.nextInt(s.width() - c + 1);
            int oy = r.nextInt(s.height() - c + 1);
            copyCrop(s.input(), s.width(), ox, oy, c, x, i * PriorTrainingData.INPUTS * c * c);
            copyCrop(s.target(), s.width(), ox, oy, c, t, i * 3 * c * c);
        }
        return new NDArray[] {
            m.create(x, new Shape(n, PriorTrainingData.INPUTS, c, c)),
            m.create(t, new Shape(n, 3, c, c)),
        };
    }

    private static void copyCrop(int[][] planes, int w, int ox, int oy, int c, float[] dst, int off) {
        for (int p = 0; p < planes.length; p++) {
            for (int y = 0; y < c; y++) {
                for (int x = 0; x < c; x++) dst[off + (p * c + y) * c + x] = planes[p][(oy + y) * w + ox + x];
            }
        }
    }

    /** Parameters whose integer versions are exactly {@code net}'s weights (for checking the QAT forward pass). */
    QatParam[] paramsFrom(NDManager m, IntNet net) {
        QatParam[] p = new QatParam[net.layers().size()];
        for (int i = 0; i < p.length; i++) p[i] = QatParam.of("l" + i, m, net.layers().get(i));
        return p;
    }

    private IntNet export(QatParam[] p) {
        int s = cfg.shift();
        List<IntConv> layers = List.of(
            p[0].toConv(3, s, 0, HIDDEN_MAX, false),
            p[1].toConv(3, s, 0, HIDDEN_MAX, false),
            p[2].toConv(1, s, -OUTPUT_BOUND, OUTPUT_BOUND, true));
        return new IntNet(PriorTrainingData.INPUTS, layers);
    }
}
