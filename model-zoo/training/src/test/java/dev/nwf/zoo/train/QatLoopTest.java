package dev.nwf.zoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A few degenerate batches are skipped and reported, never the end of a run; a run of mostly such batches fails. */
class QatLoopTest {
    @Test
    void nonFiniteStepsAreSkippedCountedAndTheRestLearn() {
        try (NDManager m = NDManager.newBaseManager()) {
            QatParam p = new QatParam("p", m, new Random(1), 1, 1, 1, 0.1);
            float before = p.b.toFloatArray()[0];
            List<PriorTrainer.Progress> seen = new ArrayList<>();
            // every fourth step's loss is NaN; the others pull the bias towards 3
            int[] step = {0};
            Function<NDManager, NDArray> loss = bm -> {
                NDArray l = p.b.sub(3).square().sum();
                return ++step[0] % 4 == 0 ? l.mul(Float.NaN) : l;
            };
            QatLoop.run(m, List.of(p), 40, 0.05f, loss, seen::add);
            PriorTrainer.Progress last = seen.get(seen.size() - 1);
            assertEquals(40, last.step());
            assertEquals(10, last.skipped());
            float after = p.b.toFloatArray()[0];
            assertTrue(Float.isFinite(after) && Math.abs(after - 3) < Math.abs(before - 3), before + " -> " + after);
        }
    }

    @Test
    void aRunOfMostlyNonFiniteStepsFails() {
        try (NDManager m = NDManager.newBaseManager()) {
            QatParam p = new QatParam("p", m, new Random(1), 1, 1, 1, 0.1);
            int[] step = {0};
            Function<NDManager, NDArray> loss = bm -> {
                NDArray l = p.b.sub(3).square().sum();
                return ++step[0] % 4 == 0 ? l : l.mul(Float.NaN);
            };
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> QatLoop.run(m, List.of(p), 20, 0.05f, loss, null));
            assertTrue(e.getMessage().contains("15 of 20"), e.getMessage());
        }
    }
}
