package dev.nwf.zoo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.format.NwfContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PriorTrainerTest {

    static Image smoothImage(int w, int h, long seed) {
        Random r = new Random(seed);
        int[][] p = new int[3][w * h];
        for (int c = 0; c < 3; c++) {
            double f = 0.02 + r.nextDouble() * 0.05;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 128 + 90 * Math.sin(f * x + c) * Math.cos(f * 1.3 * y) + r.nextGaussian() * 3;
                    p[c][y * w + x] = (int) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        return new Image(w, h, 8, p);
    }

    @Test
    void trainingLowersTheCodeLengthAndTheExportedIntegerNetworkCodes() throws Exception {
        List<Image> images = List.of(smoothImage(160, 128, 1), smoothImage(128, 160, 2));
        List<PriorTrainer.Progress> seen = new ArrayList<>();
        PriorTrainer.Config cfg = new PriorTrainer.Config(8, 400, 8, 16, 1e-2f, 6, 7, false);
        IntNet net = new PriorTrainer(cfg).train(images, seen::add);
        double first = seen.get(0).bits();
        double last = seen.get(seen.size() - 1).bits();
        assertTrue(last < first - 0.2, "loss should fall: " + first + " -> " + last);

        NwfCodec codec = new NwfCodec(new NwfModel("trained-test", NwfModel.FAMILY_NWF, net));
        Image img = smoothImage(96, 80, 3);
        var file = codec.encode(img);
        var decoded = codec.decoder().decode(NwfContainer.read(NwfContainer.toBytes(file),
                dev.nwf.format.ReadOptions.DEFAULT).file());
        assertTrue(img.sameAs(decoded.image()));
    }

    @Test
    void contextLossTrainsToo() {
        List<PriorTrainer.Progress> seen = new ArrayList<>();
        new PriorTrainer(new PriorTrainer.Config(8, 400, 8, 16, 1e-2f, 6, 7, true))
                .train(List.of(smoothImage(160, 128, 1), smoothImage(128, 160, 2)), seen::add);
        // the last five reports' mean: one batch's loss is noisy, and PyTorch's threads sum in no fixed order (one
        // run of mvn verify in many saw the last report alone above the first)
        double last = seen.subList(seen.size() - 5, seen.size()).stream().mapToDouble(PriorTrainer.Progress::bits)
                .average().orElseThrow();
        assertTrue(last < seen.get(0).bits() - 0.1, "loss should fall: " + seen.get(0).bits() + " -> " + last);
    }

    /** Neighbours for the context loss: shift(x, dy, dx)[y][x] = x[y - dy][x - dx], zero outside. */
    @Test
    void shiftMovesDownAndRightWithZerosShiftedIn() {
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
            ai.djl.ndarray.NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6}, new ai.djl.ndarray.types.Shape(1, 1, 2,
                    3));
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 1, 2, 0, 4, 5},
                    PriorTrainer.shift(x, 0, 1).toFloatArray());
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 0, 0, 1, 2, 3},
                    PriorTrainer.shift(x, 1, 0).toFloatArray());
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 0, 0, 2, 3, 0},
                    PriorTrainer.shift(x, 1, -1).toFloatArray());
        }
    }

    /** The QAT forward pass must compute exactly the integers the exported network computes. */
    @Test
    void qatForwardEqualsTheExportedIntegerNetwork() {
        PriorTrainer.Config cfg = new PriorTrainer.Config(8, 30, 4, 16, 1e-2f, 6, 11, false);
        PriorTrainer trainer = new PriorTrainer(cfg);
        IntNet net = trainer.train(List.of(smoothImage(128, 128, 5)), p -> { });
        PriorTrainingData.Sample s = PriorTrainingData.samples(smoothImage(64, 48, 6)).get(0);
        int[][] expected = ReferenceEvaluator.INSTANCE.evaluate(net, s.input(), s.width(), s.height());
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            QatParam[] params = trainer.paramsFrom(m, net);
            float[] x = new float[PriorTrainingData.INPUTS * s.width() * s.height()];
            for (int c = 0; c < PriorTrainingData.INPUTS; c++) {
                for (int i = 0; i < s.width() * s.height(); i++) x[c * s.width() * s.height() + i] = s.input()[c][i];
            }
            NDArray out = trainer.forward(params, m.create(x, new Shape(1, PriorTrainingData.INPUTS, s.height(),
                    s.width())));
            float[] o = out.toFloatArray();
            int n = s.width() * s.height();
            for (int c = 0; c < expected.length; c++) {
                int[] got = new int[n];
                for (int i = 0; i < n; i++) got[i] = (int) o[c * n + i];
                assertArrayEquals(expected[c], got, "output " + c);
            }
        }
    }
}
