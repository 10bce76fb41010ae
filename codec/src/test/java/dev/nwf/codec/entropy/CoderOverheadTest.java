package dev.nwf.codec.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CoderOverheadTest {

    /** Logistic residuals as a wavelet high-pass band produces them, coded under the matching table. */
    @Test
    void fileSizeIsWithinATenthOfAPercentOfTheIdealOnRealisticData() throws Exception {
        Random r = new Random(42);
        int n = 1_000_000;
        RansEncoder enc = new RansEncoder();
        int[] scales = new int[n];
        int[] means = new int[n];
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            double s = Math.exp(r.nextDouble() * 4 - 1); // 0.4 .. 20
            scales[i] = CodingTables.nearestScaleIndex(s);
            means[i] = r.nextInt(4096) - 2048;
            double u = r.nextDouble();
            values[i] = (means[i] >> 4) + (int) Math.round(s * Math.log(u / (1 - u)));
            ResidualCoder.encode(enc, Family.LOGISTIC, scales[i], means[i], values[i]);
        }
        double ideal = enc.idealBits();
        byte[] bytes = enc.finish();
        double overhead = bytes.length * 8.0 / ideal - 1;
        System.out.printf("rANS overhead on %d logistic residuals: %.5f%% (%d bytes vs ideal %.0f)%n", n, overhead * 100, bytes.length, ideal / 8);
        assertTrue(overhead <= 0.001, "overhead " + overhead);
        RansDecoder dec = new RansDecoder(bytes);
        for (int i = 0; i < n; i++) assertEquals(values[i], ResidualCoder.decode(dec, Family.LOGISTIC, scales[i], means[i]));
        dec.checkEnd();
    }

    /** Table quantisation must cost little against the continuous distribution it stands for. */
    @Test
    void quantisedTablesAreCloseToTheirDistribution() {
        for (int scale = 0; scale < CodingTables.SCALES; scale += 7) {
            CodingTable t = CodingTables.build(Family.LOGISTIC, scale, 5);
            double s = CodingTables.scale(scale);
            double kl = 0;
            for (int sym = 1; sym < t.symbols(); sym++) {
                int q = sym - 1 - t.k;
                double lo = q * (double) (1 << t.shift) - 0.5 - 5 / 16.0;
                double p = Family.LOGISTIC.mass(lo, lo + (1 << t.shift), s);
                if (p > 0) kl += p * Math.log(p / (t.freq(sym) / 65536.0)) / Math.log(2);
            }
            assertTrue(kl < 0.02, "scale " + s + ": quantisation costs " + kl + " bits per symbol");
        }
    }
}
