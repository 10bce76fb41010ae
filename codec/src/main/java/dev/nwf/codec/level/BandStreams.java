package dev.nwf.codec.level;

import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.transform.ValueMap;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A detail level's payload with band streams (SPEC.md §6.5, the band-streams tool): the byte lengths of every band's
 * rANS stream but the last, each as an unsigned LEB128 number, then the streams in coding order; the last stream runs
 * to the payload's end. Each band's scale offset and samples are coded in its own stream, so bands decode side by side.
 */
public final class BandStreams {
    /**
     * The encoder's choice of the tool's parameter: bands of fewer than 2^14 samples share one stream, since a stream
     * costs about 7 bytes (its length and its state's slack; streams at every level cost +0.1 % on a 512² photo)
     * and small levels take little time anyway.
     */
    public static final int DEFAULT_LOG2 = 14;

    /** A stream length takes at most this many LEB128 bytes (lengths are below 2^31). */
    static final int MAX_LENGTH_BYTES = 5;
    /** Every rANS stream starts with its state, of at least 5 bytes (SPEC.md §3.1). */
    private static final int STATE_BYTES = dev.nwf.codec.entropy.RansDecoder.MIN_STREAM_BYTES;

    private BandStreams() {
    }

    /** Whether a detail level whose bands are {width, height} holds band streams from 2^log2 samples. */
    public static boolean apply(int[] bandSize, int log2) {
        return (long) bandSize[0] * bandSize[1] >= 1L << log2;
    }

    /** The payload holding {@code streams}, in order. */
    public static byte[] join(List<byte[]> streams) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < streams.size() - 1; k++) ValueMap.writeVarint(out, streams.get(k).length);
        for (byte[] s : streams) out.writeBytes(s);
        return out.toByteArray();
    }

    /**
     * A decoder for each of the {@code n} streams of the payload {@code data[start, data.length)}; their positions are
     * offsets into {@code data}, so errors name the byte of the level where they arose.
     */
    public static RansDecoder[] split(byte[] data, int start, int n) throws CorruptStreamException {
        int pos = start;
        long[] lengths = new long[n];
        for (int k = 0; k < n - 1; k++) {
            long v = 0;
            for (int i = 0; ; i++) {
                if (pos >= data.length) throw new CorruptStreamException("level ends inside the length of band stream "
                        + k, pos);
                if (i == MAX_LENGTH_BYTES) throw new CorruptStreamException("length of band stream " + k
                        + " is longer than " + MAX_LENGTH_BYTES + " bytes", pos);
                int x = data[pos++] & 0xFF;
                v |= (long) (x & 0x7F) << (7 * i);
                if ((x & 0x80) == 0) break;
            }
            lengths[k] = v;
        }
        RansDecoder[] decoders = new RansDecoder[n];
        for (int k = 0; k < n; k++) {
            long left = data.length - (long) pos;
            long length = k == n - 1 ? left : lengths[k];
            if (length > left) throw new CorruptStreamException("band stream " + k + " of " + length
                    + " bytes runs past the level's end", pos);
            if (length < STATE_BYTES) throw new CorruptStreamException("band stream " + k + " has " + length
                    + " bytes, fewer than its state's least " + STATE_BYTES, pos);
            decoders[k] = new RansDecoder(data, pos, (int) length);
            pos += (int) length;
        }
        return decoders;
    }
}
