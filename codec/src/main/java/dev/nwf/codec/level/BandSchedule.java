package dev.nwf.codec.level;

/**
 * Runs a detail level's bands side by side as a wavefront (SPEC.md §6.5): band k codes its row y once band k − 1 has
 * coded its rows up to y + 1, as every band reads the bands before it at most one row below its own (and band k − 1
 * got that far only once band k − 2 had gone a row further, and so on). Threads claim bands in coding order, so the
 * lowest unfinished band never waits: the level completes with one thread or many, even if no helper ever starts.
 * What each band computes depends only on the bands before it, never on the timing, so the bytes do not either.
 */
public final class BandSchedule {
    /** Ends a band whose wait can no longer be met because a band before it failed. */
    static final class Cancelled extends RuntimeException {
        Cancelled(int band) {
            super("band " + band + " ended early", null, false, false);
        }
    }

    private final int height;
    /** Rows each band has coded. */
    private final int[] rows;
    /** Whether each band has ended without completing: failed, or cancelled by one that did. */
    private final boolean[] broken;
    private final Throwable[] failures;
    private int claimed;
    private int finished;
    private boolean failed;

    private BandSchedule(int bands, int height) {
        this.height = height;
        this.rows = new int[bands];
        this.broken = new boolean[bands];
        this.failures = new Throwable[bands];
    }

    /** Threads worth running a level's bands on: {@code threads} (0: one per core), at most one per band. */
    public static int workers(int bands, int threads) {
        return Math.max(1, Math.min(bands, threads == 0 ? Runtime.getRuntime().availableProcessors() : threads));
    }

    /**
     * Runs {@code task} for bands 0..bands−1 of {@code height} rows on up to {@code workers} threads (this one and
     * daemon helpers) and returns once every band has run; if any failed, throws the failure of the lowest such band,
     * which is the same on every run.
     */
    public static <E extends Exception> void run(int bands, int height, int workers, Task<E> task) throws E {
        BandSchedule s = new BandSchedule(bands, height);
        for (int t = 1; t < workers; t++) {
            Thread helper = new Thread(() -> s.work(task), "nwf-bands-" + t);
            helper.setDaemon(true);
            helper.start();
        }
        s.work(task);
        s.awaitClaimed();
        s.rethrow();
    }

    /** One band's work; it calls {@link #beforeRow} and {@link #afterRow} around each row it codes. */
    public interface Task<E extends Exception> {
        void run(BandSchedule schedule, int band) throws E;
    }

    /** Band {@code band} is about to code row {@code y}: waits until the band before it has coded row y + 1. */
    public void beforeRow(int band, int y) {
        if (band > 0) awaitRows(band - 1, Math.min(height, y + 2));
    }

    /** Band {@code band} has coded row {@code y}. */
    public synchronized void afterRow(int band, int y) {
        rows[band] = y + 1;
        notifyAll();
    }

    /** Waits until band {@code band} is complete (and so every band before it). */
    public void awaitBand(int band) {
        awaitRows(band, height);
    }

    private synchronized void awaitRows(int band, int n) {
        waitWhile(() -> rows[band] < n && !broken[band]);
        if (rows[band] < n) throw new Cancelled(band);
    }

    /**
     * Waits on this schedule while {@code condition} holds (called holding its lock); an interrupt is kept for later.
     */
    private void waitWhile(java.util.function.BooleanSupplier condition) {
        boolean interrupted = false;
        while (condition.getAsBoolean()) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void work(Task<?> task) {
        for (int band = claim(); band >= 0; band = claim()) {
            Throwable failure = null;
            try {
                task.run(this, band);
            } catch (Throwable t) {
                failure = t; // a Cancelled band, or a failure of its own: end tells them apart
            }
            end(band, failure);
        }
    }

    /** The next band to run, or −1 when every band is claimed or one has failed. */
    private synchronized int claim() {
        return failed || claimed == rows.length ? -1 : claimed++;
    }

    private synchronized void end(int band, Throwable failure) {
        if (failure != null) {
            broken[band] = true;
            if (!(failure instanceof Cancelled)) {
                failures[band] = failure;
                failed = true;
            }
        }
        finished++;
        notifyAll();
    }

    private synchronized void awaitClaimed() {
        waitWhile(() -> finished < claimed);
    }

    @SuppressWarnings("unchecked")
    private <E extends Exception> void rethrow() throws E {
        for (Throwable t : failures) {
            if (t == null) continue;
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error e) throw e;
            throw (E) t;
        }
    }
}
