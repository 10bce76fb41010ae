package dev.nwf.codec;
/** Resizing helpers for evaluation and benchmarks (not part of the coding path). */
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
}
