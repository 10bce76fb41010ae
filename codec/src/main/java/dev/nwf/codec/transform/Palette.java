package dev.nwf.codec.transform;

import dev.nwf.codec.Image;
import dev.nwf.codec.entropy.CorruptStreamException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A whole-colour palette (SPEC.md §4.0.1, the palette tool): an image of 2 to 4 channels that uses few distinct
 * colours is coded as one plane of indices into its colour list, and the decoder maps indices back to colours. Plots,
 * diagrams and sprites use a few dozen to a few thousand colours: one index per pixel instead of three or four samples.
 * Colours are listed by brightness (then alpha, then their samples), so that an anti-aliased edge's shades are
 * neighbouring indices, as the levels' prediction needs.
 */
public final class Palette {
    /** The most colours the encoder lists: above this a palette rarely pays. */
    public static final int MAX_COLOURS = 1 << 12;
    /** The most colours a file may list: 16-bit indices. */
    static final int MAX_FILE_COLOURS = 1 << 16;

    /** colours[i]: the samples of colour i, one per channel. */
    private final int[][] colours;
    private final int depth;
    private final int codedDepth;
    private byte[] bytes;

    private Palette(int[][] colours, int depth) {
        this.colours = colours;
        this.depth = depth;
        this.codedDepth = ValueMap.bitsFor(colours.length);
    }

    /** Colours listed. */
    public int size() {
        return colours.length;
    }

    /** The depth the index plane is coded at. */
    public int codedDepth() {
        return codedDepth;
    }

    /** The palette of an image of 2 to 4 channels using at most {@link #MAX_COLOURS} colours, else null. */
    public static Palette fit(Image image) {
        int channels = image.channels();
        if (channels < 2) return null;
        Map<Long, int[]> seen = new HashMap<>();
        int n = image.width() * image.height();
        for (int i = 0; i < n; i++) {
            long key = key(image, i);
            if (!seen.containsKey(key)) {
                if (seen.size() == MAX_COLOURS) return null;
                int[] colour = new int[channels];
                for (int c = 0; c < channels; c++) colour[c] = image.at(c, i);
                seen.put(key, colour);
            }
        }
        int[][] colours = seen.values().toArray(new int[0][]);
        Arrays.sort(colours, Palette::compare);
        return new Palette(colours, image.bitDepth());
    }

    /** Brightness (RGB's luma weights; gray as it is), then alpha, then the samples in order. */
    private static int compare(int[] a, int[] b) {
        int c = Long.compare(brightness(a), brightness(b));
        if (c != 0) return c;
        c = Integer.compare(a[a.length - 1], b[b.length - 1]);
        return c != 0 ? c : samples(a, b);
    }

    /** The samples in channel order (not Arrays.compare: the browser build's class library lacks it). */
    static int samples(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Integer.compare(a[i], b[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    private static long brightness(int[] colour) {
        return colour.length >= 3 ? 299L * colour[0] + 587L * colour[1] + 114L * colour[2] : 1000L * colour[0];
    }

    private static long key(Image image, int i) {
        long k = 0;
        for (int c = 0; c < image.channels(); c++) k = k << 16 | image.at(c, i);
        return k;
    }

    /** The image as one plane of indices into the palette, at {@link #codedDepth}. */
    public Image toIndices(Image image) {
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < colours.length; i++) {
            long k = 0;
            for (int s : colours[i]) k = k << 16 | s;
            index.put(k, i);
        }
        int n = image.width() * image.height();
        if (codedDepth <= 8) {
            // indices of at most 8 bits held as bytes (issue #24)
            byte[] packed = new byte[n];
            for (int i = 0; i < n; i++) packed[i] = (byte) (int) index.get(key(image, i));
            return Image.ofBytes(image.width(), image.height(), codedDepth, new byte[][] {packed});
        }
        int[] plane = new int[n];
        for (int i = 0; i < n; i++) plane[i] = index.get(key(image, i));
        return new Image(image.width(), image.height(), codedDepth, new int[][] {plane});
    }

    /**
     * The image an index plane stands for. With {@code clamp} (an intermediate level shown for display) indices beyond
     * the palette take its last colour; without, such an index means the file is corrupt.
     */
    public Image toColours(Image indices, boolean clamp) {
        int channels = colours[0].length;
        int n = indices.width() * indices.height();
        int[][] planes = new int[channels][n];
        int[] src = indices.plane(0);
        for (int i = 0; i < n; i++) {
            int k = src[i];
            if (k >= colours.length) {
                if (!clamp) throw new IllegalArgumentException("index " + k + ", the palette has " + colours.length
                        + " colours");
                k = colours.length - 1;
            }
            for (int c = 0; c < channels; c++) planes[c][i] = colours[k][c];
        }
        return new Image(indices.width(), indices.height(), depth, planes);
    }

    /** The palette as the tool list carries it, after its length: its count, then its colours' stream (§4.0.1). */
    public byte[] toBytes() {
        if (bytes == null) bytes = PaletteList.write(colours, depth);
        return bytes;
    }

    /**
     * A palette of these colours (any order; listed by brightness, as {@link #fit} lists them) for samples of this
     * depth: for writing a list by hand, as the conformance vectors do.
     */
    public static Palette of(int[][] colours, int depth) {
        int[][] sorted = colours.clone();
        Arrays.sort(sorted, Palette::compare);
        return new Palette(sorted, depth);
    }

    /**
     * Reads the palette held in {@code b[start, end)} for an image of this many channels (2 to 4) and depth; errors
     * name offsets into {@code b}.
     */
    public static Palette read(byte[] b, int start, int end, int channels, int depth) throws CorruptStreamException {
        // the count: a LEB128 number of at most 3 bytes
        int count = 0;
        int pos = start;
        for (int shift = 0; ; shift += 7) {
            if (pos >= end) throw new CorruptStreamException("palette ends inside its count", start);
            if (shift > 14) throw new CorruptStreamException("palette count longer than 3 bytes", start);
            int x = b[pos++] & 0xFF;
            count |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) break;
        }
        if (count < 1 || count > MAX_FILE_COLOURS) throw new CorruptStreamException("palette of " + count + " colours",
                start);
        int[][] colours = PaletteList.read(b, pos, end, count, channels, depth);
        Arrays.sort(colours, Palette::compare);
        return new Palette(colours, depth);
    }
}
