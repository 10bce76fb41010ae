package dev.nwf.zoo.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.rgflow.RgFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains an rgflow model (SPEC.md §8) with DJL: the forward pass is the integer RG-Flow transform of {@link RgFlow}
 * written in NDArray ops (straight-through rounding, so it computes the same integers), the loss is the latents'
 * code length under the discretised Laplace of the prior network, summed over every RG step of a crop. Each network
 * is a 1x1 (3x3 for the prior network) layer to {@code hidden} channels clamped to [0, 255], then a 1x1 layer over
 * those and the network input.
 */
public final class RgFlowTrainer {
    static final int HIDDEN_MAX = 255;
    static final int OUTPUT_BOUND = 4096;
    /** Initial scale index of every latent: scale 4. */
    static final int INITIAL_SCALE_INDEX = 24;

    /**
     * Training settings; {@code crop} must be a multiple of 2^(rgSteps + 1). With {@code conditional} false the prior
     * network's weights stay zero and only its biases learn: one mean and scale per latent site class, the paper's
     * sparse prior.
     */
    public record Config(int hidden, int steps, int batch, int crop, int rgSteps, float learningRate, int shift,
            long seed,
                         boolean conditional) {
        /** The settings of the bundled rgflow model's training. */
        public static Config defaults() {
            return new Config(16, 2000, 16, 64, 3, 2e-3f, 6, 1, true);
        }
    }

    private final Config cfg;

    /** A trainer with these settings; the crop must be a multiple of 2^(RG steps + 1). */
    public RgFlowTrainer(Config cfg) {
        if (cfg.crop() % (1 << (cfg.rgSteps() + 1)) != 0) {
            throw new IllegalArgumentException("crop " + cfg.crop() + " must be a multiple of "
                    + (1 << (cfg.rgSteps() + 1)));
        }
        this.cfg = cfg;
    }

    /** One plane of a training image and whether it is chroma. */
    private record Plane(int[] samples, int width, int height, boolean chroma) {
    }

    /** Trains every network of an rgflow model with id {@code id} on crops of {@code images}. */
    public NwfModel train(String id, List<Image> images, Consumer<PriorTrainer.Progress> progress) {
        List<Plane> planes = new ArrayList<>();
        for (Image img : images) {
            if (img.width() < cfg.crop() || img.height() < cfg.crop()) continue;
            int[][] p = RgFlow.trainingPlanes(img);
            for (int c = 0; c < p.length; c++) planes.add(new Plane(p[c], img.width(), img.height(), c > 0));
        }
        if (planes.isEmpty()) throw new IllegalArgumentException("no training image is at least " + cfg.crop()
                + " px per side");
        Random r = new Random(cfg.seed());
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            List<Net> nets = new ArrayList<>();
            for (int i = 0; i < RgFlow.NET_NAMES.size(); i++) nets.add(new Net(m, r, i));
            List<QatParam> params = nets.stream().flatMap(n -> n.params().stream()).toList();
            QatLoop.run(m, params, cfg.steps(), cfg.learningRate(), bm -> {
                NDArray[] batch = batch(bm, planes, r);
                return bits(nets, batch[0], batch[1]);
            }, progress);
            List<IntNet> out = new ArrayList<>();
            for (Net n : nets) out.add(n.export());
            return new NwfModel(id, NwfModel.FAMILY_RGFLOW, out);
        }
    }

    /** Bits per sample of the crops' latents over all RG steps (the coarsest grid is not counted). */
    NDArray bits(List<Net> nets, NDArray x, NDArray flag) {
        long n = x.getShape().get(0);
        NDArray grid = x;
        NDArray total = null;
        for (int s = 0; s < cfg.rgSteps(); s++) {
            NDArray[] sites = step(nets, grid);
            NDArray kept = NDArrays.concat(new NDList(sites[0], sites[2], sites[8], sites[10]), 1);
            NDArray prior = prior(nets.get(RgFlow.PRIOR_NET), kept, flag);
            int n12 = RgFlow.LATENT.length;
            for (int j = 0; j < n12; j++) {
                NDArray b = laplaceBits(sites[RgFlow.LATENT[j]], channel(prior, j).div(CodingTables.MEAN_FRACTIONS),
                        channel(prior, n12 + j).clip(0, CodingTables.SCALES - 1));
                total = total == null ? b : total.add(b);
            }
            grid = keptGrid(kept);
        }
        return total.div((double) n * cfg.crop() * cfg.crop());
    }

    /** Disentangler on shifted blocks, decimator on aligned ones; returns the 16 sites of each decimator block. */
    NDArray[] step(List<Net> nets, NDArray grid) {
        NDArray shifted = roll(grid, -RgFlow.DISENTANGLER_OFFSET);
        NDArray[] sites = blocks(shifted);
        couple(nets, RgFlow.DISENTANGLER, sites);
        NDArray back = roll(unblocks(sites, grid.getShape()), RgFlow.DISENTANGLER_OFFSET);
        sites = blocks(back);
        couple(nets, RgFlow.DECIMATOR, sites);
        return sites;
    }

    /** The four couplings of RgFlow.couple, forward. */
    private void couple(List<Net> nets, int first, NDArray[] s) {
        boolean baseline = first == RgFlow.DECIMATOR;
        NDArray mb = QatLayers.steFloor(cat(s, RgFlow.BLACK).sum(new int[] {1}, true).div(8));
        NDArray p1 = nets.get(first).forward(bound(cat(s, RgFlow.BLACK).sub(mb)).concat(bound(mb), 1));
        for (int k = 0; k < 8; k++) s[RgFlow.WHITE[k]] = s[RgFlow.WHITE[k]].sub(baseline ? mb.add(channel(p1,
                k)) : channel(p1, k));
        NDArray u1 = nets.get(first + 1).forward(bound(cat(s, RgFlow.WHITE)));
        for (int k = 0; k < 8; k++) s[RgFlow.BLACK[k]] = s[RgFlow.BLACK[k]].add(channel(u1, k));
        NDArray mk = QatLayers.steFloor(cat(s, RgFlow.KEPT).sum(new int[] {1}, true).div(4));
        NDArray p2 = nets.get(first + 2).forward(NDArrays.concat(new NDList(bound(cat(s, RgFlow.KEPT).sub(mk)),
                bound(cat(s, RgFlow.WHITE)), bound(mk)), 1));
        for (int k = 0; k < 4; k++) s[RgFlow.ODD[k]] = s[RgFlow.ODD[k]].sub(baseline ? mk.add(channel(p2,
                k)) : channel(p2, k));
        NDArray u2 = nets.get(first + 3).forward(bound(cat(s, RgFlow.ODD)).concat(bound(cat(s, RgFlow.WHITE)), 1));
        for (int k = 0; k < 4; k++) s[RgFlow.KEPT[k]] = s[RgFlow.KEPT[k]].add(channel(u2, k));
    }

    /** The prior network's raw output (N, 24, ...): 12 means in 1/16, then 12 scale indices, as RgFlow.prior. */
    NDArray prior(Net net, NDArray kept, NDArray flag) {
        NDArray mk = QatLayers.steFloor(kept.sum(new int[] {1}, true).div(4));
        Shape sh = kept.getShape();
        NDArray f = flag.reshape(sh.get(0), 1, 1, 1).broadcast(sh.get(0), 1, sh.get(2), sh.get(3));
        return net.forward(NDArrays.concat(new NDList(bound(kept.sub(mk)), bound(mk), f), 1));
    }

    /** Code length in bits of integer values under a discretised Laplace with the given means and scale indices. */
    static NDArray laplaceBits(NDArray z, NDArray mean, NDArray scaleIdx) {
        NDArray b = scaleIdx.mul(Math.log(2) / CodingTables.STEPS_PER_OCTAVE).exp().mul(CodingTables.MIN_SCALE);
        NDArray d = z.sub(mean);
        NDArray ad = d.abs();
        NDArray a = b.pow(-1).mul(0.5);
        // |d| >= 1/2: the bin lies on one side of the mean, P = e^(-|d|/b) sinh(1/(2b)); log sinh stable for large a
        // 1 - e^(-2a) held above 0 so that neither the log nor its gradient becomes infinite in float32
        NDArray logSinh = a.add(a.mul(-2).exp().neg().add(1).maximum(1e-30).log()).sub(Math.log(2));
        NDArray logSide = ad.div(b).neg().add(logSinh);
        // |d| < 1/2: the bin holds the mean, P = 1 - (e^(-(1/2 - d)/b) + e^(-(1/2 + d)/b)) / 2
        NDArray inner = d.neg().add(0.5).div(b).neg().exp().add(d.add(0.5).div(b).neg().exp()).mul(0.5).neg().add(1);
        NDArray logP = NDArrays.where(ad.gte(0.5), logSide, inner.maximum(1e-12).log());
        return logP.sum().neg().div(Math.log(2));
    }

    private static NDArray bound(NDArray x) {
        return x.clip(-RgFlow.INPUT_BOUND, RgFlow.INPUT_BOUND);
    }

    private static NDArray cat(NDArray[] s, int[] sites) {
        NDList l = new NDList();
        for (int i : sites) l.add(s[i]);
        return NDArrays.concat(l, 1);
    }

    private static NDArray channel(NDArray x, int k) {
        return x.get(new NDIndex(":, {}:{}, :, :", k, k + 1));
    }

    /** (N, 1, H, W) to 16 arrays (N, 1, H/4, W/4), site 4 * row + column of each aligned 4x4 block. */
    static NDArray[] blocks(NDArray g) {
        Shape s = g.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        NDArray b = g.reshape(n, h / 4, 4, w / 4, 4).transpose(0, 2, 4, 1, 3).reshape(n, 16, h / 4, w / 4);
        NDArray[] out = new NDArray[16];
        for (int i = 0; i < 16; i++) out[i] = channel(b, i);
        return out;
    }

    static NDArray unblocks(NDArray[] sites, Shape shape) {
        long n = shape.get(0);
        long h = shape.get(2);
        long w = shape.get(3);
        return NDArrays.concat(new NDList(sites), 1).reshape(n, 4, 4, h / 4, w / 4).transpose(0, 3, 1, 4,
                2).reshape(shape);
    }

    /** The kept sites (N, 4, H/4, W/4), in KEPT order, as the (N, 1, H/2, W/2) grid. */
    static NDArray keptGrid(NDArray kept) {
        Shape s = kept.getShape();
        long n = s.get(0);
        long bh = s.get(2);
        long bw = s.get(3);
        return kept.reshape(n, 2, 2, bh, bw).transpose(0, 3, 1, 4, 2).reshape(n, 1, 2 * bh, 2 * bw);
    }

    /** out[y][x] = g[(y - k) mod H][(x - k) mod W], as torch.roll. */
    static NDArray roll(NDArray g, int k) {
        long h = g.getShape().get(2);
        long w = g.getShape().get(3);
        long sh = Math.floorMod(-k, h);
        long sw = Math.floorMod(-k, w);
        NDArray rows = g.get(new NDIndex(":, :, {}:, :", sh)).concat(g.get(new NDIndex(":, :, :{}, :", sh)), 2);
        return rows.get(new NDIndex(":, :, :, {}:", sw)).concat(rows.get(new NDIndex(":, :, :, :{}", sw)), 3);
    }

    private NDArray[] batch(NDManager m, List<Plane> planes, Random r) {
        int c = cfg.crop();
        int n = cfg.batch();
        float[] x = new float[n * c * c];
        float[] flag = new float[n];
        for (int i = 0; i < n; i++) {
            Plane p = planes.get(r.nextInt(planes.size()));
            int ox = r.nextInt(p.width() - c + 1);
            int oy = r.nextInt(p.height() - c + 1);
            for (int y = 0; y < c; y++) for (int xx = 0; xx < c; xx++) x[(i * c + y) * c + xx] = p.samples()[(oy + y)
                    * p.width() + ox + xx];
            flag[i] = p.chroma() ? RgFlow.CHROMA_FLAG : 0;
        }
        return new NDArray[] {m.create(x, new Shape(n, 1, c, c)), m.create(flag, new Shape(n))};
    }

    /** One network: a hidden layer (1x1, or 3x3 for the scale network) and an output layer that also sees the input. */
    final class Net {
        final int index;
        /** Hidden layers (kernel per layer), then the output layer, which also sees the network input. */
        final List<QatParam> hidden = new ArrayList<>();
        final List<Integer> kernels = new ArrayList<>();
        final QatParam out;

        Net(NDManager m, Random r, int index) {
            this.index = index;
            int in = RgFlow.netShape(index)[0];
            int outs = RgFlow.netShape(index)[1];
            String name = RgFlow.NET_NAMES.get(index);
            if (index == RgFlow.PRIOR_NET) { // two 3x3 layers: each latent's prior sees a 5x5 neighbourhood of blocks
                hidden.add(new QatParam(name + ".0", m, r, cfg.hidden(), in, 3, 0.5 / Math.sqrt(in * 9 * 64.0)));
                hidden.add(new QatParam(name + ".1", m, r, cfg.hidden(), cfg.hidden(), 3,
                        0.5 / Math.sqrt(cfg.hidden() * 9.0)));
                kernels.add(3);
                kernels.add(3);
            } else {
                hidden.add(new QatParam(name + ".0", m, r, cfg.hidden(), in, 1, 0.5 / Math.sqrt(in * 64.0)));
                kernels.add(1);
            }
            out = new QatParam(name + "." + hidden.size(), m, r, outs, cfg.hidden() + in, 1, 0.001);
            if (index == RgFlow.PRIOR_NET && !cfg.conditional()) { // the sparse prior: biases only
                for (QatParam p : params()) p.freezeWeightsAtZero();
            }
            if (index == RgFlow.PRIOR_NET) {
                float[] b = new float[outs];
                java.util.Arrays.fill(b, RgFlow.LATENT.length, outs, INITIAL_SCALE_INDEX);
                out.b.set(b);
            }
        }

        /** A network with exactly {@code net}'s integer weights (every layer must use the configured shift). */
        Net(NDManager m, int index, IntNet net) {
            if (net.layers().stream().anyMatch(l -> l.shift()
                    != cfg.shift())) throw new IllegalArgumentException("layer shifts must be " + cfg.shift());
            this.index = index;
            List<IntConv> layers = net.layers();
            for (int i = 0; i < layers.size() - 1; i++) {
                hidden.add(QatParam.of(RgFlow.NET_NAMES.get(index) + "." + i, m, layers.get(i)));
                kernels.add(layers.get(i).kernel());
            }
            this.out = QatParam.of(RgFlow.NET_NAMES.get(index) + "." + hidden.size(), m, layers.get(layers.size() - 1));
        }

        NDArray forward(NDArray x) {
            NDArray h = x;
            for (int i = 0; i < hidden.size(); i++) {
                QatParam p = hidden.get(i);
                h = QatLayers.layer(h, p.w, p.b, kernels.get(i), 1, cfg.shift(), 0, HIDDEN_MAX);
            }
            return QatLayers.layer(h.concat(x, 1), out.w, out.b, 1, 1, cfg.shift(), -OUTPUT_BOUND, OUTPUT_BOUND);
        }

        List<QatParam> params() {
            List<QatParam> all = new ArrayList<>(hidden);
            all.add(out);
            return all;
        }

        IntNet export() {
            int s = cfg.shift();
            List<IntConv> layers = new ArrayList<>();
            for (int i = 0; i < hidden.size(); i++) layers.add(hidden.get(i).toConv(kernels.get(i), s, 0, HIDDEN_MAX,
                    false));
            layers.add(out.toConv(1, s, -OUTPUT_BOUND, OUTPUT_BOUND, true));
            return new IntNet(RgFlow.netShape(index)[0], layers);
        }
    }
}
