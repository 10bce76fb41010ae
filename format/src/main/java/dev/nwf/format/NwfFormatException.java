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
        /** The bytes do not start with either form's signature: not a {@code .nwf} file. */
        BAD_SIGNATURE,
        /** A major version other than 1, or a retired draft of format 1. */
        UNSUPPORTED_VERSION,
        /** A critical chunk type this reader does not know (SPEC.md §2.3). */
        UNKNOWN_CRITICAL_CHUNK,
        /** A chunk's CRC-32 does not match its bytes. */
        CRC_MISMATCH,
        /** The stream ended before what the file announced. */
        TRUNCATED,
        /** A size beyond a reader limit ({@link ReadOptions}) or a format limit. */
        LIMIT_EXCEEDED,
        /** Bytes that break a rule of SPEC.md §2 (order, lengths, values). */
        MALFORMED,
        /** A compact file's model number that this reader's table lacks (SPEC.md §2.9). */
        UNKNOWN_MODEL
    }

    /** What went wrong. */
    private final Kind kind;
    /** Where in the file. */
    private final long offset;
    /** The message without the offset. */
    private final String reason;

    /** A failure of the given kind, found at byte {@code offset} of the file; the message gains the offset. */
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

    /** What went wrong, as a stable name. */
    public Kind kind() {
        return kind;
    }

    /** Byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }
}
