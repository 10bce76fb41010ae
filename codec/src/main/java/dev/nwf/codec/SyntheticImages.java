package dev.nwf.codec;

import java.util.Random;

/**
 * Deterministic synthetic images: what the conformance vectors are coded from ({@code nwf conformance generate}) and
 * what the tests code, in one place so that every decoder's test image can be reproduced. Those the vectors use compute
 * with {@code StrictMath}, giving the same samples on every JVM.
 */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    /** Smooth waves with a step and +-1 noise: a photo-like test image, the same on every JVM. */
    public static Image fixedWaves(int w, int h, int channels, int depth, long seed) {
        Random r = new Random(seed);
        int max = (1 << depth) - 1;
        int[][] p = new int[channels][w * h];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0.5 + 0.35 * StrictMath.sin(0.21 * x + c) * StrictMath.cos(0.17 * y - c)
                            + (x > w / 2 ? 0.08 : -0.08);
                    p[c][y * w + x] = (int) Math.max(0, Math.min(max, Math.round(v * max) + r.nextInt(3) - 1));
                }
            }
        }
        return new Image(w, h, depth, p);
    }

    /** Uniform noise over the whole range: an image no model can compress. */
    public static Image noise(int w, int h, int channels, int depth, long seed) {
        Random r = new Random(seed);
        int[][] p = new int[channels][w * h];
        for (int[] plane : p) for (int i = 0; i < plane.length; i++) plane[i] = r.nextInt(1 << depth);
        return new Image(w, h, depth, p);
    }

    /** An 8-bit image as 16-bit samples the way converters widen them: v·257. */
    public static Image times257(Image img) {
        int[][] p = new int[img.channels()][];
        for (int c = 0; c < p.length; c++) {
            p[c] = img.plane(c).clone();
            for (int i = 0; i < p[c].length; i++) p[c][i] *= 257;
        }
        return new Image(img.width(), img.height(), 16, p);
    }

    /**
     * Colours near gray with a red cast and red clipped in a corner: red and blue follow green, as subtract green
     * assumes.
     */
    public static Image greenish(int w, int h, int channels, long seed) {
        Image base = fixedWaves(w, h, 1, 8, seed);
        Random r = new Random(seed);
        int[][] p = new int[channels][w * h];
        for (int i = 0; i < w * h; i++) {
            int g = base.plane(0)[i];
            p[0][i] = i % w > w * 2 / 3 && i / w < h / 3 ? 255 : Math.min(255, g + 40);
            p[1][i] = g;
            p[2][i] = Math.max(0, g - 10 + r.nextInt(2));
            if (channels == 4) p[3][i] = 255 - (i % w) * 2;
        }
        return new Image(w, h, 8, p);
    }

    /** Four colours (one transparent) in blobs, as in a palette image. */
    public static Image fourColours(int w, int h, long seed) {
        int[][] colours = {{200, 30, 40, 255}, {20, 120, 220, 255}, {250, 250, 245, 255}, {0, 0, 0, 0}};
        Image base = fixedWaves(w, h, 1, 8, seed);
        int[][] p = new int[4][w * h];
        for (int i = 0; i < w * h; i++) {
            int[] col = colours[Math.min(3, base.plane(0)[i] / 64)];
            for (int c = 0; c < 4; c++) p[c][i] = col[c];
        }
        return new Image(w, h, 8, p);
    }

    /**
     * RGB shading in a sawtooth along x (a slow rise over 13 pixels, then a drop), a gentle ramp along y, slight noise.
     */
    public static Image sawtooth(int w, int h) {
        java.util.Random r = new java.util.Random(33);
        int[][] p = new int[3][w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) p[c][y * w + x] = Math.min(255,
                        40 + 12 * ((x + 5 * c) % 13) + y / 3 + r.nextInt(3));
            }
        }
        return new Image(w, h, 8, p);
    }

    /** Samples rounded down to multiples of {@code step}: flat areas with steps between them. */
    public static Image posterised(Image img, int step) {
        int[][] p = new int[img.channels()][];
        for (int c = 0; c < p.length; c++) {
            p[c] = img.plane(c).clone();
            for (int i = 0; i < p[c].length; i++) p[c][i] -= p[c][i] % step;
        }
        return new Image(img.width(), img.height(), img.bitDepth(), p);
    }

    /** The image enlarged twice by repeating pixels, cropped to w×h. */
    public static Image pixelRepeated(Image img, int w, int h) {
        int[][] p = new int[img.channels()][w * h];
        for (int c = 0; c < p.length; c++) {
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) p[c][y * w + x] = img.plane(c)[(y / 2) * img.width()
                    + x / 2];
        }
        return new Image(w, h, img.bitDepth(), p);
    }

    /**
     * Channels that share no structure: the first {@link #synthetic}'s pattern, the second {@link #waves}, the third
     * waves along the other axis (an alpha channel, if asked for, a ramp).
     */
    public static Image unrelatedWaves(int w, int h, int channels, long seed) {
        int[][] p = new int[channels][];
        p[0] = fixedWaves(w, h, 1, 8, seed).plane(0);
        p[1] = waves(w, h, seed + 1).plane(0);
        int[] across = waves(h, w, seed + 2).plane(0);
        p[2] = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) p[2][y * w + x] = across[x * h + y];
        if (channels == 4) {
            p[3] = new int[w * h];
            for (int i = 0; i < w * h; i++) p[3][i] = 255 - (i % w) * 2;
        }
        return new Image(w, h, 8, p);
    }

    /**
     * {@code img} with one sample in eight raised by 1 (clamped): Haar still wins, its finest details are no longer all
     * 0.
     */
    public static Image speckled(Image img, long seed) {
        Random r = new Random(seed);
        int max = (1 << img.bitDepth()) - 1;
        int[][] p = new int[img.channels()][];
        for (int c = 0; c < p.length; c++) {
            p[c] = img.plane(c).clone();
            for (int i = 0; i < p[c].length; i++) if (r.nextInt(8) == 0) p[c][i] = Math.min(max, p[c][i] + 1);
        }
        return new Image(img.width(), img.height(), img.bitDepth(), p);
    }

    /**
     * A plane as JPEG leaves it: each 8×8 block (blocks start at column and row {@code start}) through a DCT, quantised
     * with steps growing with frequency, and back (StrictMath: the same integers everywhere).
     */
    public static Image jpegLike(Image gray, int w, int h, int start) {
        int[] plane = gray.plane(0);
        double[][] cos = new double[8][8];
        for (int k = 0; k < 8; k++) for (int n = 0; n < 8; n++) cos[k][n] = StrictMath.cos((2 * n + 1) * k
                * StrictMath.PI / 16);
        int[] out = plane.clone();
        for (int by = start - 8; by < h; by += 8) {
            for (int bx = start - 8; bx < w; bx += 8) {
                double[][] coef = new double[8][8];
                for (int v = 0; v < 8; v++) {
                    for (int u = 0; u < 8; u++) {
                        double sum = 0;
                        for (int y = 0; y < 8; y++) {
                            for (int x = 0; x < 8; x++) {
                                int px = Math.max(0, Math.min(w - 1, bx + x));
                                int py = Math.max(0, Math.min(h - 1, by + y));
                                sum += (plane[py * w + px] - 128) * cos[u][x] * cos[v][y];
                            }
                        }
                        double step = 4 + 3 * (u + v);
                        coef[v][u] = StrictMath.rint(sum * dctNorm(u, v) / step) * step;
                    }
                }
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        if (by + y < 0 || by + y >= h || bx + x < 0 || bx + x >= w) continue;
                        double sum = 0;
                        for (int v = 0; v < 8; v++) for (int u = 0; u < 8; u++) sum += dctNorm(u, v) * coef[v][u]
                                * cos[u][x] * cos[v][y];
                        out[(by + y) * w + bx + x] = (int) Math.max(0, Math.min(255, StrictMath.rint(sum + 128)));
                    }
                }
            }
        }
        return new Image(w, h, 8, new int[][] {out});
    }

    private static double dctNorm(int u, int v) {
        return (u == 0 ? StrictMath.sqrt(0.125) : 0.5) * (v == 0 ? StrictMath.sqrt(0.125) : 0.5);
    }

    /** Smooth waves with a little noise and no edge of their own: what the grid is found in is the grid. */
    public static Image waves(int w, int h, long seed) {
        return waves(w, h, 8, 128, 60, 2, seed);
    }

    /**
     * {@link #waves(int, int, long)} at another depth: {@code centre} ± {@code amplitude}, plus uniform noise of at
     * most {@code noise} either way (12-bit data in 16-bit samples: depth 16, centre 2048).
     */
    public static Image waves(int w, int h, int depth, int centre, int amplitude, int noise, long seed) {
        Random r = new Random(seed);
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = (int) StrictMath.rint(centre + amplitude * StrictMath.sin(0.05 * x)
                        * StrictMath.cos(0.04 * y)) + r.nextInt(2 * noise + 1) - noise;
            }
        }
        return new Image(w, h, depth, new int[][] {p});
    }

    /** A mix of regions (gradients, flat areas, edges, noise) for round-trip tests; the same for the same seed. */
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
                    double v = 0.5 + 0.3 * Math.sin(fx * x / Math.max(1, w) * 6 + phase)
                            * Math.cos(fy * y / Math.max(1, h) * 6)
                            + (x > w / 2 ? 0.1 : -0.1) + r.nextGaussian() * 0.02;
                    p[c][y * w + x] = (int) Math.max(0, Math.min(max, Math.round(v * max)));
                }
            }
        }
        return new Image(w, h, bitDepth, p);
    }

    /**
     * An image enlarged {@code factor} times by repeating pixels: flat blocks, as nearest-neighbour scaling leaves
     * them.
     */
    public static Image pixelRepeated(Image img, int factor) {
        int w = img.width() * factor;
        int[][] p = new int[img.channels()][w * img.height() * factor];
        for (int c = 0; c < p.length; c++) {
            for (int i = 0; i < p[c].length; i++) p[c][i] = img.plane(c)[(i / w / factor) * img.width() + (i % w)
                    / factor];
        }
        return new Image(w, img.height() * factor, img.bitDepth(), p);
    }

    /** Five RGBA colours (one transparent) in smooth-edged blobs, as a palette image has them. */
    public static Image fewColours(int w, int h, long seed) {
        int[][] colours = {{200, 30, 40, 255}, {20, 120, 220, 255}, {250, 250, 245, 255}, {90, 200, 60, 255}, {0, 0, 0,
                0}};
        Image base = synthetic(w, h, 1, 8, seed);
        int[][] p = new int[4][w * h];
        for (int i = 0; i < w * h; i++) {
            int[] col = colours[Math.min(4, base.plane(0)[i] / 52)];
            for (int c = 0; c < 4; c++) p[c][i] = col[c];
        }
        return new Image(w, h, 8, p);
    }

    /**
     * Two channels (gray and alpha) with the same noise: a sinusoidal texture in channel 0, a gentle ramp in channel 1.
     * Channel 1's details are channel 0's errors, not its values.
     */
    public static Image sharedNoise(int w, int h, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int[][] p = new int[2][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double n = r.nextGaussian() * 4;
                p[0][y * w + x] = (int) Math.max(0, Math.min(255,
                        Math.round(128 + 80 * Math.sin(x / 5.0 + y / 7.0) + n)));
                p[1][y * w + x] = (int) Math.max(0, Math.min(255, Math.round(100 + 60.0 * y / h + n)));
            }
        }
        return new Image(w, h, 8, p);
    }

    /**
     * Red, green and blue over one smooth shading with one whole-level noise of deviation {@code sigma} (on the 8-bit
     * scale), red's twice green's and blue's its negative (as a camera's channels share light): under subtract green
     * the colour differences still carry the noise, which pixel levels' correction (SPEC.md §4.4.2) predicts from
     * green's coded differences.
     */
    public static Image sharedColourNoise(int w, int h, int depth, double sigma, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int max = (1 << depth) - 1;
        double unit = max / 255.0;
        int[][] p = new int[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double smooth = 128 + 40 * Math.sin(x / 9.0) * Math.cos(y / 13.0);
                long n = Math.round(r.nextGaussian() * sigma);
                int i = y * w + x;
                p[0][i] = (int) Math.max(0, Math.min(max, Math.round((smooth + 2 * n) * unit)));
                p[1][i] = (int) Math.max(0, Math.min(max, Math.round((smooth + n) * unit)));
                p[2][i] = (int) Math.max(0, Math.min(max, Math.round((smooth - n) * unit)));
            }
        }
        return new Image(w, h, depth, p);
    }

    /**
     * A smooth render's shading: red, green and blue each a noiseless ramp in its own direction, so that each steps by
     * one level along contours of its own, and their differences step wherever either channel does.
     */
    public static Image smoothRender(int w, int h) {
        int[][] p = new int[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                p[0][i] = 60 + (2 * x + y) * 90 / (3 * w);
                p[1][i] = 90 + (x + 3 * y) * 80 / (4 * h);
                p[2][i] = 40 + (3 * x + 2 * (h - y)) * 70 / (5 * w);
            }
        }
        return new Image(w, h, 8, p);
    }

    /**
     * Colour channels that share no structure: a diagonal sinusoid, a slow wave along x and one along y, each with its
     * own noise (an alpha channel, if asked for, a ramp).
     */
    public static Image unrelatedChannels(int w, int h, int channels, long seed) {
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

    /**
     * Three coloured curves and a black axis on white: a plot's handful of colours (StrictMath: the same everywhere).
     */
    public static Image plot(int w, int h) {
        int[][] p = new int[3][w * h];
        for (int[] plane : p) java.util.Arrays.fill(plane, 255);
        int[][] colours = {{200, 30, 40}, {20, 120, 220}, {40, 160, 60}};
        for (int x = 0; x < w; x++) {
            for (int k = 0; k < 3; k++) {
                int y = (int) StrictMath.rint(h / 2.0 + h / 3.0 * StrictMath.sin(x / (6.0 + 3 * k) + k));
                for (int c = 0; c < 3; c++) p[c][Math.max(0, Math.min(h - 1, y)) * w + x] = colours[k][c];
            }
            for (int c = 0; c < 3; c++) p[c][(h - 3) * w + x] = 0;
        }
        return new Image(w, h, 8, p);
    }

    /**
     * A graphic of any size, channel count and depth: flat rectangles, a glyph repeated along rows and a one-pixel
     * diagonal line, in six colours over a background — most pixels repeat a neighbour, as in screenshots and plots.
     */
    public static Image graphic(int w, int h, int channels, int depth, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int max = (1 << depth) - 1;
        int[][] colours = new int[6][channels];
        for (int[] colour : colours) for (int c = 0; c < channels; c++) colour[c] = r.nextInt(max + 1);
        int[] glyph = {0x0E, 0x11, 0x1F, 0x11, 0x11};
        int[] index = new int[w * h];
        for (int k = 1; k <= 3; k++) {
            int x0 = r.nextInt(w);
            int y0 = r.nextInt(h);
            int x1 = Math.min(w, x0 + 1 + r.nextInt(Math.max(1, w / 2)));
            int y1 = Math.min(h, y0 + 1 + r.nextInt(Math.max(1, h / 2)));
            for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) index[y * w + x] = k;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y % 9 < 5 && x % 7 < 5 && (glyph[y % 9] >> (4 - x % 7) & 1) != 0) index[y * w + x] = 4;
                if (x == y) index[y * w + x] = 5;
            }
        }
        int[][] p = new int[channels][w * h];
        for (int c = 0; c < channels; c++) for (int i = 0; i < w * h; i++) p[c][i] = colours[index[i]][c];
        return new Image(w, h, depth, p);
    }
    /**
     * A sprite strip: {@code frames} frames of {@code frameWidth} x h side by side, each the same noisy frame (a
     * border and a textured field no neighbour predicts) with a different small figure in its middle — what a period
     * of {@code frameWidth} (pixel levels, SPEC.md §4.4.1) codes and the neighbours do not.
     */
    public static Image spriteStrip(int frames, int frameWidth, int h, int channels, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int w = frames * frameWidth;
        int[] frame = new int[frameWidth * h];
        for (int i = 0; i < frame.length; i++) frame[i] = r.nextInt(24);
        int[][] p = new int[channels][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int fx = x % frameWidth;
                int v = frame[y * frameWidth + fx];
                boolean figure = Math.abs(fx - frameWidth / 2) < frameWidth / 5 && Math.abs(y - h / 2) < h / 5;
                if (figure) v = 24 + (x / frameWidth * 7 + fx * y) % 9;
                for (int c = 0; c < channels; c++) p[c][y * w + x] = (v * (37 + 11 * c)) & 0xFF;
            }
        }
        return new Image(w, h, 8, p);
    }
    /**
     * Every row a rotation, by a random amount, of one noisy row: what LZ77 codes in a few bytes a row and context
     * models do not. With {@code colours} > 0, a palette image of that many random colours (the row holds indices).
     */
    public static Image rotatedRows(int w, int h, int channels, int depth, int colours, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int max = (1 << depth) - 1;
        int[] row = new int[w * channels];
        for (int i = 0; i < row.length; i++) row[i] = r.nextInt(colours > 0 ? colours : max + 1);
        int[][] palette = new int[Math.max(colours, 1)][channels];
        for (int[] colour : palette) for (int c = 0; c < channels; c++) colour[c] = r.nextInt(max + 1);
        int[][] p = new int[channels][w * h];
        for (int y = 0; y < h; y++) {
            int shift = r.nextInt(w);
            for (int x = 0; x < w; x++) {
                int from = (x + shift) % w;
                for (int c = 0; c < channels; c++) {
                    p[c][y * w + x] = colours > 0 ? palette[row[from]][c] : row[from * channels + c];
                }
            }
        }
        return new Image(w, h, depth, p);
    }
}
