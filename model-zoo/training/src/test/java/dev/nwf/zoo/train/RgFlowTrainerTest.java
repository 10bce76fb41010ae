package dev.nwf.zoo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.codec.rgflow.RgFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

public class RgFlowTrainerTest {
    private static final int SHIFT = 6;

    /** Random weights in the trainer's architecture, large enough that every coupling changes the samples. */
    public static NwfModel randomModel(long seed) {
        Random r = new Random(seed);
        List<IntNet> nets = new ArrayList<>();
        for (int i = 0; i < RgFlow.NET_NAMES.size(); i++) {
            int in = RgFlow.netShape(i)[0];
            int out = RgFlow.netShape(i)[1];
            int k = i == RgFlow.PRIOR_NET ? 3 : 1;
            int hidden = 8;
            int[] w1 = new int[hidden * in * k * k];
            for (int j = 0; j < w1.length; j++) w1[j] = r.nextInt(41) - 20;
            int[] b1 = new int[hidden];
            for (int j = 0; j < hidden; j++) b1[j] = r.nextInt(2001) - 1000;
            int[] w2 = new int[out * (hidden + in)];
            for (int j = 0; j < w2.length; j++) w2[j] = r.nextInt(25) - 12;
            int[] b2 = new int[out];
            for (int j = 0; j < out; j++) b2[j] = (i == RgFlow.PRIOR_NET && j >= RgFlow.LATENT.length ? 24 << SHIFT : 0)
                    + r.nextInt(201) - 100;
            nets.add(new IntNet(in, List.of(new IntConv(in, hidden, k, 1, w1, b1, SHIFT, 0, RgFlowTrainer.HIDDEN_MAX,
                    false),
                    new IntConv(hidden + in, out, 1, 1, w2, b2, SHIFT, -RgFlowTrainer.OUTPUT_BOUND,
                            RgFlowTrainer.OUTPUT_BOUND, true))));
        }
        return new NwfModel("qat-test-" + seed, NwfModel.FAMILY_RGFLOW, nets);
    }

    /** What training optimises is what the codec computes: the DJL forward pass equals RgFlow's integers. */
    @Test
    void qatForwardMatchesTheIntegerTransform() {
        NwfModel model = randomModel(7);
        int side = 32;
        RgFlowTrainer trainer = new RgFlowTrainer(new RgFlowTrainer.Config(8, 1, 2, side, 2, 1e-3f, SHIFT, 1, true));
        Random r = new Random(3);
        int[][] planes = new int[2][side * side];
        for (int[] p : planes) for (int i = 0; i < p.length; i++) p[i] = (int) (128 + 100 * Math.sin(i * 0.37
                + r.nextDouble()) + r.nextInt(30)) - (p == planes[1] ? 128 : 0);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            List<RgFlowTrainer.Net> nets = new ArrayList<>();
            for (int i = 0; i < model.nets().size(); i++) nets.add(trainer.new Net(m, i, model.nets().get(i)));
            float[] x = new float[2 * side * side];
            for (int c = 0; c < 2; c++) for (int i = 0; i < side * side; i++) x[c * side * side + i] = planes[c][i];
            NDArray grid = m.create(x, new Shape(2, 1, side, side));
            NDArray flag = m.create(new float[] {0, RgFlow.CHROMA_FLAG}, new Shape(2));
            int[][] javaGrid = planes.clone();
            for (int step = 0; step < 2; step++) {
                int gw = side >> step;
                NDArray[] sites = trainer.step(nets, grid);
                NDArray kept = NDArrays.concat(new NDList(sites[0], sites[2], sites[8], sites[10]), 1);
                NDArray prior = trainer.prior(nets.get(RgFlow.PRIOR_NET), kept, flag);
                NDArray keptGrid = RgFlowTrainer.keptGrid(kept);
                for (int c = 0; c < 2; c++) {
                    RgFlow.Split s = RgFlow.forward(ReferenceEvaluator.INSTANCE, model.nets(), javaGrid[c], gw, gw, 8);
                    for (int j = 0; j < RgFlow.LATENT.length; j++) {
                        assertArrayEquals(s.latents()[j], ints(sites[RgFlow.LATENT[j]].get(c)), "step " + step
                                + " latent " + j);
                    }
                    assertArrayEquals(s.kept(), ints(keptGrid.get(c)), "step " + step + " kept grid");
                    RgFlow.LatentPrior p = RgFlow.prior(ReferenceEvaluator.INSTANCE, model.nets().get(RgFlow.PRIOR_NET),
                            s.kept(), gw / 2, gw / 2, 8, c == 1);
                    for (int j = 0; j < 12; j++) {
                        assertArrayEquals(p.mean()[j], ints(prior.get(c).get(j)), "step " + step + " mean " + j);
                        int[] clamped = ints(prior.get(c).get(12 + j));
                        for (int b = 0; b < clamped.length; b++) clamped[b] = Math.max(0, Math.min(71, clamped[b]));
                        assertArrayEquals(p.scale()[j], clamped, "step " + step + " scale " + j);
                    }
                    javaGrid[c] = s.kept();
                }
                grid = keptGrid;
            }
        }
    }

    private static RgFlowTrainer.Config config(int steps) {
        return new RgFlowTrainer.Config(8, steps, 8, 32, 2, 2e-3f, SHIFT, 2, true);
    }

    /** The images coded by the model's levels (not by pixel levels or rows, which a small image may take). */
    private static long codedBytes(NwfModel model, List<Image> images) throws Exception {
        java.util.Set<dev.nwf.codec.CodingTool> tools = java.util.EnumSet.copyOf(new NwfCodec(model).tools());
        tools.remove(dev.nwf.codec.CodingTool.DEFLATE_ROWS);
        tools.remove(dev.nwf.codec.CodingTool.PIXEL_LEVELS);
        // with the tools that need them, in id order (a tool needs an earlier one): pixel-grid's grid-classes too
        tools.removeIf(t -> t.needs != null && !tools.contains(t.needs));
        // the prior alone, as training sees it: the online mean filter and calibration (SPEC.md §8.3) would make up
        // for much of what an untrained prior misses
        tools.remove(dev.nwf.codec.CodingTool.ADAPTIVE_MEAN);
        tools.removeIf(t -> t.needs != null && !tools.contains(t.needs));
        NwfCodec codec = new NwfCodec(model).withTools(tools);
        long total = 0;
        for (Image img : images) total += dev.nwf.format.NwfContainer.toBytes(codec.encode(img)).length;
        return total;
    }

    private static int[] ints(NDArray a) {
        float[] f = a.toFloatArray();
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            assertEquals(Math.rint(f[i]), f[i], 0.0, "QAT values must be integers");
            out[i] = (int) f[i];
        }
        return out;
    }

    @Test
    void shortTrainingGivesAModelThatCodesLosslesslyAndSmaller() throws Exception {
        List<Image> images = new ArrayList<>();
        Random r = new Random(5);
        for (int n = 0; n < 3; n++) {
            int[][] p = new int[3][96 * 96];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 96; y++) for (int x = 0; x < 96; x++) {
                    p[c][y * 96 + x] = Math.max(0, Math.min(255,
                            (int) (128 + 60 * Math.sin((x + 3 * c) * 0.11 + n) * Math.cos(y * 0.07) + r.nextInt(9))));
                }
            }
            images.add(new Image(96, 96, 8, p));
        }
        // The running loss of a few batches is no measure (crops differ in difficulty, and training is not
        // bit-reproducible from run to run or CPU to CPU); the coded size of the images is exact: trained against the
        // same start (0 steps).
        List<Double> losses = new ArrayList<>();
        NwfModel start = new RgFlowTrainer(config(0)).train("rg-start", images, p -> { });
        NwfModel model = new RgFlowTrainer(config(150)).train("rg-test", images, p -> losses.add(p.bits()));
        assertEquals(15, losses.size(), "progress every 10 steps");
        long before = codedBytes(start, images);
        long after = codedBytes(model, images);
        assertTrue(after < before * 0.98, "training must shrink the coded images by 2 %: " + before + " -> " + after
                + " bytes, losses " + losses);
        NwfCodec codec = new NwfCodec(model);
        Image img = images.get(1);
        assertTrue(img.sameAs(codec.decoder().decode(codec.encode(img)).image()));
    }
}
