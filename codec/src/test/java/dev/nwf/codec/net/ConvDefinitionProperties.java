package dev.nwf.codec.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The reference evaluator computes SPEC.md §5.1's integers, written here as the formula itself (every tap's row and
 * column clamped into the image), on any shape: thin inputs narrower or lower than the padding (which the evaluator
 * takes transposed or with clamped rows), dilations up to 16, and accumulators that need 64 bits.
 */
class ConvDefinitionProperties {
    @Property(tries = 60)
    void theEvaluatorGivesTheFormulasIntegers(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                             @ForAll @IntRange(min = 1, max = 40) int a,
                                             @ForAll @IntRange(min = 1, max = 4) int b,
                                             @ForAll boolean tall, @ForAll boolean wide) {
        Random r = new Random(seed);
        int w = tall ? b : a;
        int h = tall ? a : b;
        // wide accumulators: inputs and weights large enough that sums leave the int range
        int bound = wide ? 1 << 20 : 255;
        IntNet net = net(r, 1 + r.nextInt(3), wide ? 1 << 12 : 60);
        int[][] x = RandomNets.input(r, net.inputs(), w, h, bound);
        int[][] got = ReferenceEvaluator.evaluateWhole(net, x, w, h);
        int[][] want = byDefinition(net, x, w, h);
        for (int c = 0; c < want.length; c++) assertArrayEquals(want[c], got[c], "channel " + c + " of " + w + "x" + h);
    }

    /** Random layers as {@link RandomNets#net}, with dilations up to 16. */
    private static IntNet net(Random r, int inputs, int maxWeight) {
        List<IntConv> list = new ArrayList<>();
        int channels = inputs;
        int layers = 1 + r.nextInt(3);
        for (int i = 0; i < layers; i++) {
            boolean withInput = i > 0 && r.nextBoolean();
            int in = channels + (withInput ? inputs : 0);
            int out = 1 + r.nextInt(4);
            int k = r.nextInt(4) == 0 ? 1 : 3;
            int[] wt = new int[out * in * k * k];
            for (int j = 0; j < wt.length; j++) wt[j] = r.nextInt(2 * maxWeight + 1) - maxWeight;
            int[] bias = new int[out];
            for (int j = 0; j < out; j++) bias[j] = r.nextInt(2 * maxWeight + 1) - maxWeight;
            boolean last = i == layers - 1;
            list.add(new IntConv(in, out, k, 1 + r.nextInt(16), wt, bias, r.nextInt(12),
                    last ? IntConv.NO_CLAMP_LO : -(1 << 20), last ? IntConv.NO_CLAMP_HI : 1 << 20, withInput));
            channels = out;
        }
        return new IntNet(inputs, list);
    }

    private static int[][] byDefinition(IntNet net, int[][] input, int w, int h) {
        int[][] x = input;
        for (int li = 0; li < net.layers().size(); li++) {
            IntConv l = net.layers().get(li);
            int[][] in = l.withNetInput() && li > 0 ? ReferenceEvaluator.concat(x, input) : x;
            int k = l.kernel();
            int rad = (k / 2) * l.dilation();
            int[][] out = new int[l.outChannels()][w * h];
            for (int o = 0; o < l.outChannels(); o++) {
                for (int y = 0; y < h; y++) {
                    for (int xx = 0; xx < w; xx++) {
                        long acc = l.biasView()[o] + l.roundingOffset();
                        for (int c = 0; c < in.length; c++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int sy = Math.max(0, Math.min(h - 1, y + ky * l.dilation() - rad));
                                    int sx = Math.max(0, Math.min(w - 1, xx + kx * l.dilation() - rad));
                                    acc += (long) l.weight(o, c, ky, kx) * in[c][sy * w + sx];
                                }
                            }
                        }
                        out[o][y * w + xx] = (int) Math.max(l.clampLo(), Math.min(l.clampHi(), acc >> l.shift()));
                    }
                }
            }
            x = out;
        }
        return x;
    }
}
