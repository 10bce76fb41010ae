package dev.nwf.format;

import static dev.nwf.format.NwfFormatException.Kind.BAD_SIGNATURE;
import static dev.nwf.format.NwfFormatException.Kind.CRC_MISMATCH;
import static dev.nwf.format.NwfFormatException.Kind.MALFORMED;
import static dev.nwf.format.NwfFormatException.Kind.UNSUPPORTED_VERSION;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;


/** Reads the signature, the version and framed chunks, keeping the byte offset for error messages. */
final class ChunkInput {
    /** A whole chunk whose CRC matched. */
    record Chunk(String type, byte[] payload, long offset) {
    }

    /** The data ended inside the named structure; the reader turns this into a partial result. */
    static final class Truncated extends EOFException {
        private static final long serialVersionUID = 1L;
        final long offset;

        Truncated(String where, long offset) {
            super("file ends inside " + where);
            this.offset = offset;
        }
    }

    private final InputStream in;
    private long position;

    ChunkInput(InputStream in) {
        this.in = in;
    }

    long position() {
        return position;
    }

    /** True when at least one more byte follows (consumes it). */
    boolean hasMoreData() throws IOException {
        return in.read() >= 0;
    }

    /**
     * Reads the signature: two bytes for the compact form (SPEC.md §2.9), eight and the two version bytes for the
     * chunked form (SPEC.md §2.1).
     */
    NwfContainer.Form readPreamble() throws IOException {
        byte[] start = readFully(NwfContainer.COMPACT_SIGNATURE.length, "signature");
        if (start[0] == NwfContainer.COMPACT_SIGNATURE[0] && start[1] == NwfContainer.COMPACT_SIGNATURE[1]) {
            return NwfContainer.Form.COMPACT;
        }
        byte[] rest = readFully(NwfContainer.SIGNATURE.length - start.length, "signature");
        byte[] sig = new byte[NwfContainer.SIGNATURE.length];
        System.arraycopy(start, 0, sig, 0, start.length);
        System.arraycopy(rest, 0, sig, start.length, rest.length);
        for (int i = 0; i < sig.length; i++) {
            if (sig[i] != NwfContainer.SIGNATURE[i]) {
                throw new NwfFormatException(BAD_SIGNATURE, i, signatureProblem(sig));
            }
        }
        byte[] v = readFully(2, "version");
        int major = v[0] & 0xFF;
        int minor = v[1] & 0xFF;
        if (major != NwfContainer.VERSION_MAJOR) {
            throw new NwfFormatException(UNSUPPORTED_VERSION, position - 2,
                    "unsupported format version " + major + "." + minor + "; this reader reads "
                            + NwfContainer.VERSION_MAJOR + "."
                    + NwfContainer.VERSION_MINOR);
        }
        if (minor != NwfContainer.VERSION_MINOR) {
            throw new NwfFormatException(UNSUPPORTED_VERSION, position - 1, minor <= NwfContainer.LAST_DRAFT_MINOR
                    ? "format " + major + "." + minor
                            + " is a retired draft (coding tools as feature bits); re-encode from the "
                    + "source image" : "unsupported format version " + major + "." + minor + "; this reader reads "
                    + NwfContainer.VERSION_MAJOR + "." + NwfContainer.VERSION_MINOR);
        }
        return NwfContainer.Form.CHUNKED;
    }

    private static String signatureProblem(byte[] sig) {
        // Name the classic transfer damages that the guard bytes exist to detect.
        boolean nameIntact = sig[1] == 'N' && sig[2] == 'W' && sig[3] == 'F';
        boolean compact = sig[1] == NwfContainer.COMPACT_SIGNATURE[1];
        if ((nameIntact || compact) && (sig[0] & 0xFF) == (NwfContainer.SIGNATURE[0] & 0x7F)) {
            return "bad signature: high bit stripped (file passed through a 7-bit channel?)";
        }
        if (nameIntact && (sig[0] & 0xFF) == (NwfContainer.SIGNATURE[0] & 0xFF)) {
            return "bad signature: line-ending guard bytes changed (file transferred in text mode?)";
        }
        return "bad signature: not an .nwf file";
    }

    /** Returns null at a clean end of data exactly on a chunk boundary. */
    Chunk readChunk() throws IOException {
        long start = position;
        int first = in.read();
        if (first < 0) return null;
        position++;
        byte[] rest = readFully(7, "chunk header");
        long length = ((long) first << 24) | ((rest[0] & 0xFFL) << 16) | ((rest[1] & 0xFFL) << 8) | (rest[2] & 0xFFL);
        String type = new String(rest, 3, 4, StandardCharsets.ISO_8859_1);
        if (!ChunkTypes.isValid(type)) {
            throw new NwfFormatException(MALFORMED, start + 4, "chunk type is not 4 ASCII letters: "
                    + printable(rest, 3));
        }
        if (length > NwfContainer.MAX_CHUNK_BYTES) {
            throw new NwfFormatException(MALFORMED, start, "chunk " + type + " declares " + length + " bytes, over the "
                    + NwfContainer.MAX_CHUNK_BYTES + "-byte limit");
        }
        byte[] payload = readFully((int) length, "chunk " + type);
        byte[] crcBytes = readFully(4, "CRC of chunk " + type);
        long stored = ((crcBytes[0] & 0xFFL) << 24) | ((crcBytes[1] & 0xFFL) << 16) | ((crcBytes[2] & 0xFFL) << 8) |
                (crcBytes[3] & 0xFFL);
        long actual = crc(type, payload);
        if (stored != actual) {
            throw new NwfFormatException(CRC_MISMATCH, position - 4, String.format(
                    "CRC mismatch in chunk %s starting at byte %d: stored %08x, computed %08x", type, start, stored,
                            actual));
        }
        return new Chunk(type, payload, start);
    }

    static long crc(String type, byte[] payload) {
        Crc32c crc = new Crc32c();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(payload);
        return crc.getValue();
    }

    /** One byte, 0..255. */
    int readByte(String where) throws IOException {
        return readFully(1, where)[0] & 0xFF;
    }

    /** An unsigned LEB128 number of at most {@code max}; longer or larger is MALFORMED at its first byte. */
    long readLeb128(String where, long max) throws IOException {
        long start = position;
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = readByte(where);
            if (shift >= 35) throw new NwfFormatException(MALFORMED, start, where + " runs over 5 bytes");
            value |= (long) (b & 0x7F) << shift;
            if (value > max) throw new NwfFormatException(MALFORMED, start, where + " is over " + max);
            if ((b & 0x80) == 0) return value;
        }
    }

    byte[] readBytes(int n, String where) throws IOException {
        return readFully(n, where);
    }

    private byte[] readFully(int n, String where) throws IOException {
        // the buffer grows as data arrives, so a lying length cannot force a huge allocation (InputStream.readNBytes
        // does the same, but the browser build's returns wrong bytes)
        byte[] b = new byte[Math.min(n, 1 << 16)];
        int got = 0;
        while (got < n) {
            if (got == b.length) b = java.util.Arrays.copyOf(b, (int) Math.min(n, 2L * b.length));
            int r = in.read(b, got, b.length - got);
            if (r < 0) break;
            got += r;
        }
        position += got;
        if (got < n) throw new Truncated(where, position);
        return b;
    }

    private static String printable(byte[] b, int off) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < off + 4; i++) sb.append(String.format("%02x", b[i] & 0xFF));
        return "0x" + sb;
    }
}
