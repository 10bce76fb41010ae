package dev.nwf.codec.pixel;

/**
 * Lets each part of each channel of a pixel level run on its own thread (SPEC.md §4.4.1). A part is a pass's rows
 * (part 0: RASTER or ACROSS, part 1: DOWN). Channel c's row r needs channel c - 1's row r (it reads how that sample
 * was coded); a DOWN row k needs its channel's ACROSS rows up to k + 1 (the row below it). A part that fails releases
 * the others, which then stop.
 */
class RowGate {
    /** For parts coded one after another, each after every part it needs: no waiting. */
    static final RowGate NONE = new RowGate(0, 0) {
        @Override
        void awaitRow(int channel, int part, int row) {
        }

        @Override
        void rowDone(int channel, int part, int row) {
        }
    };

    /** Per channel and part, the rows done (the level's row index of the last one done, plus one). */
    private final int[][] rowsDone;
    private final int acrossRows;
    private boolean failed;

    /**
     * @param channels the level's channels
     * @param acrossRows the level's ACROSS rows, which come first in its row order (0 on level 0)
     */
    RowGate(int channels, int acrossRows) {
        rowsDone = new int[channels][2];
        this.acrossRows = acrossRows;
    }

    /** Waits until every row that row {@code row} of this channel's part needs is coded. */
    void awaitRow(int channel, int part, int row) {
        if (ready(channel, part, row)) return;
        synchronized (this) {
            while (!ready(channel, part, row) && !failed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed = true;
                }
            }
            if (failed) throw new Stopped();
        }
    }

    private synchronized boolean ready(int channel, int part, int row) {
        if (channel > 0 && rowsDone[channel - 1][part] <= row) return false;
        return part == 0 || rowsDone[channel][0] >= Math.min(acrossRows, row - acrossRows + 2);
    }

    synchronized void rowDone(int channel, int part, int row) {
        rowsDone[channel][part] = row + 1;
        notifyAll();
    }

    synchronized void fail() {
        failed = true;
        notifyAll();
    }

    /** Thrown in a part whose predecessor failed: the predecessor's failure is the one to report. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped: another channel failed", null, false, false);
        }
    }
}
