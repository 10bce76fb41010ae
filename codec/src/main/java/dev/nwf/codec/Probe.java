package dev.nwf.codec;

import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.entropy.Family;
import java.util.IdentityHashMap;
import java.util.Map;

final class Probe {
    static final boolean ON = Boolean.getBoolean("nwf.probe");
    static final int K = Integer.getInteger("nwf.pk", 16);
    static final int KW = Integer.getInteger("nwf.pkw", 32);
    static final int HALVE = Integer.getInteger("nwf.ph", 1024);
    static final double[] base = new double[2], blend = new double[2];
    static final long[] n = new long[2];
    static final Map<Object, int[][]> hist = new IdentityHashMap<>();
    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int f = 0; f < 2; f++) System.err.printf("finest=%d n=%d base=%.0f blend=%.0f (%.3f%%)%n", f, n[f], base[f], blend[f], 100 * (blend[f] / base[f] - 1));
            double b = base[0] + base[1], m = blend[0] + blend[1];
            System.err.printf("total base=%.0f blend=%.0f (%.3f%%)%n", b, m, 100 * (m / b - 1));
        }));
    }

    static synchronized void sample(Object coder, int c, int b, boolean finest, int scale, int mean, int v, int tableF, int zeroF) {
        double bits = CodingTables.costBits(Family.LOGISTIC, scale, mean, v);
        if (tableF >= 0) {
            if (v == 0) bits = -Math.log(zeroF / 65536.0) / Math.log(2);
            else bits += Math.log((65536.0 - tableF) / (65536.0 - zeroF)) / Math.log(2);
        }
        double p = Math.pow(2, -bits);
        int f = finest ? 1 : 0;
        int[][] h = hist.computeIfAbsent(coder, k -> new int[4 * 3 * 2 * CodingTables.SCALES][2 * K + 2]);
        int[] t = h[((c * 3 + b) * 2 + f) * CodingTables.SCALES + scale];
        long d = (long) v - (mean >> 4);
        double q;
        int N = t[2 * K + 1];
        if (d >= -K && d <= K) {
            q = (t[(int) (d + K)] + KW * p) / (N + KW);
            t[(int) (d + K)]++;
        } else q = p * KW / (N + KW) * 1.0 + p * N / (N + KW);
        if (++t[2 * K + 1] >= HALVE) for (int j = 0; j < t.length; j++) t[j] >>= 1;
        n[f]++;
        base[f] += bits;
        blend[f] += -Math.log(q) / Math.log(2);
    }
}
