package dev.nwf.codec.entropy;

import java.io.IOException;

/** A coded stream that does not decode consistently; carries the byte offset within the stream. */
public final class CorruptStreamException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    public CorruptStreamException(String message, long offset) {
        super(message + " (at stream byte " + offset + ")");
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
