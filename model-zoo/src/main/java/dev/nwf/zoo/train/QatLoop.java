package dev.nwf.zoo.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The optimisation loop both trainers share: Adam, non-finite steps skipped, a running loss reported. */
final class QatLoop {
    private QatLoop() {
    }

    /**
     * @param loss builds one batch in the given manager and returns its loss
     * @throws IllegalStateException when more than a tenth of the steps had a non-finite loss or gradient
     */
    static void run(NDManager m, List<QatParam> params, int steps, float learningRate, Function<NDManager, NDArray> loss,
                    Consumer<PriorTrainer.Progress> progress) {
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
        double running = Double.NaN;
        int skipped = 0;
        for (int step = 1; step <= steps; step++) {
            try (NDManager bm = m.newSubManager()) {
                double v;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    for (QatParam p : params) p.clearGradients();
                    NDArray l = loss.apply(bm);
                    gc.backward(l);
                    v = l.toType(DataType.FLOAT64, false).getDouble();
                }
                if (!Double.isFinite(v) || !params.stream().allMatch(QatParam::finiteGradients)) {
                    skipped++;
                    continue; // a degenerate batch must not poison the parameters
                }
                running = Double.isNaN(running) ? v : 0.98 * running + 0.02 * v;
                for (QatParam p : params) p.update(adam);
            }
            if (progress != null && (step % 10 == 0 || step == steps)) progress.accept(new PriorTrainer.Progress(step, steps, running));
        }
        if (skipped > steps / 10) throw new IllegalStateException(skipped + " of " + steps + " steps gave a non-finite loss or gradient");
    }
}
