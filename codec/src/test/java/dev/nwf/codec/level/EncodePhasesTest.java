package dev.nwf.codec.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.NwfCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EncodePhasesTest {

    /** Reports (done, total) pairs as the outer listener sees them. */
    private static final class Recorder implements NwfCodec.EncodeProgress {
        final List<long[]> steps = new ArrayList<>();
        final List<Integer> levels = new ArrayList<>();

        @Override
        public synchronized void levelCoded(int level, int totalLevels) {
            levels.add(level);
        }

        @Override
        public synchronized void workDone(long done, long total) {
            steps.add(new long[] {done, total});
        }
    }

    /** A coding that reports its work in 100 steps, and its levels, and returns its index. */
    private static Function<NwfCodec.EncodeProgress, Integer> coding(int index) {
        return p -> {
            for (int i = 1; i <= 100; i++) {
                p.workDone(i, 100);
                if (i % 50 == 0) p.levelCoded(i / 50 - 1, 2);
            }
            return index;
        };
    }

    @Test
    void phasesRunSideBySideAndReportOneGrowingTotal() {
        Recorder r = new Recorder();
        EncodePhases phases = new EncodePhases(r, 0, 2 * 10 + 3 * 40);
        assertEquals(List.of(0, 1), phases.run(List.of(coding(0), coding(1)), 10, -1));
        assertEquals(List.of(0, 1, 2), phases.run(List.of(coding(0), coding(1), coding(2)), 40, 2));
        for (int i = 1; i < r.steps.size(); i++) assertTrue(r.steps.get(i)[0] >= r.steps.get(i - 1)[0],
                "never shrinks");
        assertEquals(140, r.steps.get(r.steps.size() - 1)[0]);
        assertTrue(r.steps.stream().allMatch(s -> s[1] == 140));
        assertEquals(List.of(0, 1), r.levels, "levels only from the coding named");
    }

    @Test
    void aFailureOnAnotherThreadIsRethrownAsItself() {
        IllegalStateException boom = new IllegalStateException("boom");
        EncodePhases phases = new EncodePhases(new Recorder(), 0, 20);
        Function<NwfCodec.EncodeProgress, Integer> failing = p -> {
            throw boom;
        };
        assertSame(boom, assertThrows(IllegalStateException.class, () -> phases.run(List.of(failing, coding(1)), 10,
                -1)));
    }
}
