package dev.nwf.codec.entropy;

import java.util.Arrays;

/**
 * rANS encoder over 16-bit frequency tables (SPEC.md §3.1). rANS is last-in first-out, so symbols are buffered
 * and coded backwards by {@link #finish()}; the decoder then reads them in the order they were given here.
 */
public final class RansEncoder {
    /**
     * Queued symbols, start << 16 | freq (both below 2^16), one int each, in blocks of {@value #BLOCK} so that the
     * millions a large level queues are never copied into a bigger array (which would briefly hold them three times).
     */
    private int[][] blocks = new int[16][];
    private int count;

    private static final int BLOCK_BITS = 16;
    private static final int BLOCK = 1 << BLOCK_BITS;
    /** The first block's size before it grows, by doubling, to {@link #BLOCK}. */
    private static final int FIRST_BLOCK = 1 << 10;

    /** Queues a symbol occupying [start, start + freq) of the 2^16 total; freq in 1..2^16-1. */
    public void put(int start, int freq) {
        if (freq < 1 || freq >= Rans.PROB_TOTAL || start < 0 || start + freq > Rans.PROB_TOTAL) {
            throw new IllegalArgumentException("bad symbol interval [" + start + ", " + (start + freq) + ")");
        }
        int b = count >>> BLOCK_BITS;
        int i = count & (BLOCK - 1);
        if (b == blocks.length) blocks = Arrays.copyOf(blocks, b * 2);
        int[] block = blocks[b];
        if (block == null) {
            blocks[b] = block = new int[b == 0 ? FIRST_BLOCK : BLOCK];
        } else if (i == block.length) {
            // only the first block grows: a small band's symbols take a small array (one encoder per band, §6.5)
            blocks[b] = block = Arrays.copyOf(block, 2 * i);
        }
        block[i] = start << Rans.PROB_BITS | freq;
        count++;
    }

    /** Queues {@code bits} raw bits (1..16) of {@code value}, each equally likely. */
    public void putBits(int value, int bits) {
        if (bits < 1 || bits > Rans.PROB_BITS) throw new IllegalArgumentException("bits must be 1..16: " + bits);
        int shift = Rans.PROB_BITS - bits;
        int v = value & ((1 << bits) - 1);
        if (bits == Rans.PROB_BITS) {
            // freq 2^16 is not allowed; split a 16-bit value into two bytes
            putBits(v >>> 8, 8);
            putBits(v, 8);
            return;
        }
        put(v << shift, 1 << shift);
    }

    /** Queues every symbol {@code other} has queued, after those queued here; {@code other} is left as it was. */
    public void append(RansEncoder other) {
        for (int i = 0; i < other.count; i++) {
            int s = other.symbol(i);
            put(s >>> Rans.PROB_BITS, s & (Rans.PROB_TOTAL - 1));
        }
    }

    public int symbolCount() {
        return count;
    }

    /** Sum of -log2(freq / 2^16) over the queued symbols: the size an ideal coder would reach. */
    public double idealBits() {
        double bits = 0;
        for (int i = 0; i < count; i++) bits += Rans.PROB_BITS - Math.log(freq(symbol(i))) / Math.log(2);
        return bits;
    }

    /**
     * Codes every queued symbol and returns the stream: the final state in the fewest of 5 to 8 bytes that hold it,
     * then 32-bit words, big-endian.
     */
    public byte[] finish() {
        byte[] out = encodeBackwards(count, this::symbol);
        count = 0;
        for (int b = 1; b < blocks.length; b++) blocks[b] = null; // a large level's symbols are not kept for the next
        return out;
    }

    /**
     * Codes {@code count} symbols, each start << 16 | freq as {@code symbol} gives it, last first, and returns the
     * stream as {@link #finish} does: for queues kept in another form (a binary coder's, two bytes and a bit each).
     */
    public static byte[] encodeBackwards(int count, java.util.function.IntUnaryOperator symbol) {
        int[] words = new int[Math.max(16, count / 2 + 16)];
        int w = words.length;
        long x = Rans.STATE_LOW;
        for (int i = count - 1; i >= 0; i--) {
            int sym = symbol.applyAsInt(i);
            int freq = freq(sym);
            long xMax = ((Rans.STATE_LOW >>> Rans.PROB_BITS) << 32) * freq;
            if (x >= xMax) {
                if (w == 0) {
                    int[] bigger = new int[words.length * 2];
                    System.arraycopy(words, 0, bigger, words.length, words.length);
                    w = words.length;
                    words = bigger;
                }
                words[--w] = (int) x;
                x >>>= 32;
            }
            x = ((x / freq) << Rans.PROB_BITS) + (x % freq) + (sym >>> Rans.PROB_BITS);
        }
        int nWords = words.length - w;
        int k = Rans.stateBytes(x);
        byte[] out = new byte[k + 4 * nWords];
        for (int i = 0; i < k; i++) out[i] = (byte) (x >>> (8 * (k - 1 - i)));
        for (int i = 0; i < nWords; i++) {
            int v = words[w + i];
            int o = k + 4 * i;
            out[o] = (byte) (v >>> 24);
            out[o + 1] = (byte) (v >>> 16);
            out[o + 2] = (byte) (v >>> 8);
            out[o + 3] = (byte) v;
        }
        return out;
    }

    private int symbol(int i) {
        return blocks[i >>> BLOCK_BITS][i & (BLOCK - 1)];
    }

    private static int freq(int symbol) {
        return symbol & (Rans.PROB_TOTAL - 1);
    }
}
