package dev.nwf.codec;

import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.nwf.HighPassPrior;
import dev.nwf.codec.rgflow.RgFlow;
import java.util.List;
import java.util.Random;

/** Small priors for codec tests: a constant one and a random one (any weights must code losslessly). */
public final class TestModels {
    private TestModels() {
    }

    /** Mean 0, scale index 24 (scale 4) everywhere. */
    public static NwfModel constant() {
        int[] bias = {0, 0, 0, 24, 24, 24};
        IntConv l = new IntConv(HighPassPrior.INPUTS, HighPassPrior.OUTPUTS, 1, 1, new int[36], bias, 0,
                IntConv.NO_CLAMP_LO, IntConv.NO_CLAMP_HI, false);
        return new NwfModel("test-constant", NwfModel.FAMILY_NWF, new IntNet(HighPassPrior.INPUTS, List.of(l)));
    }

    /** Random weights: predictions are poor but must still round-trip exactly. */
    public static NwfModel random(long seed) {
        Random r = new Random(seed);
        int hidden = 4;
        int[] w1 = new int[hidden * 6 * 9];
        for (int i = 0; i < w1.length; i++) w1[i] = r.nextInt(9) - 4;
        int[] w2 = new int[6 * hidden];
        for (int i = 0; i < w2.length; i++) w2[i] = r.nextInt(7) - 3;
        IntConv a = new IntConv(6, hidden, 3, 1, w1, new int[hidden], 2, 0, 255, false);
        IntConv b = new IntConv(hidden, 6, 1, 1, w2, new int[] {0, 0, 0, 20, 20, 20}, 1, -4096, 4096, false);
        return new NwfModel("test-random-" + seed, NwfModel.FAMILY_NWF, new IntNet(6, List.of(a, b)));
    }

    /** An rgflow model with random couplings and scale network. */
    public static NwfModel randomRgFlow(long seed) {
        Random r = new Random(seed);
        List<IntNet> nets = new java.util.ArrayList<>();
        for (int i = 0; i < RgFlow.NET_NAMES.size(); i++) {
            int in = RgFlow.NET_SHAPES[i][0];
            int out = RgFlow.NET_SHAPES[i][1];
            boolean scale = i == RgFlow.PRIOR_NET;
            int k = scale ? 3 : 1;
            int hidden = 4;
            int[] w1 = new int[hidden * in * k * k];
            for (int j = 0; j < w1.length; j++) w1[j] = r.nextInt(9) - 4;
            int[] w2 = new int[out * (hidden + in)];
            for (int j = 0; j < w2.length; j++) w2[j] = r.nextInt(7) - 3;
            int[] b2 = new int[out];
            // the scale network's output stays near index 24, so coded bits are not mostly raw low bits
            int shift = scale ? 7 : 3;
            if (scale) java.util.Arrays.fill(b2, RgFlow.LATENT.length, out, 24 << shift);
            IntConv a = new IntConv(in, hidden, k, 1, w1, new int[hidden], 2, 0, 255, false);
            IntConv b = new IntConv(hidden + in, out, 1, 1, w2, b2, shift, -4096, 4096, true);
            nets.add(new IntNet(in, List.of(a, b)));
        }
        return new NwfModel("test-rgflow-" + seed, NwfModel.FAMILY_RGFLOW, nets);
    }

    /** An rgflow model whose couplings add nothing and whose latents all have mean 0 and scale index 24. */
    public static NwfModel constantRgFlow() {
        List<IntNet> nets = new java.util.ArrayList<>();
        for (int i = 0; i < RgFlow.NET_NAMES.size(); i++) {
            int in = RgFlow.NET_SHAPES[i][0];
            int out = RgFlow.NET_SHAPES[i][1];
            int[] bias = new int[out];
            if (i == RgFlow.PRIOR_NET) java.util.Arrays.fill(bias, RgFlow.LATENT.length, out, 24);
            nets.add(new IntNet(in, List.of(new IntConv(in, out, 1, 1, new int[in * out], bias, 0, IntConv.NO_CLAMP_LO,
                    IntConv.NO_CLAMP_HI, false))));
        }
        return new NwfModel("test-rgflow-constant", NwfModel.FAMILY_RGFLOW, nets);
    }
}
