package dev.nwf.cli;

import dev.nwf.format.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** "-" means stdin/stdout; files are written atomically and never overwritten without --force. */
final class Streams {
    private Streams() {
    }

    static boolean isStd(Path p) {
        return p != null && p.toString().equals("-");
    }

    static InputStream open(Path p) throws IOException {
        if (!isStd(p) && Files.isDirectory(p)) throw new IOException(p + " is a directory, not a file");
        return new BufferedInputStream(isStd(p) ? System.in : Files.newInputStream(p), 1 << 16);
    }

    static byte[] readAll(Path p) throws IOException {
        try (InputStream in = open(p)) {
            return in.readAllBytes();
        }
    }

    static void write(Path target, boolean force, AtomicFiles.Content content) throws IOException {
        if (isStd(target)) {
            java.io.PrintStream out = System.out;
            content.writeTo(out);
            // PrintStream swallows write errors: a full disk or a closed pipe must not pass for success
            if (out.checkError()) throw new IOException("could not write to standard output (full disk or closed pipe?)");
        } else {
            AtomicFiles.write(target, force, content);
        }
    }

    /** Fails before any work where writing {@code target} would fail (an existing file without --force, no folder). */
    static void checkWritable(Path target, boolean force) throws IOException {
        if (!isStd(target)) AtomicFiles.check(target, force);
    }

    /** input.png -> input.nwf, photo.nwf -> photo.png (next to the input). */
    static Path defaultOutput(Path input, String extension) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}
