package dev.nwf.codec.nwf.context;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A band's residuals or filter errors (SPEC.md §6.3.1, §6.3.8), kept exactly, in two bytes a sample where the image's
 * depth lets them fit: at the finest level of an RGB image they are 18 arrays of a quarter of the pixels each, 9 bytes
 * a pixel less than as ints (issue #24). Of an image of up to 8 bits, 16·v − mean rarely leaves ±2^14; a value
 * outside ±32767 is kept apart, by index. Deeper images keep ints.
 */
public final class PackedInts {
    /** The deepest image whose values are packed. */
    static final int PACKED_DEPTH = 8;
    /** Marks a value kept apart. */
    private static final short APART = Short.MIN_VALUE;

    private final short[] packed;
    private final int[] ints;
    /** Values outside ±32767, by index: written by the band's coder, read by the bands coded beside it. */
    private final ConcurrentHashMap<Integer, Integer> apart;

    private PackedInts(short[] packed, int[] ints) {
        this.packed = packed;
        this.ints = ints;
        this.apart = packed == null ? null : new ConcurrentHashMap<>();
    }

    /** n zeros, packed where the image's depth is at most {@value #PACKED_DEPTH} bits. */
    public static PackedInts zeros(int n, int bitDepth) {
        return bitDepth <= PACKED_DEPTH ? new PackedInts(new short[n], null) : new PackedInts(null, new int[n]);
    }

    /** The given values, not copied (kept as ints). */
    public static PackedInts of(int[] values) {
        return new PackedInts(null, values);
    }

    /** Each of the given arrays, not copied (kept as ints). */
    public static PackedInts[] all(int[]... arrays) {
        PackedInts[] out = new PackedInts[arrays.length];
        for (int k = 0; k < arrays.length; k++) out[k] = of(arrays[k]);
        return out;
    }

    /** The value at index i. */
    public int get(int i) {
        if (ints != null) return ints[i];
        short v = packed[i];
        return v != APART ? v : apart.get(i);
    }

    /** Sets the value at index i. */
    public void set(int i, int value) {
        if (ints != null) {
            ints[i] = value;
        } else if (value > Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            // a value kept apart before is never read again once replaced: indices are written once
            packed[i] = (short) value;
        } else {
            apart.put(i, value);
            packed[i] = APART;
        }
    }

    /** Copies values [from, from + n) into {@code dst} from index {@code at}. */
    public void copyTo(int from, int[] dst, int at, int n) {
        if (ints != null) {
            System.arraycopy(ints, from, dst, at, n);
        } else {
            for (int k = 0; k < n; k++) dst[at + k] = get(from + k);
        }
    }

    /** Every value, as a new int array. */
    public int[] toInts() {
        int[] out = new int[length()];
        copyTo(0, out, 0, out.length);
        return out;
    }

    /** How many values. */
    public int length() {
        return ints != null ? ints.length : packed.length;
    }
}
