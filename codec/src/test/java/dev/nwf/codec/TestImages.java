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
     * A photo-like image as JPEG leaves it: each 8×8 block (blocks start at column and row {@code start}) through a
     * DCT, quantised with steps growing with frequency, and back (StrictMath: the same integers everywhere).
     */
    public static Image blocky(int w, int h, int channels, int start, long seed) {
        Image base = synthetic(w, h, channels, 8, seed);
        int[][] p = new int[channels][];
        for (int c = 0; c < channels; c++) p[c] = jpegLike(base.plane(c), w, h, start);
        return new Image(w, h, 8, p);
    }

    static int[] jpegLike(int[] plane, int w, int h, int start) {
        double[][] cos = new double[8][8];
        for (int k = 0; k < 8; k++) for (int n = 0; n < 8; n++) cos[k][n] = StrictMath.cos((2 * n + 1) * k * StrictMath.PI / 16);
        int[] out = plane.clone();
        for (int by = start - 8; by < h; by += 8) {
            for (int bx = start - 8; bx < w; bx += 8) {
                double[][] block = new double[8][8];
                for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) block[y][x] = plane[clamp(by + y, h) * w + clamp(bx + x, w)] - 128;
                double[][] coef = new double[8][8];
                for (int v = 0; v < 8; v++) {
                    for (int u = 0; u < 8; u++) {
                        double sum = 0;
                        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) sum += block[y][x] * cos[u][x] * cos[v][y];
                        double norm = (u == 0 ? StrictMath.sqrt(0.125) : 0.5) * (v == 0 ? StrictMath.sqrt(0.125) : 0.5);
                        double step = 4 + 3 * (u + v);
                        coef[v][u] = StrictMath.rint(sum * norm / step) * step;
                    }
                }
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        if (by + y < 0 || by + y >= h || bx + x < 0 || bx + x >= w) continue;
                        double sum = 0;
                        for (int v = 0; v < 8; v++) {
                            for (int u = 0; u < 8; u++) {
                                double norm = (u == 0 ? StrictMath.sqrt(0.125) : 0.5) * (v == 0 ? StrictMath.sqrt(0.125) : 0.5);
                                sum += norm * coef[v][u] * cos[u][x] * cos[v][y];
                            }
                        }
                        out[(by + y) * w + bx + x] = (int) Math.max(0, Math.min(255, StrictMath.rint(sum + 128)));
                    }
                }
            }
        }
        return out;
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }
}
