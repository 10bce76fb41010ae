package dev.nwf.codec.level;

import dev.nwf.codec.NwfCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The codings of one encode (split trials, then candidate files) as phases of a single progress total, each weighted
 * by the pixels it codes, so that a progress bar moves steadily from start to end. The codings of a phase are
 * independent, so they run side by side (one on the calling thread); their results do not depend on the order.
 */
public final class EncodePhases {
    private final NwfCodec.EncodeProgress outer;
    private final long total;
    /** Threads to code on, 0 for one per core: with 1 the codings of a phase run one after another. */
    private final int threads;
    /** Units done by the phases already finished. */
    private long base;
    /** Units done by each coding of the running phase, and the last total reported. */
    private long[] parts = new long[0];
    private long reported;

    public EncodePhases(NwfCodec.EncodeProgress outer, int threads, long total) {
        this.outer = outer;
        this.threads = threads;
        this.total = total;
    }

    /**
     * Runs the codings of one phase, each {@code weight} units of the total, and returns their results in order.
     *
     * @param levelsOf the coding whose completed levels reach the outer listener (-1 for none)
     */
    public <T> List<T> run(List<Function<NwfCodec.EncodeProgress, T>> codings, long weight, int levelsOf) {
        synchronized (this) {
            parts = new long[codings.size()];
        }
        List<Supplier<T>> tasks = new ArrayList<>();
        for (int i = 0; i < codings.size(); i++) {
            NwfCodec.EncodeProgress p = progress(i, weight, i == levelsOf);
            Function<NwfCodec.EncodeProgress, T> coding = codings.get(i);
            tasks.add(() -> coding.apply(p));
        }
        List<T> results = sideBySide(tasks, threads);
        synchronized (this) {
            base += weight * codings.size();
            parts = new long[0];
        }
        return results;
    }

    /**
     * The results of independent tasks, in order, run side by side: all but the last on the common pool, the last on
     * the calling thread; with {@code threads} 1, one after another on the calling thread.
     */
    public static <T> List<T> sideBySide(List<Supplier<T>> tasks, int threads) {
        if (threads == 1) {
            List<T> results = new ArrayList<>();
            for (Supplier<T> t : tasks) results.add(t.get());
            return results;
        }
        List<CompletableFuture<T>> others = new ArrayList<>();
        for (Supplier<T> t : tasks.subList(0, tasks.size() - 1)) others.add(CompletableFuture.supplyAsync(t));
        T lastResult = tasks.get(tasks.size() - 1).get();
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> f : others) results.add(join(f));
        results.add(lastResult);
        return results;
    }

    /** The result of a task run on another thread; its exception or error (out of memory, say) as thrown there. */
    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private NwfCodec.EncodeProgress progress(int index, long weight, boolean levels) {
        return new NwfCodec.EncodeProgress() {
            @Override
            public void levelCoded(int level, int totalLevels) {
                if (levels) outer.levelCoded(level, totalLevels);
            }

            @Override
            public void workDone(long done, long phaseTotal) {
                report(index, phaseTotal == 0 ? weight : done * weight / phaseTotal);
            }
        };
    }

    /** Tells the outer listener the units done so far, never fewer than it was told before. */
    private synchronized void report(int index, long units) {
        parts[index] = Math.max(parts[index], units);
        long sum = base;
        for (long p : parts) sum += p;
        if (sum > reported || sum == total) {
            reported = sum;
            outer.workDone(sum, total);
        }
    }
}
