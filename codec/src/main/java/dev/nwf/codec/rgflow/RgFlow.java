package dev.nwf.codec.rgflow;

import dev.nwf.codec.Image;
import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.nwf.HighPassPrior;
import dev.nwf.codec.nwf.NetInput;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.Pyramid;
import java.util.List;

/**
 * The integer RG-Flow (MERA) transform (SPEC.md §8). Per RG step on a grid whose sides are multiples of 4: a
 * disentangler on 4x4 blocks shifted by {@value #DISENTANGLER_OFFSET} sites (periodic wrap), then a decimator on
 * aligned 4x4 blocks; both are four additive integer couplings between the block's checkerboard site classes.
 * After the decimator the 4 {@link #KEPT} sites of each block form the next, half-size grid and the other 12
 * ({@link #LATENT}) are this step's latents. Every step uses the same networks, so one model serves any depth.
 *
 * <p>Sites of a block are numbered {@code 4 * row + column}. Public for the trainer, which must compute the same
 * integers with DJL, and for the receptive-field inspector.
 */
public final class RgFlow {
    /** Network order in a model: disentangler couplings, decimator couplings, latent prior network. */
    public static final List<String> NET_NAMES = List.of("dis.p1", "dis.u1", "dis.p2", "dis.u2",
            "dec.p1", "dec.u1", "dec.p2", "dec.u2", "prior");
    /** Index in {@link #NET_NAMES} of the latent prior network. */
    public static final int PRIOR_NET = 8;
    /** Prior network inputs: the block's kept sites minus their mean, that mean, a chroma flag. */
    public static final int PRIOR_INPUTS = 6;
    /** Inputs and outputs of each network in {@link #NET_NAMES} order. */
    public static final int[][] NET_SHAPES = {{9, 8}, {8, 8}, {13, 4}, {12, 4}, {9, 8}, {8, 8}, {13, 4}, {12, 4},
            {PRIOR_INPUTS, 24}};
    /** Index in {@link #NET_NAMES} of the disentangler's first network. */
    public static final int DISENTANGLER = 0;
    /** Index in {@link #NET_NAMES} of the decimator's first network. */
    public static final int DECIMATOR = 4;

    /** Sites of the checkerboard's first colour, coded first in each step. */
    public static final int[] BLACK = {0, 2, 5, 7, 8, 10, 13, 15};
    /** Sites of the checkerboard's second colour. */
    public static final int[] WHITE = {1, 3, 4, 6, 9, 11, 12, 14};
    /** Even row, even column: these go on to the next level, in (row / 2) * 2 + column / 2 order. */
    public static final int[] KEPT = {0, 2, 8, 10};
    /** Odd row, odd column sites of a block. */
    public static final int[] ODD = {5, 7, 13, 15};
    /** The latent sites in coding order: the odd-odd black sites, then the white ones. */
    public static final int[] LATENT = {5, 7, 13, 15, 1, 3, 4, 6, 9, 11, 12, 14};
    /** How far the disentangler's blocks are shifted from the decimator's, in sites. */
    public static final int DISENTANGLER_OFFSET = 2;
    /** Network inputs are clamped to +-this (after scaling to 8-bit range). */
    public static final int INPUT_BOUND = 1023;
    /** The prior network's chroma flag input for a chroma channel (0 for luma). */
    public static final int CHROMA_FLAG = 64;
    static final int COARSEST_MAX_SIDE = 16;

    private RgFlow() {
    }

    /** {inputs, outputs} of network {@code index} of {@link #NET_NAMES}. */
    public static int[] netShape(int index) {
        return NET_SHAPES[index].clone();
    }

    /** Checks a model's networks have the count and shapes of {@link #NET_SHAPES}; throws IllegalArgumentException. */
    public static void check(List<IntNet> nets) {
        if (nets.size() != NET_NAMES.size()) {
            throw new IllegalArgumentException("an rgflow model has " + NET_NAMES.size() + " networks, got "
                    + nets.size());
        }
        for (int i = 0; i < nets.size(); i++) {
            IntNet n = nets.get(i);
            if (n.inputs() != NET_SHAPES[i][0] || n.outputs() != NET_SHAPES[i][1]) {
                throw new IllegalArgumentException("network " + NET_NAMES.get(i) + " must map " + NET_SHAPES[i][0]
                        + " to "
                        + NET_SHAPES[i][1] + " channels, has " + n.inputs() + " -> " + n.outputs());
            }
            if (i != PRIOR_NET && n.layers().stream().anyMatch(l -> l.kernel() != 1)) {
                throw new IllegalArgumentException("coupling network " + NET_NAMES.get(i)
                        + " must stay inside its block (1x1 kernels only)");
            }
            n.requireEvaluable(INPUT_BOUND);
        }
    }

    /**
     * Grid sizes (SPEC.md §8.1): RG steps {@code L} (0 when both sides are at most {@value #COARSEST_MAX_SIDE}, else
     * the fewest that bring the padded coarsest grid to at most that), the sides padded to multiples of 2^(L+1), and
     * the visible size of each container level, coarsest first.
     */
    public record Plan(int steps, int paddedWidth, int paddedHeight, int[][] visible) {
        /** Container levels: one more than the RG steps. */
        public int levels() {
            return steps + 1;
        }
    }

    /** The grid sizes for a {@code w x h} image. */
    public static Plan plan(int w, int h) {
        int m = Math.max(w, h);
        int steps = 0;
        if (m > COARSEST_MAX_SIDE) {
            steps = 1;
            while (2L * ceilDiv(m, 1L << (steps + 1)) > COARSEST_MAX_SIDE) steps++;
        }
        long unit = steps == 0 ? 1 : 1L << (steps + 1);
        int[][] visible = new int[steps + 1][];
        for (int j = 0; j <= steps; j++) {
            visible[j] = new int[] {(int) ceilDiv(w, 1L << (steps - j)), (int) ceilDiv(h, 1L << (steps - j))};
        }
        return new Plan(steps, (int) (ceilDiv(w, unit) * unit), (int) (ceilDiv(h, unit) * unit), visible);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** The planes the transform sees (colour-transformed copies, in 8-bit range), for training. */
    public static int[][] trainingPlanes(Image image) {
        int[][] p = Pyramid.transformedPlanes(image, ColourTransform.standard(image.channels()));
        int ds = image.bitDepth() - 8;
        for (int[] plane : p) for (int i = 0; i < plane.length; i++) plane[i] = ds >= 0 ? plane[i] >> ds
                : plane[i] << -ds;
        return p;
    }

    /** {@code plane} (w x h) extended to pw x ph by repeating its last column and row. */
    public static int[] pad(int[] plane, int w, int h, int pw, int ph) {
        int[] out = new int[pw * ph];
        for (int y = 0; y < ph; y++) {
            int sy = Math.min(y, h - 1);
            for (int x = 0; x < pw; x++) out[y * pw + x] = plane[sy * w + Math.min(x, w - 1)];
        }
        return out;
    }

    /** The top-left w x h of a gw-wide grid. */
    public static int[] crop(int[] grid, int gw, int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) System.arraycopy(grid, y * gw, out, y * w, w);
        return out;
    }

    /** One step's result: the half-size grid of kept sites and the latents, [LATENT index][block]. */
    public record Split(int[] kept, int[][] latents) {
    }

    /** The forward RG step on a gw x gh grid (sides multiples of 4). */
    public static Split forward(NetEvaluator e, List<IntNet> nets, int[] grid, int gw, int gh, int bitDepth) {
        int[][] blk = gather(grid, gw, gh, DISENTANGLER_OFFSET);
        couple(e, nets, DISENTANGLER, blk, gw / 4, gh / 4, bitDepth, false);
        int[] g = new int[grid.length];
        scatter(blk, g, gw, gh, DISENTANGLER_OFFSET);
        blk = gather(g, gw, gh, 0);
        couple(e, nets, DECIMATOR, blk, gw / 4, gh / 4, bitDepth, false);
        int[][] latents = new int[LATENT.length][];
        for (int j = 0; j < LATENT.length; j++) latents[j] = blk[LATENT[j]];
        return new Split(keptGrid(blk, gw / 4, gh / 4), latents);
    }

    /** The inverse RG step: the gw x gh grid from its kept sites and latents. */
    public static int[] inverse(NetEvaluator e, List<IntNet> nets, int[] kept, int[][] latents, int gw, int gh,
            int bitDepth) {
        int nbx = gw / 4;
        int nby = gh / 4;
        int[][] blk = new int[16][];
        for (int j = 0; j < LATENT.length; j++) blk[LATENT[j]] = latents[j].clone();
        int[][] k = keptSites(kept, nbx, nby);
        for (int j = 0; j < KEPT.length; j++) blk[KEPT[j]] = k[j];
        couple(e, nets, DECIMATOR, blk, nbx, nby, bitDepth, true);
        int[] g = new int[gw * gh];
        scatter(blk, g, gw, gh, 0);
        blk = gather(g, gw, gh, DISENTANGLER_OFFSET);
        couple(e, nets, DISENTANGLER, blk, nbx, nby, bitDepth, true);
        int[] out = new int[gw * gh];
        scatter(blk, out, gw, gh, DISENTANGLER_OFFSET);
        return out;
    }

    /** Mean (fixed point, 1/16) and scale index of each latent, [LATENT index][block]. */
    public record LatentPrior(int[][] mean, int[][] scale) {
    }

    /**
     * The prior of a step's latents from the kept grid (kw x kh) the decoder already has (SPEC.md §8.3): the prior
     * network sees, per block, the kept sites minus their mean, the mean, and a chroma flag (3x3 over the block grid,
     * so neighbouring blocks inform the prediction).
     */
    public static LatentPrior prior(NetEvaluator e, IntNet net, int[] kept, int kw, int kh, int bitDepth,
            boolean chroma) {
        int nbx = kw / 2;
        int nby = kh / 2;
        int[][] k = keptSites(kept, nbx, nby);
        int[] mk = floorMean(k);
        int[][] in = new int[PRIOR_INPUTS][];
        for (int j = 0; j < 4; j++) in[j] = NetInput.scaled(k[j], mk, bitDepth, INPUT_BOUND);
        in[4] = NetInput.scaled(mk, null, bitDepth, INPUT_BOUND);
        in[5] = new int[nbx * nby];
        if (chroma) java.util.Arrays.fill(in[5], CHROMA_FLAG);
        int[][] out = e.evaluate(net, in, nbx, nby);
        int ds = bitDepth - 8;
        int[][] mean = java.util.Arrays.copyOfRange(out, 0, LATENT.length);
        int[][] scale = java.util.Arrays.copyOfRange(out, LATENT.length, 2 * LATENT.length);
        for (int j = 0; j < LATENT.length; j++) {
            for (int b = 0; b < mean[j].length; b++) {
                mean[j][b] = ds >= 0 ? mean[j][b] << ds : mean[j][b] >> -ds;
                scale[j][b] = HighPassPrior.clampScale(scale[j][b] + CodingTables.STEPS_PER_OCTAVE * ds);
            }
        }
        return new LatentPrior(mean, scale);
    }

    /**
     * The four couplings of one block transform (nets first..first+3), or their inverse in reverse order. The
     * decimator's predictions start from the mean of the sites they predict from, so that its latents are residuals
     * even before training; the disentangler's do not, so that it starts as the identity.
     */
    static void couple(NetEvaluator e, List<IntNet> nets, int first, int[][] blk, int nbx, int nby, int bitDepth,
            boolean inverse) {
        int sign = inverse ? -1 : 1;
        boolean baseline = first == DECIMATOR;
        for (int s = inverse ? 3 : 0; inverse ? s >= 0 : s <= 3; s += inverse ? -1 : 1) {
            IntNet net = nets.get(first + s);
            switch (s) {
                case 0 -> { // predict white from black
                    int[] mb = floorMean(sites(blk, BLACK));
                    int[][] in = concat(centred(blk, BLACK, mb, bitDepth), new int[][] {NetInput.scaled(mb, null,
                            bitDepth, INPUT_BOUND)});
                    int[][] out = e.evaluate(net, in, nbx, nby);
                    add(blk, WHITE, out, baseline ? mb : null, -sign, bitDepth);
                }
                case 1 -> { // update black from the white residuals
                    int[][] out = e.evaluate(net, centred(blk, WHITE, null, bitDepth), nbx, nby);
                    add(blk, BLACK, out, null, sign, bitDepth);
                }
                case 2 -> { // predict odd-odd black from kept and white
                    int[] mk = floorMean(sites(blk, KEPT));
                    int[][] in = concat(concat(centred(blk, KEPT, mk, bitDepth), centred(blk, WHITE, null, bitDepth)),
                            new int[][] {NetInput.scaled(mk, null, bitDepth, INPUT_BOUND)});
                    add(blk, ODD, e.evaluate(net, in, nbx, nby), baseline ? mk : null, -sign, bitDepth);
                }
                default -> { // update kept from odd-odd and white
                    int[][] in = concat(centred(blk, ODD, null, bitDepth), centred(blk, WHITE, null, bitDepth));
                    add(blk, KEPT, e.evaluate(net, in, nbx, nby), null, sign, bitDepth);
                }
            }
        }
    }

    /** blk[sites[k]] += sign * (base + rescaled out[k]). */
    private static void add(int[][] blk, int[] sites, int[][] out, int[] base, int sign, int bitDepth) {
        int ds = bitDepth - 8;
        for (int k = 0; k < sites.length; k++) {
            int[] t = blk[sites[k]];
            int[] o = out[k];
            for (int b = 0; b < t.length; b++) {
                int d = (ds >= 0 ? o[b] << ds : o[b] >> -ds) + (base == null ? 0 : base[b]);
                t[b] += sign * d;
            }
        }
    }

    private static int[][] sites(int[][] blk, int[] sites) {
        int[][] out = new int[sites.length][];
        for (int k = 0; k < sites.length; k++) out[k] = blk[sites[k]];
        return out;
    }

    /** floor(mean) per block of the given site planes. */
    static int[] floorMean(int[][] planes) {
        int[] m = new int[planes[0].length];
        for (int b = 0; b < m.length; b++) {
            long s = 0;
            for (int[] p : planes) s += p[b];
            m[b] = (int) Math.floorDiv(s, planes.length);
        }
        return m;
    }

    private static int[][] centred(int[][] blk, int[] sites, int[] mean, int bitDepth) {
        int[][] out = new int[sites.length][];
        for (int k = 0; k < sites.length; k++) out[k] = NetInput.scaled(blk[sites[k]], mean, bitDepth, INPUT_BOUND);
        return out;
    }

    private static int[][] concat(int[][] a, int[][] b) {
        int[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Sites of the 4x4 blocks whose corner is at (4 bx + off, 4 by + off), wrapping around: [site][block]. */
    static int[][] gather(int[] g, int gw, int gh, int off) {
        int nbx = gw / 4;
        int nby = gh / 4;
        int[][] blk = new int[16][nbx * nby];
        for (int by = 0; by < nby; by++) {
            for (int v = 0; v < 4; v++) {
                int row = ((4 * by + v + off) % gh) * gw;
                for (int bx = 0; bx < nbx; bx++) {
                    for (int u = 0; u < 4; u++) blk[4 * v + u][by * nbx + bx] = g[row + (4 * bx + u + off) % gw];
                }
            }
        }
        return blk;
    }

    static void scatter(int[][] blk, int[] g, int gw, int gh, int off) {
        int nbx = gw / 4;
        int nby = gh / 4;
        for (int by = 0; by < nby; by++) {
            for (int v = 0; v < 4; v++) {
                int row = ((4 * by + v + off) % gh) * gw;
                for (int bx = 0; bx < nbx; bx++) {
                    for (int u = 0; u < 4; u++) g[row + (4 * bx + u + off) % gw] = blk[4 * v + u][by * nbx + bx];
                }
            }
        }
    }

    /** The kept sites of every block as a (2 nbx) x (2 nby) grid. */
    private static int[] keptGrid(int[][] blk, int nbx, int nby) {
        int kw = 2 * nbx;
        int[] out = new int[kw * 2 * nby];
        for (int j = 0; j < 4; j++) {
            int[] s = blk[KEPT[j]];
            for (int by = 0; by < nby; by++) {
                for (int bx = 0; bx < nbx; bx++) out[(2 * by + j / 2) * kw + 2 * bx + j % 2] = s[by * nbx + bx];
            }
        }
        return out;
    }

    /** Inverse of {@link #keptGrid}: [KEPT index][block]. */
    private static int[][] keptSites(int[] kept, int nbx, int nby) {
        int kw = 2 * nbx;
        int[][] out = new int[4][nbx * nby];
        for (int j = 0; j < 4; j++) {
            for (int by = 0; by < nby; by++) {
                for (int bx = 0; bx < nbx; bx++) out[j][by * nbx + bx] = kept[(2 * by + j / 2) * kw + 2 * bx + j % 2];
            }
        }
        return out;
    }
}
