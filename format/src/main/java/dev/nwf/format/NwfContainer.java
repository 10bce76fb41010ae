package dev.nwf.format;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code .nwf} container (SPEC.md §2): the single public entry point of this module. It frames opaque level
 * payloads; it knows nothing of models or pixels.
 */
public final class NwfContainer {
    /** Non-ASCII first byte, the name, then CR LF, Ctrl-Z, LF to detect text-mode and 7-bit transfer damage. */
    static final byte[] SIGNATURE = {(byte) 0x8E, 'N', 'W', 'F', 0x0D, 0x0A, 0x1A, 0x0A};
    public static final int VERSION_MAJOR = 1;
    /**
     * Format 1 has one current version, 1.0: coding tools are data in the header (SPEC.md §2.4.1), so a new tool needs
     * no new version. The drafts 1.1 to 1.11, which signalled each tool by a required-feature bit, are retired.
     */
    public static final int VERSION_MINOR = 0;
    /** The newest retired draft's minor version: files of drafts 1.1 to 1.11 are refused by name. */
    public static final int LAST_DRAFT_MINOR = 11;
    /** Signature and the two version bytes: the first chunk starts here (SPEC.md §2.1). */
    public static final int PREAMBLE_BYTES = SIGNATURE.length + 2;
    /** Largest chunk payload: 2^31 - 1 bytes. */
    public static final long MAX_CHUNK_BYTES = Integer.MAX_VALUE;
    public static final int MAX_LEVELS = 255;

    private NwfContainer() {
    }

    public static byte[] signature() {
        return SIGNATURE.clone();
    }

    public static void write(NwfFile file, OutputStream out) throws IOException {
        ContainerWriter.write(file, out);
    }

    public static byte[] toBytes(NwfFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ContainerWriter.write(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes atomically: temp file in the same directory, then rename. */
    public static void write(NwfFile file, Path target, boolean overwrite) throws IOException {
        AtomicFiles.write(target, overwrite, out -> ContainerWriter.write(file, out));
    }

    /** Reads what the stream holds; a truncated stream yields its verified levels (see {@link NwfRead}). */
    public static NwfRead read(InputStream in, ReadOptions options) throws IOException {
        return NwfStreamReader.open(in, options).readRest();
    }

    public static NwfRead read(byte[] bytes, ReadOptions options) throws IOException {
        return read(new ByteArrayInputStream(bytes), options);
    }

    public static NwfRead read(Path path, ReadOptions options) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            return read(in, options);
        }
    }

    /** Opens a stream for level-by-level reading. */
    public static NwfStreamReader open(InputStream in, ReadOptions options) throws IOException {
        return NwfStreamReader.open(in, options);
    }
}
