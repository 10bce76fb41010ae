package dev.nwf.codec.transform;

import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.RawDeflate;
import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

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
        return RawDeflate.deflate(plain.toByteArray(), Deflater.DEFAULT_STRATEGY);
    }

    /**
     * Inflates {@code b[start, end)}, which must inflate to at most {@code limit} bytes and end exactly at {@code end}.
     */
    static DeflatedNumbers inflate(String what, byte[] b, int start, int end, int limit) throws CorruptStreamException {
        byte[] plain = new byte[limit];
        int n = RawDeflate.inflate(what, b, start, end, plain);
        return new DeflatedNumbers(what, plain, n, start);
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
