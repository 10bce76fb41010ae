package dev.nwf.codec.transform;

import dev.nwf.codec.Image;
import dev.nwf.codec.entropy.CorruptStreamException;
import java.io.ByteArrayOutputStream;

/**
 * Per-channel value maps (SPEC.md §4.0, the value-map tool): when every channel uses few distinct values — 8-bit
 * data stored as 16 bits (v·257), a stretched histogram with gaps, a palette-like image — the levels code each
 * sample's rank among its channel's values at a lower depth, and the decoder maps ranks back. Prediction then sees
 * neighbouring values one step apart, and the prior's scales fit the data instead of its container.
 */
public final class ValueMap {
    /** values[c]: channel c's distinct values, ascending; a sample's rank is its index here. */
    private final int[][] values;
    private final int depth;
    private final int codedDepth;

    private ValueMap(int[][] values, int depth) {
        this.values = values;
        this.depth = depth;
        int most = 1;
        for (int[] v : values) most = Math.max(most, v.length);
        this.codedDepth = bitsFor(most);
    }

    /** Bits that hold ranks 0..n-1: at least 1. */
    static int bitsFor(int n) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
    }

    /**
     * The map of an image's used values when it pays: ranks need fewer bits than the image's depth, and the map's
     * bytes are under half of what it saves. What ranks save is measured where prediction feels it, between
     * horizontal neighbours: a pair of different values whose ranks are r apart and values d apart saves about
     * log2(d/r) bits (8 for 8-bit data stored as v·257; about nothing for a photo whose missing values lie in its
     * histogram's tails). Else null.
     */
    public static ValueMap fit(Image image) {
        ValueMap map = used(image);
        if (map == null) return null;
        double saved = 0;
        for (int c = 0; c < image.channels(); c++) {
            int[] rank = map.ranks(c);
            int[] p = image.plane(c);
            for (int i = 1; i < p.length; i++) {
                int d = Math.abs(p[i] - p[i - 1]);
                if (d != 0) saved += LOG2[Math.min(LOG2.length - 1, d / Math.abs(rank[p[i]] - rank[p[i - 1]]))];
            }
        }
        return 2.0 * 8 * (2 + map.toBytes().length) < saved ? map : null;
    }

    /**
     * The map of an image's used values where {@link #fit} declines it but ranks would still need fewer bits than an
     * image of more than 8 bits: a candidate for the encoder to code both ways. The context model's learners scale
     * their steps by the depth (SPEC.md §6.3.3), so 12-bit data in 16-bit samples (a CT scan, a camera's raw values)
     * misleads them by 16 times, which the map's bytes may or may not outweigh (set P's CT slices: 7–9 % smaller
     * with it; a small synthetic 12-bit image, whose map lists values with random gaps, 3 % larger). Else null.
     */
    public static ValueMap forDepth(Image image) {
        return image.bitDepth() > 8 ? used(image) : null;
    }

    /** log2(n) for the integer ratios {@link #fit} meets, capped at 2^16. */
    private static final double[] LOG2 = new double[(1 << 16) + 1];

    static {
        for (int n = 1; n < LOG2.length; n++) LOG2[n] = Math.log(n) / Math.log(2);
    }

    /** A sample's rank in channel c, indexed by its value. */
    private int[] ranks(int c) {
        int[] rank = new int[1 << depth];
        for (int i = 0; i < values[c].length; i++) rank[values[c][i]] = i;
        return rank;
    }

    /** The map of an image's used values when ranks need fewer bits than the image's depth, else null. */
    static ValueMap used(Image image) {
        int depth = image.bitDepth();
        int[][] values = new int[image.channels()][];
        for (int c = 0; c < values.length; c++) {
            boolean[] used = new boolean[1 << depth];
            int n = 0;
            for (int v : image.plane(c)) {
                if (!used[v]) {
                    used[v] = true;
                    n++;
                }
            }
            // a channel needing the full depth already decides: no map
            if (bitsFor(n) >= depth) return null;
            int[] list = new int[n];
            for (int v = 0, i = 0; v < used.length; v++) if (used[v]) list[i++] = v;
            values[c] = list;
        }
        return new ValueMap(values, depth);
    }

    /** The depth the levels are coded at: enough bits for the largest channel's ranks. */
    public int codedDepth() {
        return codedDepth;
    }

    int channelSize(int c) {
        return values[c].length;
    }

    /** The image of ranks that the levels code (of at most 8 bits held as bytes, issue #24). */
    public Image toRanks(Image image) {
        int n = (int) image.pixels();
        if (codedDepth <= 8) {
            byte[][] packed = new byte[values.length][n];
            for (int c = 0; c < packed.length; c++) {
                int[] rank = ranks(c);
                for (int i = 0; i < n; i++) packed[c][i] = (byte) rank[image.at(c, i)];
            }
            return Image.ofBytes(image.width(), image.height(), codedDepth, packed);
        }
        int[][] planes = new int[values.length][];
        for (int c = 0; c < planes.length; c++) {
            int[] rank = ranks(c);
            int[] src = image.plane(c);
            int[] dst = new int[src.length];
            for (int i = 0; i < src.length; i++) dst[i] = rank[src[i]];
            planes[c] = dst;
        }
        return new Image(image.width(), image.height(), codedDepth, planes);
    }

    /**
     * The image a rank image stands for. With {@code clamp} (an intermediate level shown for display) ranks beyond a
     * channel's values take its largest; without, such a rank means the file is corrupt.
     */
    public Image toValues(Image ranks, boolean clamp) {
        int[][] planes = new int[values.length][];
        for (int c = 0; c < planes.length; c++) {
            int[] map = values[c];
            int[] src = ranks.plane(c);
            int[] dst = new int[src.length];
            for (int i = 0; i < src.length; i++) {
                int r = src[i];
                if (r >= map.length) {
                    if (!clamp) throw new IllegalArgumentException("rank " + r + " in channel " + c + ", which has "
                            + map.length + " values");
                    r = map.length - 1;
                }
                dst[i] = map[r];
            }
            planes[c] = dst;
        }
        return new Image(ranks.width(), ranks.height(), depth, planes);
    }

    /** The map as the tool list carries it (computed once: {@link #fit} measures it, the tool list writes it). */
    private byte[] bytes;

    /** The map as the tool list carries it, after its length: raw DEFLATE of LEB128 counts, first values and gaps. */
    public byte[] toBytes() {
        if (bytes == null) bytes = deflate();
        return bytes;
    }

    private byte[] deflate() {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        for (int[] v : values) {
            writeVarint(plain, v.length);
            writeVarint(plain, v[0]);
            for (int i = 1; i < v.length; i++) writeVarint(plain, v[i] - v[i - 1]);
        }
        return DeflatedNumbers.deflate(plain);
    }

    /**
     * Reads the map held in {@code b[start, end)} (the value-map tool's parameters after their length, SPEC.md §4.0)
     * for an image of this many channels and depth; errors name offsets into {@code b}.
     */
    public static ValueMap read(byte[] b, int start, int end, int channels, int depth) throws CorruptStreamException {
        // ranks must be fewer than 2^depth values; each LEB128 number takes at most 3 bytes at 16 bits
        DeflatedNumbers numbers = DeflatedNumbers.inflate("value map", b, start, end,
                channels * (3 + 3 * (1 << depth)));
        int[][] values = new int[channels][];
        int max = (1 << depth) - 1;
        for (int c = 0; c < channels; c++) {
            int count = numbers.next();
            if (count < 1 || count > max) throw new CorruptStreamException("value map of channel " + c + " has " + count
                    + " values", start);
            int[] v = new int[count];
            v[0] = numbers.next();
            for (int i = 1; i < count; i++) {
                int gap = numbers.next();
                if (gap < 1) throw new CorruptStreamException("value map of channel " + c
                        + " is not increasing at value " + i, start);
                v[i] = v[i - 1] + gap;
                if (v[i] > max) break;
            }
            if (v[count - 1] > max || v[0] > max) {
                throw new CorruptStreamException("value map of channel " + c + " exceeds " + depth + "-bit samples",
                        start);
            }
            values[c] = v;
        }
        if (numbers.remaining() != 0) throw new CorruptStreamException("value map has " + numbers.remaining()
                + " bytes after its last channel", start);
        ValueMap map = new ValueMap(values, depth);
        if (map.codedDepth >= depth) {
            throw new CorruptStreamException("value map needs " + map.codedDepth
                    + "-bit ranks, not fewer than the image's " + depth + " bits", start);
        }
        return map;
    }

    /** Each channel's number of values. */
    public java.util.List<Integer> counts() {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int[] v : values) out.add(v.length);
        return out;
    }

    /** Each channel's number of values, as `nwf info` shows them: "200" or "3/4/4". */
    public String describeCounts() {
        StringBuilder b = new StringBuilder();
        for (int[] v : values) b.append(b.length() == 0 ? "" : "/").append(v.length);
        return b.toString();
    }

    /** Unsigned LEB128, as the map stores its numbers (SPEC.md §4.0) and band streams their lengths (§6.5). */
    public static void writeVarint(ByteArrayOutputStream out, int v) {
        while (v >= 0x80) {
            out.write(v & 0x7F | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }
}
