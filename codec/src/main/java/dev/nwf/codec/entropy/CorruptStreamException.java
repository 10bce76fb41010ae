package dev.nwf.codec.entropy;

import java.io.IOException;

/** A coded stream that does not decode consistently; carries the byte offset within the stream. */
public final class CorruptStreamException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final String reason;

    public CorruptStreamException(String reason, long offset) {
        super(reason + " (at stream byte " + offset + ")");
        this.offset = offset;
        this.reason = reason;
    }

    /** The message without the offset. */
    public String reason() {
        return reason;
    }

    public long offset() {
        return offset;
    }
}
