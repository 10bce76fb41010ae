package dev.nwf.fuzz;

/**
 * One input's time budget. A hang is an input that takes longer than this: checked after each input returns (the
 * fuzzing run's libFuzzer {@code -timeout}, given on its command line, stops one that never returns). JUnit's
 * {@code @Timeout} cannot serve: it would also time the whole fuzzing run.
 */
final class SlowInput {
    static final long BUDGET_NANOS = 10_000_000_000L;

    private SlowInput() {
    }

    /** Throws when the input that started at {@code startNanos} took longer than the budget. */
    static void check(long startNanos, byte[] input) {
        long took = System.nanoTime() - startNanos;
        if (took > BUDGET_NANOS) {
            throw new AssertionError("hang: an input of " + input.length + " bytes took " + took / 1_000_000 + " ms");
        }
    }
}
