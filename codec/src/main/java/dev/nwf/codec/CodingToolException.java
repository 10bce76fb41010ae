package dev.nwf.codec;

import java.io.IOException;

/**
 * A header's coding-tool list (SPEC.md §2.4.1) that this decoder cannot follow: a tool it does not know, or a list that
 * breaks the table's rules. Carries the byte offset inside the tool list.
 */
public final class CodingToolException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What is wrong; stable names for conformance manifests. */
    public enum Kind {
        /** A tool id this decoder's table does not define: a newer file. */
        UNKNOWN_TOOL,
        /** A list that breaks the rules: order, repetition, parameters, a missing needed tool, family or channels. */
        INVALID_TOOLS
    }

    /** What is wrong. */
    private final Kind kind;
    /** Where in the tool list. */
    private final int offset;

    CodingToolException(Kind kind, int offset, String message) {
        super(message + " (at byte " + offset + " of the tool list)");
        this.kind = kind;
        this.offset = offset;
    }

    /** What is wrong with the tool list, as a stable name. */
    public Kind kind() {
        return kind;
    }

    /** Byte offset inside the tool list where the problem was found. */
    public int offset() {
        return offset;
    }
}
