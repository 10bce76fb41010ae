package dev.nwf.codec;

import java.util.Random;

/** Synthetic images with photo-like structure: smooth gradients, edges and noise. */
public final class TestImages {
    private TestImages() {
    }

    public static Image synthetic(int w, int h, int channels, int bitDepth, long seed) {
        Random r = new Random(seed);
        int max = (1 << bitDepth) - 1;
        int[][] p = new int[channels][w * h];
        double fx = 0.5 + r.nextDouble() * 3;
        double fy = 0.5 + r.nextDouble() * 3;
        for (int c = 0; c < channels; c++) {
            double phase = r.nextDouble() * 6;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0.5 + 0.3 * Math.sin(fx * x / Math.max(1, w) * 6 + phase) * Math.cos(fy * y / Math.max(1, h) * 6)
                            + (x > w / 2 ? 0.1 : -0.1) + r.nextGaussian() * 0.02;
                    p[c][y * w + x] = (int) Math.max(0, Math.min(max, Math.round(v * max)));
                }
            }
        }
        return new Image(w, h, bitDepth, p);
    }

    /** Uniform noise over the whole range: the worst case for any prior (exercises escapes). */
    public static Image noise(int w, int h, int channels, int bitDepth, long seed) {
        Random r = new Random(seed);
        int[][] p = new int[channels][w * h];
        for (int[] plane : p) for (int i = 0; i < plane.length; i++) plane[i] = r.nextInt(1 << bitDepth);
        return new Image(w, h, bitDepth, p);
    }

    /** An 8-bit image widened to 16 bits as converters do it: v·257. */
    public static Image times257(Image img) {
        int[][] p = new int[img.channels()][];
        for (int c = 0; c < p.length; c++) {
            p[c] = img.plane(c).clone();
            for (int i = 0; i < p[c].length; i++) p[c][i] *= 257;
        }
        return new Image(img.width(), img.height(), 16, p);
    }

    /** An image enlarged {@code factor} times by repeating pixels: flat blocks, as nearest-neighbour scaling leaves them. */
    public static Image pixelRepeated(Image img, int factor) {
        int w = img.width() * factor;
        int[][] p = new int[img.channels()][w * img.height() * factor];
        for (int c = 0; c < p.length; c++) {
            for (int i = 0; i < p[c].length; i++) p[c][i] = img.plane(c)[(i / w / factor) * img.width() + (i % w) / factor];
        }
        return new Image(w, img.height() * factor, img.bitDepth(), p);
    }

    /** Five RGBA colours (one transparent) in smooth-edged blobs, as a palette image has them. */
    public static Image fewColours(int w, int h, long seed) {
        int[][] colours = {{200, 30, 40, 255}, {20, 120, 220, 255}, {250, 250, 245, 255}, {90, 200, 60, 255}, {0, 0, 0, 0}};
        Image base = synthetic(w, h, 1, 8, seed);
        int[][] p = new int[4][w * h];
        for (int i = 0; i < w * h; i++) {
            int[] col = colours[Math.min(4, base.plane(0)[i] / 52)];
            for (int c = 0; c < 4; c++) p[c][i] = col[c];
        }
        return new Image(w, h, 8, p);
    }

    /**
     * A photo-like RGB image as JPEG leaves it (the JDK's JPEG writer, quality 0.75, 8×8 blocks starting at column and
     * row {@code start}): a larger image coded from its origin, then cropped.
     */
    public static Image blocky(int w, int h, int start, long seed) {
        int origin = (8 - start) % 8;
        Image base = synthetic(w + origin, h + origin, 3, 8, seed);
        try {
            javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f);
            java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
            try (var out = javax.imageio.ImageIO.createImageOutputStream(jpeg)) {
                writer.setOutput(out);
                writer.write(null, new javax.imageio.IIOImage(rgb(base), null, null), param);
            } finally {
                writer.dispose();
            }
            java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg.toByteArray()));
            int[][] p = new int[3][w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = read.getRGB(x + origin, y + origin);
                    p[0][y * w + x] = v >> 16 & 0xFF;
                    p[1][y * w + x] = v >> 8 & 0xFF;
                    p[2][y * w + x] = v & 0xFF;
                }
            }
            return new Image(w, h, 8, p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An 8-bit RGB image as a BufferedImage (the image-file module is built on the codec, so tests convert here). */
    private static java.awt.image.BufferedImage rgb(Image img) {
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(img.width(), img.height(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int i = y * img.width() + x;
                bi.setRGB(x, y, img.plane(0)[i] << 16 | img.plane(1)[i] << 8 | img.plane(2)[i]);
            }
        }
        return bi;
    }

    /** Samples rounded down to multiples of {@code step}: flat areas with steps between them. */
    static Image posterised(Image img, int step) {
        int[][] p = new int[img.channels()][];
        for (int c = 0; c < p.length; c++) {
            p[c] = img.plane(c).clone();
            for (int i = 0; i < p[c].length; i++) p[c][i] -= p[c][i] % step;
        }
        return new Image(img.width(), img.height(), img.bitDepth(), p);
    }

    /** RGB shading in a sawtooth along x (a slow rise over 13 pixels, then a drop), a gentle ramp along y, slight noise. */
    static Image sawtooth(int w, int h) {
        java.util.Random r = new java.util.Random(33);
        int[][] p = new int[3][w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) p[c][y * w + x] = Math.min(255, 40 + 12 * ((x + 5 * c) % 13) + y / 3 + r.nextInt(3));
            }
        }
        return new Image(w, h, 8, p);
    }

    /**
     * Two channels (gray and alpha) with the same noise: a sinusoidal texture in channel 0, a gentle ramp in channel 1.
     * Channel 1's details are channel 0's errors, not its values.
     */
    static Image sharedNoise(int w, int h, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int[][] p = new int[2][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double n = r.nextGaussian() * 4;
                p[0][y * w + x] = (int) Math.max(0, Math.min(255, Math.round(128 + 80 * Math.sin(x / 5.0 + y / 7.0) + n)));
                p[1][y * w + x] = (int) Math.max(0, Math.min(255, Math.round(100 + 60.0 * y / h + n)));
            }
        }
        return new Image(w, h, 8, p);
    }

    /**
     * Colour channels that share no structure: a diagonal sinusoid, a slow wave along x and one along y, each with its own
     * noise (an alpha channel, if asked for, a ramp).
     */
    static Image unrelatedChannels(int w, int h, int channels, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int[][] p = new int[channels][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                p[0][i] = (int) Math.round(128 + 70 * Math.sin(x / 4.0 + y / 6.0)) + r.nextInt(5) - 2;
                p[1][i] = (int) Math.round(128 + 90 * Math.sin(x / 9.0)) + r.nextInt(5) - 2;
                p[2][i] = (int) Math.round(128 + 90 * Math.cos(y / 7.0)) + r.nextInt(5) - 2;
                if (channels == 4) p[3][i] = 255 - 2 * (x % 100);
            }
        }
        return new Image(w, h, 8, p);
    }
}
