package dev.nwf.bench;

import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.entropy.Family;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;
import dev.nwf.codec.entropy.ResidualCoder;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** rANS residual coding speed on one core, with realistic wavelet-band statistics. */
@Tag("benchmark")
class CoderBenchmark {
    @Test
    void symbolsPerSecond() throws Exception {
        int n = 4_000_000;
        Random r = new Random(1);
        int[] scale = new int[n];
        int[] mean = new int[n];
        int[] value = new int[n];
        for (int i = 0; i < n; i++) {
            double s = Math.exp(r.nextDouble() * 3 - 0.5);
            scale[i] = CodingTables.nearestScaleIndex(s);
            mean[i] = r.nextInt(512) - 256;
            double u = r.nextDouble();
            value[i] = (mean[i] >> 4) + (int) Math.round(s * Math.log(u / (1 - u)));
        }
        double bestEnc = 0;
        double bestDec = 0;
        byte[] bytes = null;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            RansEncoder enc = new RansEncoder();
            for (int i = 0; i < n; i++) ResidualCoder.encode(enc, Family.LOGISTIC, scale[i], mean[i], value[i]);
            bytes = enc.finish();
            long t1 = System.nanoTime();
            RansDecoder dec = new RansDecoder(bytes);
            long check = 0;
            for (int i = 0; i < n; i++) check += ResidualCoder.decode(dec, Family.LOGISTIC, scale[i], mean[i]);
            dec.checkEnd();
            long t2 = System.nanoTime();
            if (check == 42) System.out.print("");
            bestEnc = Math.max(bestEnc, n / ((t1 - t0) / 1e9));
            bestDec = Math.max(bestDec, n / ((t2 - t1) / 1e9));
        }
        System.out.printf("%nrANS residual coder, %d logistic symbols, %.3f bits/symbol, best of 5 on one core:%n", n, bytes.length * 8.0 / n);
        System.out.printf("  encode %.1f M symbols/s, decode %.1f M symbols/s (goal: decode >= 50)%n", bestEnc / 1e6, bestDec / 1e6);
    }
}
