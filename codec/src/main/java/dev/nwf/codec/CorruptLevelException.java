package dev.nwf.codec;

import java.io.IOException;

/** A level whose chunk passed its CRC but whose coded data does not decode consistently. */
public final class CorruptLevelException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int level;
    private final long streamOffset;

    public CorruptLevelException(int level, long streamOffset, String message, Throwable cause) {
        super("level " + level + ": " + message + " (at byte " + streamOffset + " of the level data)", cause);
        this.level = level;
        this.streamOffset = streamOffset;
    }

    public int level() {
        return level;
    }

    public long streamOffset() {
        return streamOffset;
    }
}
