package dev.nwf.codec;

import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
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
}
