package dev.nwf.codec;

import java.io.IOException;

/** A level whose chunk passed its CRC but whose coded data does not decode consistently. */
public final class CorruptLevelException extends IOException {
    private static final long serialVersionUID = 1L;
    /** The level (0 is the coarsest). */
    private final int level;
    /** Byte offset within the level's payload. */
    private final long streamOffset;

    /** Level {@code level}'s data is wrong at {@code streamOffset} bytes into its payload. */
    public CorruptLevelException(int level, long streamOffset, String message, Throwable cause) {
        super("level " + level + ": " + message + " (at byte " + streamOffset + " of the level data)", cause);
        this.level = level;
        this.streamOffset = streamOffset;
    }

    /** The level (0 is the coarsest). */
    public int level() {
        return level;
    }

    /** Byte offset within the level's payload. */
    public long streamOffset() {
        return streamOffset;
    }
}
