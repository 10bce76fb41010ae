package dev.nwf.codec.entropy;
/**
 * rANS decoder (SPEC.md §3.1). Reading past the end of the data never throws: it yields zero words and is reported
 * by {@link #checkEnd()}, which also verifies the final state, so corrupt streams are detected at the end of a level.
 */
public final class RansDecoder {
    private static final int MASK = Rans.PROB_TOTAL - 1;
    private final byte[] data;
    private final int end;
    private int pos;
    private long x;
    private boolean overrun;

    public RansDecoder(byte[] data) throws CorruptStreamException {
        this(data, 0, data.length);
    }

    /** The fewest bytes a stream takes: its state's (SPEC.md §3.1). */
    public static final int MIN_STREAM_BYTES = Rans.MIN_STATE_BYTES;

    /**
     * A decoder of the stream in {@code data[offset, offset + length)}: its state takes 5 to 8 bytes, as many as
     * {@code length} says (the words after it come in fours).
     */
    public RansDecoder(byte[] data, int offset, int length) throws CorruptStreamException {
        if (length < Rans.MIN_STATE_BYTES) throw new CorruptStreamException("stream shorter than its "
                + Rans.MIN_STATE_BYTES + "-byte state", length);
        this.data = data;
        this.end = offset + length;
        int k = Rans.stateBytesIn(length);
        long s = 0;
        for (int i = 0; i < k; i++) s = (s << 8) | (data[offset + i] & 0xFF);
        if (s < Rans.STATE_LOW || s >>> 63 != 0) throw new CorruptStreamException("initial state out of range", 0);
        // one state, one encoding: a state a byte shorter would have been written so
        if (Rans.stateBytes(s) != k) throw new CorruptStreamException("initial state of " + k
                + " bytes fits in fewer", 0);
        this.x = s;
        this.pos = offset + k;
    }

    /** The 16-bit slot that selects the next symbol. */
    public int peek() {
        return (int) (x & MASK);
    }

    /** Consumes the symbol [start, start + freq) that {@link #peek()} fell into. */
    public void advance(int start, int freq) {
        x = freq * (x >>> Rans.PROB_BITS) + (x & MASK) - start;
        if (x < Rans.STATE_LOW) {
            int v;
            if (pos + 4 <= end) {
                v = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos
                        + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
                pos += 4;
            } else {
                v = 0;
                overrun = true;
            }
            x = (x << 32) | (v & 0xFFFFFFFFL);
        }
    }

    /** Reads {@code bits} raw bits (1..16) written by {@link RansEncoder#putBits}. */
    public int getBits(int bits) {
        if (bits == Rans.PROB_BITS) {
            int hi = getBits(8);
            return (hi << 8) | getBits(8);
        }
        int shift = Rans.PROB_BITS - bits;
        int v = peek() >>> shift;
        advance(v << shift, 1 << shift);
        return v;
    }

    public int position() {
        return pos;
    }

    /** Verifies that exactly the whole stream was consumed and the state returned to its initial value. */
    public void checkEnd() throws CorruptStreamException {
        if (overrun) throw new CorruptStreamException("stream ended before all symbols were decoded", end);
        if (pos != end) throw new CorruptStreamException((end - pos) + " unread bytes at the end of the stream", pos);
        if (x != Rans.STATE_LOW) throw new CorruptStreamException("final decoder state mismatch: stream is corrupt",
                pos);
    }
}
