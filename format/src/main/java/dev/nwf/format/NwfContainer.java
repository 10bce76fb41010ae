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
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The {@code .nwf} container (SPEC.md §2): the single public entry point of this module. It frames opaque level
 * payloads; it knows nothing of models or pixels.
 */
public final class NwfContainer {
    /** Non-ASCII first byte, the name, then CR LF, Ctrl-Z, LF to detect text-mode and 7-bit transfer damage. */
    static final byte[] SIGNATURE = {(byte) 0x8E, 'N', 'W', 'F', 0x0D, 0x0A, 0x1A, 0x0A};
    /** The compact form's signature (SPEC.md §2.9): the same non-ASCII first byte, then a lower-case n. */
    static final byte[] COMPACT_SIGNATURE = {(byte) 0x8E, 'n'};
    /** The format's major version; a reader refuses any other. */
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
    /** Most levels a file may have (the level count is a byte). */
    public static final int MAX_LEVELS = 255;

    /** The two byte layouts of format 1.0; both carry the same {@link NwfFile}. */
    public enum Form {
        /** Chunks with CRCs (SPEC.md §2.1-2.8): any model, and what a rewriting tool may carry through. */
        CHUNKED,
        /**
         * A few bytes of header and the levels' lengths (SPEC.md §2.9): for a model of the model-number table whose
         * level sizes follow §4.3's halving; the levels' own end checks stand in for the CRCs.
         */
        COMPACT
    }

    private NwfContainer() {
    }

    /** The form {@link #write(NwfFile, OutputStream)} chooses: compact wherever the file allows it. */
    public static Form formFor(NwfFile file) {
        return CompactForm.fits(file) ? Form.COMPACT : Form.CHUNKED;
    }

    /** The compact form's number for the header's model (SPEC.md §2.9), or empty when the table has none. */
    public static OptionalInt modelNumber(NwfHeader header) {
        return ModelNumbers.numberOf(header.modelId(), header.modelDigest());
    }

    /** The chunked form's 8-byte signature (SPEC.md §2.1). */
    public static byte[] signature() {
        return SIGNATURE.clone();
    }

    /** Bytes a reader must see to tell an .nwf file by {@link #hasSignature}: the chunked form's eight. */
    public static final int SIGNATURE_PROBE_BYTES = 8;

    /**
     * Whether {@code head} (the first bytes of some data, up to {@code length}) starts with either form's signature:
     * the compact form's two bytes or the chunked form's eight.
     */
    public static boolean hasSignature(byte[] head, int length) {
        if (length >= 2 && head[0] == COMPACT_SIGNATURE[0] && head[1] == COMPACT_SIGNATURE[1]) return true;
        return length >= SIGNATURE.length && Arrays.equals(head, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /** Writes the file in the form {@link #formFor} chooses. */
    public static void write(NwfFile file, OutputStream out) throws IOException {
        write(file, out, formFor(file));
    }

    /**
     * Writes the file in the given form; the compact form is refused (IllegalArgumentException) for a file that
     * {@link #formFor} would not write compact.
     */
    public static void write(NwfFile file, OutputStream out, Form form) throws IOException {
        if (form == Form.COMPACT) CompactForm.write(file, out);
        else ContainerWriter.write(file, out);
    }

    /** The file's bytes in the form {@link #formFor} chooses. */
    public static byte[] toBytes(NwfFile file) {
        return toBytes(file, formFor(file));
    }

    /**
     * The file's bytes in the given form; the compact form is refused as in {@link #write(NwfFile, OutputStream,
     * Form)}.
     */
    public static byte[] toBytes(NwfFile file, Form form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(file, out, form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes atomically: temp file in the same directory, then rename. */
    public static void write(NwfFile file, Path target, boolean overwrite) throws IOException {
        AtomicFiles.write(target, overwrite, out -> write(file, out));
    }

    /** Reads what the stream holds; a truncated stream yields its verified levels (see {@link NwfRead}). */
    public static NwfRead read(InputStream in, ReadOptions options) throws IOException {
        return NwfStreamReader.open(in, options).readRest();
    }

    /** Reads a file held in memory; as {@link #read(InputStream, ReadOptions)}. */
    public static NwfRead read(byte[] bytes, ReadOptions options) throws IOException {
        return read(new ByteArrayInputStream(bytes), options);
    }

    /** Reads a file from disk; as {@link #read(InputStream, ReadOptions)}. */
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
