package dev.nwf.format;

import java.io.IOException;

/**
 * A {@code .nwf} file that cannot be read as asked. Every failure names its {@link Kind} and the byte offset at
 * which it was detected, so tools can report "CRC mismatch in chunk LEVL at byte 1234" rather than a stack trace.
 */
public final class NwfFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; stable names used by the CLI exit codes and by conformance manifests. */
    public enum Kind {
        BAD_SIGNATURE,
        UNSUPPORTED_VERSION,
        UNKNOWN_CRITICAL_CHUNK,
        CRC_MISMATCH,
        TRUNCATED,
        LIMIT_EXCEEDED,
        MALFORMED,
        /** A compact file's model number that this reader's table lacks (SPEC.md §2.9). */
        UNKNOWN_MODEL
    }

    private final Kind kind;
    private final long offset;
    private final String reason;

    public NwfFormatException(Kind kind, long offset, String message) {
        super(message + " (at byte " + offset + ")");
        this.kind = kind;
        this.offset = offset;
        this.reason = message;
    }

    /** The message without the offset. */
    public String reason() {
        return reason;
    }

    public Kind kind() {
        return kind;
    }

    /** Byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }
}
