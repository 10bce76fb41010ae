package dev.nwf.codec.rgflow;

import dev.nwf.codec.NwfModel;
import dev.nwf.codec.net.NetEvaluator;
import java.util.stream.IntStream;

/**
 * Receptive fields of an rgflow model's latents (SPEC.md §8.5), measured rather than derived: each pixel of a square
 * gray image is raised by {@link #DELTA} in turn, the RG steps are rerun, and the summed absolute change of the 12
 * latents of the decimator block nearest the centre is recorded per step. Since the flow is integer and nonlinear,
 * the map shows which pixels actually move those latents for this image.
 */
public final class ReceptiveField {
    /** How much each pixel is raised in turn. */
    public static final int DELTA = 16;

    private ReceptiveField() {
    }

    /** The probed block of step {@code s} on a {@code side}-pixel image: its top-left pixel (x = y) and side. */
    public static int[] block(int side, int s) {
        int blockSide = 4 << s;
        int nb = side / blockSide;
        return new int[] {(nb / 2) * blockSide, blockSide};
    }

    /**
     * @param plane a side x side gray plane; side must be a multiple of 2^(steps + 1)
     * @return [step][y * side + x]: total |change| of the probed block's latents when pixel (x, y) rises by DELTA
     */
    public static long[][] measure(NetEvaluator e, NwfModel model, int[] plane, int side, int steps) {
        if (!NwfModel.FAMILY_RGFLOW.equals(model.family())) throw new
                IllegalArgumentException("receptive fields need an rgflow model");
        if (steps < 1 || side % (1 << (steps + 1)) != 0) {
            throw new IllegalArgumentException("side " + side + " must be a multiple of 2^(steps + 1) = "
                    + (1 << (steps + 1)));
        }
        int[][] base = probe(e, model, plane, side, steps);
        long[][] field = new long[steps][side * side];
        IntStream.range(0, side * side).parallel().forEach(i -> {
            int[] p = plane.clone();
            p[i] += DELTA;
            int[][] moved = probe(e, model, p, side, steps);
            for (int s = 0; s < steps; s++) {
                long d = 0;
                for (int k = 0; k < base[s].length; k++) d += Math.abs((long) moved[s][k] - base[s][k]);
                field[s][i] = d;
            }
        });
        return field;
    }

    /** The probed block's 12 latents at every step. */
    private static int[][] probe(NetEvaluator e, NwfModel model, int[] plane, int side, int steps) {
        int[][] out = new int[steps][RgFlow.LATENT.length];
        int[] grid = plane;
        for (int s = 0; s < steps; s++) {
            int gw = side >> s;
            RgFlow.Split split = RgFlow.forward(e, model.nets(), grid, gw, gw, 8);
            int nb = gw / 4;
            int b = (nb / 2) * nb + nb / 2;
            for (int j = 0; j < out[s].length; j++) out[s][j] = split.latents()[j][b];
            grid = split.kept();
        }
        return out;
    }
}
