package dev.nwf.files;

import java.io.IOException;

/**
 * An input image this build cannot take: not an image format it reads, a damaged or cut file, or one it refuses
 * rather than code wrongly (several frames). The input's fault, not the machine's: the command line exits 3 for it,
 * as for a corrupt .nwf file, where a missing file or full disk exits 6.
 */
public final class UnreadableImageException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The image cannot be read; {@code cause} says why when a library said so. */
    public UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
