package dev.nwf.codec.pixel;

/**
 * Lets each channel of a pixel level run on its own thread, one row behind the channel before it (SPEC.md §4.4.1):
 * channel c may code row r once channel c - 1 has coded it, since it reads how that channel's samples were coded.
 * A channel that fails releases the others, which then stop.
 */
class RowGate {
    /** For channels coded one after another: every row of the previous channel is done before a channel starts. */
    static final RowGate NONE = new RowGate(0) {
        @Override
        void awaitRow(int channel, int row) {
        }

        @Override
        void rowDone(int channel, int row) {
        }
    };

    private final int[] rowsDone;
    private boolean failed;

    RowGate(int channels) {
        rowsDone = new int[channels];
    }

    /** Waits until the channel before {@code channel} has coded row {@code row} (at once for channel 0). */
    void awaitRow(int channel, int row) {
        if (channel == 0) return;
        synchronized (this) {
            while (rowsDone[channel - 1] <= row && !failed) {
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

    synchronized void rowDone(int channel, int row) {
        rowsDone[channel] = row + 1;
        notifyAll();
    }

    synchronized void fail() {
        failed = true;
        notifyAll();
    }

    /** Thrown in a channel whose predecessor failed: the predecessor's failure is the one to report. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped: another channel failed", null, false, false);
        }
    }
}
