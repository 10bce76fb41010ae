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
}
