package dev.nwf.codec.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random integer networks and inputs for equivalence tests. */
public final class RandomNets {
    private RandomNets() {
    }

    public static IntNet net(Random r, int inputs, int maxWeight) {
        int layers = 1 + r.nextInt(3);
        List<IntConv> list = new ArrayList<>();
        int channels = inputs;
        for (int i = 0; i < layers; i++) {
            boolean withInput = i > 0 && r.nextBoolean();
            int in = channels + (withInput ? inputs : 0);
            int out = 1 + r.nextInt(5);
            int k = r.nextBoolean() ? 3 : 1;
            int[] w = new int[out * in * k * k];
            for (int j = 0; j < w.length; j++) w[j] = r.nextInt(2 * maxWeight + 1) - maxWeight;
            int[] b = new int[out];
            for (int j = 0; j < out; j++) b[j] = r.nextInt(2 * maxWeight * 8 + 1) - maxWeight * 8;
            boolean last = i == layers - 1;
            int lo = last ? IntConv.NO_CLAMP_LO : (r.nextBoolean() ? 0 : -255);
            int hi = last ? IntConv.NO_CLAMP_HI : 255;
            list.add(new IntConv(in, out, k, 1 + r.nextInt(3), w, b, r.nextInt(9), lo, hi, withInput));
            channels = out;
        }
        return new IntNet(inputs, list);
    }

    /** Inputs at the bound, half of them exactly at +-bound, to hit the worst case. */
    public static int[][] input(Random r, int channels, int w, int h, int bound) {
        int[][] x = new int[channels][w * h];
        for (int[] p : x) {
            for (int i = 0; i < p.length; i++) p[i] = r.nextBoolean() ? (r.nextBoolean() ? bound : -bound)
                    : r.nextInt(2 * bound + 1) - bound;
        }
        return x;
    }
}
