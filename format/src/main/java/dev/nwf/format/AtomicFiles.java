package dev.nwf.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a partial file:
 * the content goes to a temporary file in the same directory, is flushed to disk, then renamed over the target.
 * A symbolic link is written through (its target is replaced, the link stays); a character or block device or a FIFO
 * (/dev/null, a named pipe) is streamed into, as nothing can replace it atomically; a directory or socket is refused
 * by name. Nothing but the file asked for is ever replaced.
 */
public final class AtomicFiles {
    /** Produces the file's content. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}; an exception leaves no file behind. */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final int MAX_NAME_ATTEMPTS = 100;

    private AtomicFiles() {
    }

    /**
     * Fails as {@link #write} would before writing anything — the target exists and may not be overwritten, is a
     * directory or socket, or its folder is missing — so that long work can be refused before it starts.
     */
    public static void check(Path target, boolean overwrite) throws IOException {
        Path abs = resolveLinks(target.toAbsolutePath());
        if (!overwrite && (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(target))) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists (use --force to overwrite)");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            String kind = kindOf(abs);
            if (!kind.equals("device") && !kind.equals("fifo")) {
                throw new IOException(target + " is a " + kind + ", not a file: nothing was written");
            }
            return;
        }
        if (abs.getParent() != null && !Files.isDirectory(abs.getParent())) {
            throw new java.nio.file.NoSuchFileException(target.toString(), null, "its folder " + abs.getParent()
                    + " does not exist");
        }
    }

    /**
     * @param overwrite when false and the target exists, fails with {@link FileAlreadyExistsException}
     *                  before writing anything
     */
    public static void write(Path target, boolean overwrite, Content content) throws IOException {
        check(target, overwrite);
        Path abs = resolveLinks(target.toAbsolutePath());
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            // a device or a pipe (check refused anything else): nothing can replace it atomically, nor should
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(abs, StandardOpenOption.WRITE),
                    1 << 16)) {
                content.writeTo(out);
            } catch (IOException e) {
                throw writeFailed(target, e, "");
            }
            return;
        }
        Path tmp = createSibling(abs);
        boolean done = false;
        try {
            keepPermissions(abs, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            } catch (IOException e) {
                throw writeFailed(target, e, Files.exists(abs) ? "; the file is as it was" : "; nothing was written");
            }
            if (!overwrite && Files.exists(abs)) throw new FileAlreadyExistsException(target.toString(), null,
                    "appeared while writing");
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
     * A failure while writing {@code target}'s bytes, named by the target (not the temporary sibling) and by its first
     * cause (a full disk), not the writer's own words ("I/O error writing PNG file!").
     */
    private static IOException writeFailed(Path target, IOException e, String outcome) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String why = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return new IOException(target + ": could not write: " + why + outcome, e);
    }

    /** The file a chain of symbolic links ends at (which need not exist yet); other paths as they are. */
    static Path resolveLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) throw new IOException(path + ": too many levels of symbolic links");
            Path link = Files.readSymbolicLink(p);
            p = p.toAbsolutePath().getParent().resolve(link).normalize();
        }
        return p;
    }

    /** What an existing path that is not a regular file is: directory, device, fifo, socket or special file. */
    private static String kindOf(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return "directory";
        try {
            int type = ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
            return switch (type) {
                case 0020000, 0060000 -> "device";
                case 0010000 -> "fifo";
                case 0140000 -> "socket";
                default -> "special file";
            };
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return "special file";
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
        if (!Files.exists(target)
                || !Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) return;
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
    }
}
