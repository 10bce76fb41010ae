package dev.nwf.codec;

import java.io.IOException;

/** The file was coded with a model that is not available here (or whose weights differ). */
public final class UnknownModelException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file's model is not among those the resolver knows; the message names it. */
    public UnknownModelException(String message) {
        super(message);
    }
}
