package dev.nwf.bench;

import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.djl.DjlEvaluator;
import dev.nwf.zoo.ModelZoo;
import dev.nwf.zoo.train.PriorTrainingData;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Milliseconds per level for the bundled prior on a 512x512 image's finest detail level (256x256 low-pass, one
 * channel): pure-Java reference vs DJL fp32 vs fp64. DJL's thread count is fixed when the engine loads, so
 * scripts/bench.sh runs this once with -Dai.djl.pytorch.num_threads=1 and once with 2.
 */
@Tag("benchmark")
class NetworkBenchmark {
    @Test
    void msPerLevel() throws Exception {
        IntNet net = ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model().prior();
        // a real photo: synthetic planes saturate hidden units, and constant planes cost the reference nothing
        PhotoSet.Photo photo = PhotoSet.setA().get(0);
        List<PriorTrainingData.Sample> samples = PriorTrainingData.samples(photo.image());
        List<PriorTrainingData.Sample> finest = samples.subList(samples.size() - 3, samples.size()); // channels 0, 1, 2
        PriorTrainingData.Sample first = finest.get(0);
        String threads = System.getProperty("ai.djl.pytorch.num_threads", "default");
        System.out.printf("%nprior network (%d layers, fp32 exact: %s) on the finest level of %s (%dx%d), mean of its 3 channels, DJL threads %s:%n",
                net.layers().size(), net.fp32Exact(PriorTrainingData.INPUT_BOUND), photo.name(), first.width(),
                        first.height(), threads);
        NetEvaluator[] evals = {ReferenceEvaluator.INSTANCE,
            new DjlEvaluator(ai.djl.Device.cpu(), DjlEvaluator.Precision.AUTO, PriorTrainingData.INPUT_BOUND),
            new DjlEvaluator(ai.djl.Device.cpu(), DjlEvaluator.Precision.FP64, PriorTrainingData.INPUT_BOUND)};
        int[][][] reference = null;
        for (NetEvaluator e : evals) {
            long total = 0;
            int[][][] out = new int[finest.size()][][];
            for (int c = 0; c < finest.size(); c++) {
                PriorTrainingData.Sample s = finest.get(c);
                long best = Long.MAX_VALUE;
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    out[c] = e.evaluate(net, s.input(), s.width(), s.height());
                    best = Math.min(best, System.nanoTime() - t0);
                }
                total += best;
            }
            if (reference == null) reference = out;
            boolean same = java.util.Arrays.deepEquals(reference, out);
            System.out.printf("  %-28s %8.1f ms per level-channel  %s%n", e.name(), total / 1e6 / finest.size(), same
                    ? "bit-exact" : "MISMATCH");
            if (!same) throw new AssertionError(e.name() + " differs from the reference");
        }
    }
}
