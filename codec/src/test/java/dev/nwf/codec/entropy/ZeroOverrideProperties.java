package dev.nwf.codec.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The coding table with the value 0's frequency replaced (SPEC.md §3.4). */
class ZeroOverrideProperties {

    /** A mean (1/16 units) that puts the value 0 among the bins of the logistic table of {@code scale}, if there is one. */
    private static int meanWithZeroInside(Random r, int scale) {
        for (int tries = 0; tries < 100; tries++) {
            int mean = (int) Math.round(r.nextGaussian() * 16 * 4 * CodingTables.scale(scale)) + r.nextInt(16);
            if (ResidualCoder.zeroFrequency(Family.LOGISTIC, scale, mean) > 0) return mean;
        }
        return r.nextInt(16);
    }

    @Property(tries = 300)
    void symbolsKeepPositiveFrequenciesInOrderAndFillTheTotal(@ForAll @IntRange(min = 0, max = 47) int scale,
                                                              @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random r = new Random(seed);
        int mean = meanWithZeroInside(r, scale);
        CodingTable t = CodingTables.get(Family.LOGISTIC, scale, mean & (CodingTables.MEAN_FRACTIONS - 1));
        int z = 1 + t.k - (mean >> CodingTables.MEAN_FRAC_BITS);
        int most = ResidualCoder.maxZeroFrequency(Family.LOGISTIC, scale, mean);
        int zeroFreq = switch (r.nextInt(3)) {
            case 0 -> 1;
            case 1 -> most;
            default -> 1 + r.nextInt(most);
        };
        ZeroOverride o = new ZeroOverride(t, z, zeroFreq);
        int next = zeroFreq; // the zero's symbol comes first, the others follow in their order
        for (int s = 0; s < t.symbols(); s++) {
            if (s == z) continue;
            assertEquals(next, o.start(s), "start of symbol " + s);
            assertTrue(o.freq(s) >= 1, "frequency of symbol " + s);
            for (int slot : new int[] {o.start(s), o.start(s) + o.freq(s) - 1}) assertEquals(s, o.find(slot), "slot " + slot);
            next += o.freq(s);
        }
        assertEquals(Rans.PROB_TOTAL, next);
        assertEquals(z, o.find(0));
        assertEquals(z, o.find(zeroFreq - 1));
    }

    /** Values round-trip under any frequency a zero model gives; the model is asked exactly where 0 has its own symbol. */
    @Property(tries = 200)
    void valuesRoundTripUnderAnyZeroFrequency(@ForAll @IntRange(min = 1, max = 2000) int length,
                                              @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) throws Exception {
        Random r = new Random(seed);
        int[] scale = new int[length];
        int[] mean = new int[length];
        int[] value = new int[length];
        double[] share = new double[length];
        RansEncoder enc = new RansEncoder();
        int asked = 0;
        for (int i = 0; i < length; i++) {
            scale[i] = r.nextInt(48);
            mean[i] = meanWithZeroInside(r, scale[i]);
            int m = mean[i] >> CodingTables.MEAN_FRAC_BITS;
            value[i] = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> m + (int) Math.round(r.nextGaussian() * CodingTables.scale(scale[i]));
                case 2 -> r.nextBoolean() ? ResidualCoder.MAX_MAGNITUDE : -ResidualCoder.MAX_MAGNITUDE;
                default -> m + r.nextInt(2001) - 1000;
            };
            share[i] = r.nextDouble();
            int[] count = {0};
            ResidualCoder.encode(enc, Family.LOGISTIC, scale[i], mean[i], value[i], model(share[i], count));
            boolean own = ResidualCoder.zeroFrequency(Family.LOGISTIC, scale[i], mean[i]) > 0;
            assertEquals(own ? 1 : 0, count[0], "asked where 0 has a symbol of its own, once");
            asked += count[0];
        }
        RansDecoder dec = new RansDecoder(enc.finish());
        for (int i = 0; i < length; i++) {
            assertEquals(value[i], ResidualCoder.decode(dec, Family.LOGISTIC, scale[i], mean[i], model(share[i], new int[1])), "value " + i);
        }
        dec.checkEnd();
        if (length >= 100) assertTrue(asked > 0, "the model was asked");
    }

    /** A zero model giving 0 the share {@code share} of the frequencies it may have (at least 1), counting its calls. */
    private static ResidualCoder.ZeroModel model(double share, int[] calls) {
        return (tableFreq, maxFreq) -> {
            calls[0]++;
            return 1 + (int) (share * (maxFreq - 1));
        };
    }

    @Test
    void aLikelierZeroCostsLessAndTheOtherValuesMore() {
        int scale = 16; // 1/16 * 2^4: a logistic of scale 1
        int mean = 3; // 0.1875: the value 0 holds about a quarter of the mass
        int table = ResidualCoder.zeroFrequency(Family.LOGISTIC, scale, mean);
        assertTrue(table > 0 && table < 1 << 15, "the table's own zero frequency " + table);
        assertEquals(idealBits(scale, mean, 0, table), 16 - log2(table), 1e-9);
        int likelier = Math.min(ResidualCoder.maxZeroFrequency(Family.LOGISTIC, scale, mean), 2 * table);
        assertTrue(idealBits(scale, mean, 0, likelier) < idealBits(scale, mean, 0, table));
        assertTrue(idealBits(scale, mean, 1, likelier) > idealBits(scale, mean, 1, table));
    }

    @Test
    void tablesWhereZeroSharesABinOrLiesOutsideHaveNoZeroFrequency() {
        assertEquals(-1, ResidualCoder.zeroFrequency(Family.LOGISTIC, CodingTables.SCALES - 1, 0), "bins wider than one value");
        assertEquals(-1, ResidualCoder.zeroFrequency(Family.LOGISTIC, 0, 16 * 1000), "0 far below the bins");
        RansEncoder enc = new RansEncoder();
        ResidualCoder.encode(enc, Family.LOGISTIC, 0, 16 * 1000, 5, (tableFreq, maxFreq) -> {
            throw new AssertionError("not asked where 0 has no symbol of its own");
        });
        int most = ResidualCoder.maxZeroFrequency(Family.LOGISTIC, 16, 3);
        assertThrows(IllegalArgumentException.class, () -> ResidualCoder.encode(enc, Family.LOGISTIC, 16, 3, 0, (f, max) -> most + 1));
        assertThrows(IllegalArgumentException.class, () -> ResidualCoder.encode(enc, Family.LOGISTIC, 16, 3, 0, (f, max) -> 0));
    }

    /** The bits the queued symbol of one value costs (its rANS interval), under the given zero frequency. */
    private static double idealBits(int scale, int mean, int value, int zeroFreq) {
        RansEncoder enc = new RansEncoder();
        ResidualCoder.encode(enc, Family.LOGISTIC, scale, mean, value, (tableFreq, maxFreq) -> zeroFreq);
        return enc.idealBits();
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
