package dev.nwf.codec.entropy;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw DEFLATE streams (RFC 1951, no zlib or gzip wrapper) as the format uses them: the value map's and palette's lists
 * (SPEC.md §4.0, §4.0.1) and a level of rows (§4.5). Inflating checks that a stream ends exactly at its bytes and
 * names the structure and the stream's offset in every error.
 */
public final class RawDeflate {
    private RawDeflate() {
    }

    /** The raw DEFLATE of {@code plain} at best compression under a {@link Deflater} strategy. */
    public static byte[] deflate(byte[] plain, int strategy) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setStrategy(strategy);
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates {@code b[start, end)} into {@code plain}, returning the bytes inflated: more than {@code plain} holds is
     * an error, as are a stream that does not end exactly at {@code end} and one that is not DEFLATE ({@code what}
     * names the structure in the messages).
     */
    public static int inflate(String what, byte[] b, int start, int end, byte[] plain) throws CorruptStreamException {
        byte[] out = new byte[plain.length + 1];
        byte[] stream = java.util.Arrays.copyOfRange(b, start, end);
        int n = inflate(what, stream, out, false, start, end);
        if (n < 0) {
            // some raw inflaters of the zlib line (the browser build's) finish a stream only with one byte more to
            // read ahead, which the JDK documents as once needed too: tried with a dummy byte after the stream, which
            // must not have been read as part of it (a stream it completes is still incomplete)
            n = inflate(what, java.util.Arrays.copyOf(stream, stream.length + 1), out, true, start, end);
        }
        if (n < 0) throw new CorruptStreamException(what + "'s DEFLATE stream is incomplete", end);
        if (n > plain.length) {
            throw new CorruptStreamException(what + " inflates to more than " + plain.length + " bytes", start);
        }
        System.arraycopy(out, 0, plain, 0, n);
        return n;
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
}
