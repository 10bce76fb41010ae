package dev.nwf.zoo;

import java.io.IOException;

/** A model file that cannot be used: missing part, bad JSON, shape or digest mismatch. The message says which. */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A fault in model file {@code source}. */
    public ModelFileException(String source, String message) {
        super(source + ": " + message);
    }

    /** A fault in model file {@code source}, found through {@code cause}. */
    public ModelFileException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
    }
}
