package dev.nwf.cli;
/** A one-line progress bar on stderr, redrawn in place. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    static void show(long done, long total, String detail, long startNanos) {
        int filled = (int) (WIDTH * done / Math.max(1, total));
        double secs = (System.nanoTime() - startNanos) / 1e9;
        // no estimate from the first second or before any work is done: it would read "eta 0 s"
        String eta = done == 0 || secs < 1 ? "eta --" : String.format("eta %.0f s", secs * (total - done) / done);
        System.err.printf("\r[%s%s] %d/%d %s, %.0f s, %s ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, detail, secs, eta);
        System.err.flush();
    }

    /** Blanks the bar's line, so that what follows starts clean. */
    static void clear() {
        System.err.print("\r" + " ".repeat(80) + "\r");
        System.err.flush();
    }
}
