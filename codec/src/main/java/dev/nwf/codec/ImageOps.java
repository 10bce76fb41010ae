package dev.nwf.codec;

import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.Lifting;
import dev.nwf.codec.transform.Pyramid;
/**
 * Resizing helpers for evaluation and benchmarks, the rgflow encoder's colour-transform trial, and decimation, with
 * which the ImageIO reader subsamples past a raster finish's jump.
 */
public final class ImageOps {
    private ImageOps() {
    }

    /** Area-average downscale by an integer factor (remainder rows/columns dropped), rounding half up. */
    public static Image shrink(Image img, int factor) {
        int w = Math.max(1, img.width() / factor);
        int h = Math.max(1, img.height() / factor);
        int f = Math.min(factor, Math.min(img.width(), img.height()));
        int[][] p = new int[img.channels()][w * h];
        int area = f * f;
        for (int c = 0; c < img.channels(); c++) {
            int[] src = img.plane(c);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sum = 0;
                    for (int dy = 0; dy < f; dy++) for (int dx = 0; dx < f; dx++) sum += src[(y * f + dy) * img.width()
                            + x * f + dx];
                    p[c][y * w + x] = (sum + area / 2) / area;
                }
            }
        }
        return new Image(w, h, img.bitDepth(), p);
    }

    /** The {@code w x h} rectangle of {@code img} whose top-left corner is ({@code x0}, {@code y0}). */
    public static Image crop(Image img, int x0, int y0, int w, int h) {
        int[][] p = new int[img.channels()][w * h];
        for (int c = 0; c < img.channels(); c++) {
            for (int y = 0; y < h; y++) System.arraycopy(img.plane(c), (y0 + y) * img.width() + x0, p[c], y * w, w);
        }
        return new Image(w, h, img.bitDepth(), p);
    }

    /**
     * Shrinks by the largest integer factor keeping the shorter side >= size, then takes the centre size x size square.
     */
    public static Image squareAt(Image img, int size) {
        int shorter = Math.min(img.width(), img.height());
        if (shorter < size) throw new IllegalArgumentException("image is smaller than " + size + " px");
        Image s = shorter / size > 1 ? shrink(img, shorter / size) : img;
        return crop(s, (s.width() - size) / 2, (s.height() - size) / 2, size, size);
    }

    /**
     * Every {@code factor}-th sample of every {@code factor}-th row, from (0, 0): what pixel levels of that stride hold
     * (SPEC.md §4.4.1), ⌈w / factor⌉ × ⌈h / factor⌉.
     */
    public static Image decimate(Image img, int factor) {
        int w = (img.width() + factor - 1) / factor;
        int h = (img.height() + factor - 1) / factor;
        int[][] p = new int[img.channels()][w * h];
        for (int c = 0; c < p.length; c++) {
            int[] src = img.plane(c);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) p[c][y * w + x] = src[y * factor * img.width() + x * factor];
            }
        }
        return new Image(w, h, img.bitDepth(), p);
    }

    /** Enlarges by an integer factor, each sample repeated factor × factor times. */
    public static Image nearest(Image img, int factor) {
        int w = img.width() * factor;
        int h = img.height() * factor;
        int[][] p = new int[img.channels()][w * h];
        for (int c = 0; c < img.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) p[c][y * w + x] = img.plane(c)[y / factor * img.width() + x / factor];
            }
        }
        return new Image(w, h, img.bitDepth(), p);
    }

    /** The images side by side, top-aligned, {@code gap} columns of the largest sample value between them. */
    public static Image sideBySide(java.util.List<Image> images, int gap) {
        int w = gap * (images.size() - 1);
        int h = 0;
        for (Image i : images) {
            w += i.width();
            h = Math.max(h, i.height());
        }
        Image first = images.get(0);
        int[][] p = new int[first.channels()][w * h];
        for (int[] plane : p) java.util.Arrays.fill(plane, (1 << first.bitDepth()) - 1);
        int x0 = 0;
        for (Image i : images) {
            for (int c = 0; c < p.length; c++) {
                for (int y = 0; y < i.height(); y++) System.arraycopy(i.plane(c), y * i.width(), p[c], y * w + x0,
                        i.width());
            }
            x0 += i.width() + gap;
        }
        return new Image(w, h, first.bitDepth(), p);
    }

    /**
     * Enlarges by an integer factor with a Lanczos-3 filter (the windowed sinc of ImageMagick's default {@code -filter
     * Lanczos}): rows then columns, output sample i at input position (i + 1/2) / factor − 1/2, edges repeated, each
     * result rounded and clamped to the sample range. The classic filter upsampling is measured against.
     */
    public static Image lanczos(Image img, int factor) {
        return lanczos(img, factor, false);
    }

    /**
     * {@link #lanczos(Image, int)}, or with {@code coSited} output sample i at input position i / factor: for an image
     * whose samples sit on every factor-th output sample, as a 5/3 low-pass's do.
     */
    public static Image lanczos(Image img, int factor, boolean coSited) {
        int max = (1 << img.bitDepth()) - 1;
        int[][] out = new int[img.channels()][];
        for (int c = 0; c < img.channels(); c++) {
            out[c] = lanczos(img.plane(c), img.width(), img.height(), factor, coSited);
            for (int i = 0; i < out[c].length; i++) out[c][i] = Math.max(0, Math.min(max, out[c][i]));
        }
        return new Image(img.width() * factor, img.height() * factor, img.bitDepth(), out);
    }

    /** {@link #lanczos(Image, int)} of one w×h plane of any integers, rounded but not clamped. */
    public static int[] lanczos(int[] src, int w, int h, int factor) {
        return lanczos(src, w, h, factor, false);
    }

    private static int[] lanczos(int[] src, int w, int h, int factor, boolean coSited) {
        int ow = w * factor;
        double[] rows = new double[ow * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < ow; x++) rows[y * ow + x] = lanczosAt(i -> src[i], y * w, 1, w, x, factor, coSited);
        }
        int[] p = new int[ow * h * factor];
        for (int y = 0; y < h * factor; y++) {
            for (int x = 0; x < ow; x++) {
                p[y * ow + x] = (int) Math.round(lanczosAt(i -> rows[i], x, ow, h, y, factor, coSited));
            }
        }
        return p;
    }

    private static final int LANCZOS_LOBES = 3;

    /** Output sample {@code i} of a line of {@code n} inputs at {@code start + k * stride}, enlarged by factor. */
    private static double lanczosAt(java.util.function.IntToDoubleFunction line, int start, int stride, int n, int i,
            int factor, boolean coSited) {
        double centre = coSited ? i / (double) factor : (i + 0.5) / factor - 0.5;
        int first = (int) Math.floor(centre) - LANCZOS_LOBES + 1;
        double sum = 0;
        double weights = 0;
        for (int k = first; k < first + 2 * LANCZOS_LOBES; k++) {
            double wt = lanczosKernel(centre - k);
            sum += wt * line.applyAsDouble(start + Math.max(0, Math.min(n - 1, k)) * stride);
            weights += wt;
        }
        return sum / weights;
    }

    private static double lanczosKernel(double x) {
        if (x == 0) return 1;
        if (Math.abs(x) >= LANCZOS_LOBES) return 0;
        double px = Math.PI * x;
        return LANCZOS_LOBES * Math.sin(px) * Math.sin(px / LANCZOS_LOBES) / (px * px);
    }

    /** Peak signal-to-noise ratio (dB) of {@code b} against {@code a} over every sample, the peak 2^depth − 1. */
    public static double psnr(Image a, Image b) {
        double se = 0;
        long n = 0;
        for (int c = 0; c < a.channels(); c++) {
            int[] pa = a.plane(c);
            int[] pb = b.plane(c);
            for (int i = 0; i < pa.length; i++) {
                double d = pa[i] - pb[i];
                se += d * d;
                n++;
            }
        }
        double max = (1 << a.bitDepth()) - 1;
        return 10 * Math.log10(max * max / (se / n));
    }

    /**
     * The codec's own low-pass {@code times} levels down (the standard colour transform's planes split with the 5/3,
     * clamped back to an image): what a truncated .nwf file shows, what {@code upsample}'s level mode enlarges.
     */
    public static Image codecLevel(Image img, int times) {
        ColourTransform ct = ColourTransform.standard(img.channels());
        int[][] p = Pyramid.transformedPlanes(img, ct);
        int w = img.width();
        int h = img.height();
        for (int t = 0; t < times; t++) {
            p = Pyramid.splitOnce(p, w, h, Lifting.Filter.LE_GALL_53).low();
            w = (w + 1) / 2;
            h = (h + 1) / 2;
        }
        return Pyramid.toImage(p, w, h, img.bitDepth(), ct, true);
    }
}
