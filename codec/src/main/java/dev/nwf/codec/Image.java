package dev.nwf.codec;

import java.lang.ref.SoftReference;
import java.util.Arrays;

/**
 * An image as integer sample planes, row-major: {@code plane(c)[y * width + x]}. Channels: 1 gray, 2 gray+alpha,
 * 3 RGB, 4 RGBA; samples in [0, 2^bitDepth - 1].
 *
 * <p>An image of at most 8 bits may hold its samples packed, a byte each ({@link #ofBytes}): a quarter of the memory
 * of int planes, which matters while a large image is encoded (issue #24). Its {@link #plane} is then an int copy made
 * on demand and kept only while memory allows; {@link #copyPlane} makes one that is not kept.
 */
public final class Image {
    private final int width;
    private final int height;
    private final int bitDepth;
    /** The samples as ints, or null where they are packed. */
    private final int[][] planes;
    /** The samples a byte each (unsigned), or null. */
    private final byte[][] packed;
    /** Packed planes as ints, made on demand; let go when memory runs short. */
    private final SoftReference<int[]>[] expanded;

    /** An image of {@code planes.length} channels (1 to 4), each {@code width * height} samples in raster order. */
    public Image(int width, int height, int bitDepth, int[][] planes) {
        this(width, height, bitDepth, planes.length, planes, null);
        int max = (1 << bitDepth) - 1;
        for (int[] p : planes) {
            if (p.length != width * height) throw new IllegalArgumentException("plane has " + p.length
                    + " samples, expected " + width * height);
            for (int v : p) if (v < 0 || v > max) throw new IllegalArgumentException("sample " + v + " outside 0.."
                    + max);
        }
    }

    @SuppressWarnings("unchecked")
    private Image(int width, int height, int bitDepth, int channels, int[][] planes, byte[][] packed) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("image must be at least 1x1: " + width + "x"
                + height);
        if (bitDepth < 1 || bitDepth > 16) throw new IllegalArgumentException("bit depth must be 1..16: " + bitDepth);
        if (channels < 1 || channels > 4) throw new IllegalArgumentException("channels must be 1..4: " + channels);
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.planes = planes;
        this.packed = packed;
        this.expanded = packed == null ? null : new SoftReference[channels];
    }

    /**
     * An image of at most 8 bits whose samples are held packed, a byte each (unsigned), not copied: {@code samples[c]}
     * holds channel c's {@code width * height} samples in raster order.
     */
    public static Image ofBytes(int width, int height, int bitDepth, byte[][] samples) {
        if (bitDepth > 8) throw new IllegalArgumentException("packed samples have at most 8 bits: " + bitDepth);
        Image image = new Image(width, height, bitDepth, samples.length, null, samples);
        int max = (1 << bitDepth) - 1;
        for (byte[] p : samples) {
            if (p.length != width * height) throw new IllegalArgumentException("plane has " + p.length
                    + " samples, expected " + width * height);
            if (max < 255) for (byte v : p) if ((v & 0xFF) > max) throw new IllegalArgumentException("sample "
                    + (v & 0xFF) + " outside 0.." + max);
        }
        return image;
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
        return planes != null ? planes.length : packed.length;
    }

    /** Bits per sample, 1 to 16. */
    public int bitDepth() {
        return bitDepth;
    }

    /**
     * The samples of channel {@code c}: the live plane array of an image of int planes (not copied, for speed); of a
     * packed image an int copy kept while memory allows, to be read only.
     */
    public int[] plane(int c) {
        if (planes != null) return planes[c];
        SoftReference<int[]> ref = expanded[c];
        int[] p = ref == null ? null : ref.get();
        if (p == null) {
            synchronized (expanded) {
                ref = expanded[c];
                p = ref == null ? null : ref.get();
                if (p == null) {
                    p = copyPlane(c);
                    expanded[c] = new SoftReference<>(p);
                }
            }
        }
        return p;
    }

    /** A new copy of channel {@code c}'s samples, which the caller may change. */
    public int[] copyPlane(int c) {
        if (planes != null) return planes[c].clone();
        byte[] b = packed[c];
        int[] p = new int[b.length];
        for (int i = 0; i < b.length; i++) p[i] = b[i] & 0xFF;
        return p;
    }

    /** The sample of channel {@code c} at column {@code x}, row {@code y}. */
    public int sample(int c, int x, int y) {
        return at(c, y * width + x);
    }

    /** The sample of channel {@code c} at index {@code i} (y * width + x). */
    public int at(int c, int i) {
        return planes != null ? planes[c][i] : packed[c][i] & 0xFF;
    }

    /** Width times height. */
    public long pixels() {
        return (long) width * height;
    }

    /** True when size, depth and every sample agree (however each image holds them). */
    public boolean sameAs(Image o) {
        if (o == null || width != o.width || height != o.height || bitDepth != o.bitDepth
                || channels() != o.channels()) return false;
        if (planes != null && o.planes != null) return Arrays.deepEquals(planes, o.planes);
        if (packed != null && o.packed != null) return Arrays.deepEquals(packed, o.packed);
        for (int c = 0; c < channels(); c++) {
            if (!Arrays.equals(copyPlane(c), o.copyPlane(c))) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "x" + channels() + ", " + bitDepth + " bit]";
    }
}
