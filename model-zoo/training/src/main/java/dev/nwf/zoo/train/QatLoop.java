package dev.nwf.zoo.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The optimisation loop both trainers share: Adam, non-finite steps skipped, a running loss reported. Every array a
 * step creates lives in that step's sub-manager, so memory stays flat however long training runs.
 */
final class QatLoop {
    private QatLoop() {
    }

    /**
     * A step whose loss or gradient is not finite (a degenerate batch) is skipped and counted in the progress
     * reports; a run fails only when most of its steps were, as then nothing was learnt.
     *
     * @param loss builds one batch in the given manager and returns its loss
     * @throws IllegalStateException when more than half of the steps had a non-finite loss or gradient
     */
    static void run(NDManager m, List<QatParam> params, int steps, float learningRate, Function<NDManager,
            NDArray> loss,
                    Consumer<PriorTrainer.Progress> progress) {
        double running = Double.NaN;
        int skipped = 0;
        for (int step = 1; step <= steps; step++) {
            try (NDManager bm = m.newSubManager()) {
                // the parameters join the step's manager, so what is derived from them (rounded weights, gradient
                // views) is freed with it; closing it hands them back
                for (QatParam p : params) {
                    p.w.tempAttach(bm);
                    p.b.tempAttach(bm);
                }
                double v;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    for (QatParam p : params) p.clearGradients();
                    NDArray l = loss.apply(bm);
                    gc.backward(l);
                    v = l.toType(DataType.FLOAT64, false).getDouble();
                }
                float[][][] grads = new float[params.size()][][];
                boolean finite = Double.isFinite(v);
                for (int i = 0; i < grads.length && finite; i++) finite = (grads[i] = params.get(i).gradients())
                        != null;
                if (finite) {
                    running = Double.isNaN(running) ? v : 0.98 * running + 0.02 * v;
                    for (int i = 0; i < grads.length; i++) params.get(i).update(grads[i], learningRate);
                } else {
                    skipped++; // a degenerate batch must not poison the parameters (progress is still reported)
                }
            }
            if (progress != null && (step % 10 == 0 || step == steps)) progress.accept(new PriorTrainer.Progress(step,
                    steps, running, skipped));
        }
        if (2 * skipped > steps) throw new IllegalStateException(skipped + " of " + steps
                + " steps gave a non-finite loss or gradient: nothing learnt (try a lower --lr)");
    }
}
