package dev.nwf.codec.transform;

import dev.nwf.codec.entropy.CorruptStreamException;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Unsigned LEB128 numbers of at most 3 bytes in a raw DEFLATE stream: how the value map (SPEC.md §4.0) and the palette
 * (§4.0.1) carry their lists. Reading checks the stream ends exactly at its bytes and names the structure ({@code
 * what}) and the offset of the stream in every error.
 */
final class DeflatedNumbers {
    private final String what;
    private final byte[] plain;
    private final int length;
    private final int start;
    private int pos;

    private DeflatedNumbers(String what, byte[] plain, int length, int start) {
        this.what = what;
        this.plain = plain;
        this.length = length;
        this.start = start;
    }

    /** The raw DEFLATE (best compression) of {@code plain}'s bytes. */
    static byte[] deflate(ByteArrayOutputStream plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(plain.toByteArray());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates {@code b[start, end)}, which must inflate to at most {@code limit} bytes and end exactly at {@code end}.
     */
    static DeflatedNumbers inflate(String what, byte[] b, int start, int end, int limit) throws CorruptStreamException {
        byte[] plain = new byte[limit + 1];
        byte[] stream = java.util.Arrays.copyOfRange(b, start, end);
        int n = inflate(what, stream, plain, false, start, end);
        if (n < 0) {
            // some raw inflaters of the zlib line (the browser build's) finish a stream only with one byte more to
            // read ahead, which the JDK documents as once needed too: tried with a dummy byte after the stream, which
            // must not have been read as part of it (a stream it completes is still incomplete)
            n = inflate(what, java.util.Arrays.copyOf(stream, stream.length + 1), plain, true, start, end);
        }
        if (n < 0) throw new CorruptStreamException(what + "'s DEFLATE stream is incomplete", end);
        if (n > limit) throw new CorruptStreamException(what + " inflates to more than " + limit + " bytes", start);
        return new DeflatedNumbers(what, plain, n, start);
    }

    /** The bytes inflated into {@code plain}, or -1 when the stream did not finish. */
    private static int inflate(String what, byte[] input, byte[] plain, boolean dummy, int start, int end)
            throws CorruptStreamException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(input);
            int n = 0;
            int idle = 0;
            // until the stream ends, the output is full, or all input is taken (calling again then may throw)
            while (n < plain.length && !inflater.finished() && !inflater.needsInput() && idle < 2) {
                int r = inflater.inflate(plain, n, plain.length - n);
                n += r;
                idle = r == 0 ? idle + 1 : 0;
            }
            if (!inflater.finished()) return n >= plain.length ? n : -1;
            int streamBytes = input.length - (dummy ? 1 : 0);
            if (inflater.getBytesRead() > streamBytes) return -1;
            int after = (int) (streamBytes - inflater.getBytesRead());
            if (after != 0) {
                throw new CorruptStreamException(what + " has " + after + " bytes after its DEFLATE stream",
                        end - after);
            }
            return n;
        } catch (DataFormatException e) {
            if (dummy) return -1;
            throw new CorruptStreamException(what + " is not a valid DEFLATE stream: " + e.getMessage(), start);
        } finally {
            inflater.end();
        }
    }

    /** The next number. */
    int next() throws CorruptStreamException {
        int v = 0;
        for (int shift = 0; shift <= 14; shift += 7) {
            if (pos >= length) throw new CorruptStreamException(what + " ends inside a number", start);
            int x = plain[pos++] & 0xFF;
            v |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
        }
        throw new CorruptStreamException(what + " number longer than 3 bytes", start);
    }

    /** Bytes not read yet. */
    int remaining() {
        return length - pos;
    }
}
