package dev.nwf.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an overwrite may replace: the file asked for, and nothing else (a link, a device, a pipe, a directory). */
class AtomicFilesTest {
    private static final byte[] NEW = "new content".getBytes(StandardCharsets.UTF_8);

    private static void write(Path target, boolean force) throws IOException {
        AtomicFiles.write(target, force, out -> out.write(NEW));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A symbolic link is written through: the file it names gets the content, the link stays a link. */
    @Test
    void symlinksAreWrittenThrough(@TempDir Path dir) throws IOException {
        Path real = Files.writeString(dir.resolve("real.nwf"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.nwf"), Path.of("real.nwf"));
        assertThrows(FileAlreadyExistsException.class, () -> write(link, false));
        write(link, true);
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertArrayEquals(NEW, Files.readAllBytes(real));
        assertEquals(List.of("link.nwf", "real.nwf"), names(dir), "no temporary file left behind");
        // a link whose file does not exist yet creates that file
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.nwf"), Path.of("later.nwf"));
        assertThrows(FileAlreadyExistsException.class, () -> write(dangling, false));
        write(dangling, true);
        assertTrue(Files.isSymbolicLink(dangling));
        assertArrayEquals(NEW, Files.readAllBytes(dir.resolve("later.nwf")));
    }

    /** A named pipe is streamed into, and is still a pipe afterwards. */
    @Test
    void fifosAreStreamedInto(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo not available");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        write(fifo, true);
        assertArrayEquals(NEW, read.get(30, java.util.concurrent.TimeUnit.SECONDS));
        int type = ((Integer) Files.getAttribute(fifo, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
        assertEquals(0010000, type, "still a FIFO");
        assertEquals(List.of("pipe"), names(dir));
    }

    /**
     * A write that fails part way (a full disk, as ImageIO's PNG writer reports it) is named by the target and the
     * cause, not by the writer's own words or the temporary file, and leaves the old file and nothing else
     * (regression: disk-full-named-by-the-png-writer).
     */
    @Test
    void aFailedWriteNamesTheTargetAndTheCause(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.png");
        AtomicFiles.Content full = out -> {
            out.write(NEW);
            throw new IOException("I/O error writing PNG file!", new IOException("No space left on device"));
        };
        IOException fresh = assertThrows(IOException.class, () -> AtomicFiles.write(target, false, full));
        assertEquals(target + ": could not write: No space left on device; nothing was written", fresh.getMessage());
        assertEquals(List.of(), names(dir));
        Files.writeString(target, "old");
        IOException over = assertThrows(IOException.class, () -> AtomicFiles.write(target, true, full));
        assertEquals(target + ": could not write: No space left on device; the file is as it was", over.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.png"), names(dir));
    }

    /** A directory is refused by name, even with force, and left as it was. */
    @Test
    void directoriesAreRefused(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectory(dir.resolve("out.nwf"));
        IOException e = assertThrows(IOException.class, () -> write(sub, true));
        assertTrue(e.getMessage().contains("out.nwf is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(sub));
        assertEquals(List.of("out.nwf"), names(dir));
    }

    /** A missing folder is named as such: not by the temporary file's name. */
    @Test
    void aMissingFolderIsNamed(@TempDir Path dir) {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> write(dir.resolve("nope/x.nwf"), true));
        assertTrue(e.getMessage().contains("does not exist") && !e.getMessage().contains(".part"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("nope")));
    }
}
