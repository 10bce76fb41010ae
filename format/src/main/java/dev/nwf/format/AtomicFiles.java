package dev.nwf.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a partial file:
 * the content goes to a temporary file in the same directory, is flushed to disk, then renamed over the target.
 */
public final class AtomicFiles {
    /** Produces the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final int MAX_NAME_ATTEMPTS = 100;

    private AtomicFiles() {
    }

    /**
     * @param overwrite when false and the target exists, fails with {@link FileAlreadyExistsException}
     *                  before writing anything
     */
    public static void write(Path target, boolean overwrite, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        if (!overwrite && Files.exists(abs)) throw new FileAlreadyExistsException(target.toString(), null, "already exists (use --force to overwrite)");
        Path tmp = createSibling(abs);
        boolean done = false;
        try {
            keepPermissions(abs, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            if (!overwrite && Files.exists(abs)) throw new FileAlreadyExistsException(target.toString(), null, "appeared while writing");
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new hidden file beside {@code target}. Created without explicit attributes, so it gets the permissions any
     * new file gets (0666 less the umask), not the owner-only ones of {@link Files#createTempFile}.
     */
    private static Path createSibling(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(RANDOM.nextLong(), 36);
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + suffix + ".part");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_NAME_ATTEMPTS) throw e;
            }
        }
    }

    /** An overwritten file keeps its permissions, as when a program rewrites it in place. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!Files.exists(target) || !Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) return;
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
    }
}
