package dev.nwf.codec;

import java.util.Arrays;

/**
 * An image as integer sample planes, row-major: {@code planes[c][y * width + x]}. Channels: 1 gray, 2 gray+alpha,
 * 3 RGB, 4 RGBA; samples in [0, 2^bitDepth - 1].
 */
public final class Image {
    private final int width;
    private final int height;
    private final int bitDepth;
    private final int[][] planes;

    /** An image of {@code planes.length} channels (1 to 4), each {@code width * height} samples in raster order. */
    public Image(int width, int height, int bitDepth, int[][] planes) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("image must be at least 1x1: " + width + "x" + height);
        if (bitDepth < 1 || bitDepth > 16) throw new IllegalArgumentException("bit depth must be 1..16: " + bitDepth);
        if (planes.length < 1 || planes.length > 4) throw new IllegalArgumentException("channels must be 1..4: " + planes.length);
        int max = (1 << bitDepth) - 1;
        for (int[] p : planes) {
            if (p.length != width * height) throw new IllegalArgumentException("plane has " + p.length + " samples, expected " + width * height);
            for (int v : p) if (v < 0 || v > max) throw new IllegalArgumentException("sample " + v + " outside 0.." + max);
        }
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.planes = planes;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** Number of channels: 1 gray, 2 gray and alpha, 3 RGB, 4 RGBA. */
    public int channels() {
        return planes.length;
    }

    /** Bits per sample, 1 to 16. */
    public int bitDepth() {
        return bitDepth;
    }

    /** The live plane array of channel {@code c} (not copied, for speed). */
    public int[] plane(int c) {
        return planes[c];
    }

    /** The sample of channel {@code c} at column {@code x}, row {@code y}. */
    public int sample(int c, int x, int y) {
        return planes[c][y * width + x];
    }

    /** Width times height. */
    public long pixels() {
        return (long) width * height;
    }

    /** True when size, depth and every sample agree. */
    public boolean sameAs(Image o) {
        return o != null && width == o.width && height == o.height && bitDepth == o.bitDepth && Arrays.deepEquals(planes, o.planes);
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "x" + planes.length + ", " + bitDepth + " bit]";
    }
}
