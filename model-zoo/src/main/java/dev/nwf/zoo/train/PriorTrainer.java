package dev.nwf.zoo.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.nwf.codec.Image;
import dev.nwf.codec.PriorTrainingData;
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
    public record Config(int hidden, int steps, int batch, int crop, float learningRate, int shift, long seed) {
        public static Config defaults() {
            return new Config(16, 1500, 16, 32, 3e-3f, 6, 1);
        }

        public Config withSteps(int n) {
            return new Config(hidden, n, batch, crop, learningRate, shift, seed);
        }
    }

    /** Reported every few steps: step, total, running loss in bits per coded sample. */
    public record Progress(int step, int steps, double bits) {
    }

    private final Config cfg;

    public PriorTrainer(Config cfg) {
        this.cfg = cfg;
    }

    public IntNet train(List<Image> images, Consumer<Progress> progress) {
        List<PriorTrainingData.Sample> samples = new ArrayList<>();
        for (Image img : images) {
            for (PriorTrainingData.Sample s : PriorTrainingData.samples(img)) {
                if (s.width() >= cfg.crop() && s.height() >= cfg.crop()) samples.add(s);
            }
        }
        if (samples.isEmpty()) throw new IllegalArgumentException("no training image is large enough (need " + 2 * cfg.crop() + " px per side)");
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
                return bits(forward(params, batch[0]), batch[1]);
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
        NDArray scaleIdx = out.get(":, 3:6, :, :").clip(0, CodingTables.SCALES - 1);
        NDArray s = scaleIdx.mul(Math.log(2) / CodingTables.STEPS_PER_OCTAVE).exp().mul(CodingTables.MIN_SCALE);
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
