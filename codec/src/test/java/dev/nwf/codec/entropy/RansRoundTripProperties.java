package dev.nwf.codec.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RansRoundTripProperties {

    /** Random frequency tables (any shape, every freq >= 1) and random symbols drawn from them. */
    @Property(tries = 200)
    void rawSymbolsRoundTrip(@ForAll @IntRange(min = 2, max = 3000) int alphabet, @ForAll @IntRange(min = 0, max = 5000) int length,
                             @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) throws Exception {
        Random r = new Random(seed);
        double[] p = new double[alphabet];
        for (int i = 0; i < alphabet; i++) p[i] = Math.pow(r.nextDouble(), 1 + r.nextInt(30));
        int[] freq = CodingTables.quantise(p);
        CodingTable t = new CodingTable(0, 0, freq);
        int[] symbols = new int[length];
        RansEncoder enc = new RansEncoder();
        for (int i = 0; i < length; i++) {
            symbols[i] = r.nextInt(alphabet);
            enc.put(t.cum[symbols[i]], t.freq(symbols[i]));
            if (r.nextInt(7) == 0) enc.putBits(r.nextInt(), 1 + r.nextInt(16));
        }
        byte[] bytes = enc.finish();
        RansDecoder dec = new RansDecoder(bytes);
        Random replay = replayAfterTable(seed, alphabet);
        for (int i = 0; i < length; i++) {
            replay.nextInt(alphabet);
            int s = t.find(dec.peek());
            assertEquals(symbols[i], s, "symbol " + i);
            dec.advance(t.cum[s], t.freq(s));
            if (replay.nextInt(7) == 0) {
                int v = replay.nextInt();
                int bits = 1 + replay.nextInt(16);
                assertEquals(v & ((1 << bits) - 1), dec.getBits(bits));
            }
        }
        dec.checkEnd();
    }

    private static Random replayAfterTable(long seed, int alphabet) {
        Random r = new Random(seed);
        for (int i = 0; i < alphabet; i++) {
            r.nextDouble();
            r.nextInt(30);
        }
        return r;
    }

    /** Values under random means and every scale, including values far outside the table (escapes). */
    @Property(tries = 300)
    void residualsRoundTripWithEscapes(@ForAll @IntRange(min = 1, max = 3000) int length, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) throws Exception {
        Random r = new Random(seed);
        Family[] fam = new Family[length];
        int[] scale = new int[length];
        int[] mean = new int[length];
        int[] value = new int[length];
        RansEncoder enc = new RansEncoder();
        for (int i = 0; i < length; i++) {
            fam[i] = Family.values()[r.nextInt(2)];
            scale[i] = r.nextInt(CodingTables.SCALES);
            mean[i] = r.nextInt(1 << 21) - (1 << 20);
            int m = mean[i] >> CodingTables.MEAN_FRAC_BITS;
            value[i] = switch (r.nextInt(4)) {
                case 0 -> m + (int) Math.round(r.nextGaussian() * CodingTables.scale(scale[i]));
                case 1 -> (int) (r.nextLong(2L * ResidualCoder.MAX_MAGNITUDE + 1) - ResidualCoder.MAX_MAGNITUDE);
                case 2 -> r.nextBoolean() ? ResidualCoder.MAX_MAGNITUDE : -ResidualCoder.MAX_MAGNITUDE;
                default -> m + r.nextInt(2001) - 1000;
            };
            ResidualCoder.encode(enc, fam[i], scale[i], mean[i], value[i]);
        }
        RansDecoder dec = new RansDecoder(enc.finish());
        for (int i = 0; i < length; i++) assertEquals(value[i], ResidualCoder.decode(dec, fam[i], scale[i], mean[i]), "value " + i);
        dec.checkEnd();
    }

    @Property(tries = 200)
    void everyTableHasPositiveFrequenciesSummingToTheTotal(@ForAll @IntRange(min = 0, max = 1) int family,
                                                           @ForAll @IntRange(min = 0, max = CodingTables.SCALES - 1) int scale,
                                                           @ForAll @IntRange(min = 0, max = CodingTables.MEAN_FRACTIONS - 1) int frac) {
        CodingTable t = CodingTables.build(Family.values()[family], scale, frac);
        for (int s = 0; s < t.symbols(); s++) assertTrue(t.freq(s) >= 1);
        assertEquals(Rans.PROB_TOTAL, t.cum[t.symbols()]);
        assertTrue(t.symbols() < 1000, "alphabet stays small: " + t.symbols());
    }

    @Property(tries = 100)
    void corruptedStreamsAreDetectedOrDecodeWithoutCrashing(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) throws Exception {
        Random r = new Random(seed);
        int n = 200 + r.nextInt(500);
        RansEncoder enc = new RansEncoder();
        for (int i = 0; i < n; i++) ResidualCoder.encode(enc, Family.LOGISTIC, 30, 0, (int) Math.round(r.nextGaussian() * 5));
        byte[] bytes = enc.finish();
        bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
        try {
            RansDecoder dec = new RansDecoder(bytes);
            for (int i = 0; i < n; i++) ResidualCoder.decode(dec, Family.LOGISTIC, 30, 0);
            dec.checkEnd();
            throw new AssertionError("a flipped byte went unnoticed");
        } catch (CorruptStreamException expected) {
            assertTrue(expected.offset() >= 0);
        }
    }

    @Property(tries = 20)
    void truncatedStreamIsReported(@ForAll @IntRange(min = 1, max = 40) int cut) throws Exception {
        RansEncoder enc = new RansEncoder();
        Random r = new Random(cut);
        for (int i = 0; i < 2000; i++) ResidualCoder.encode(enc, Family.LAPLACE, 40, 3, r.nextInt(200) - 100);
        byte[] bytes = enc.finish();
        byte[] shorter = java.util.Arrays.copyOf(bytes, bytes.length - cut);
        assertThrows(CorruptStreamException.class, () -> {
            RansDecoder dec = new RansDecoder(shorter);
            for (int i = 0; i < 2000; i++) ResidualCoder.decode(dec, Family.LAPLACE, 40, 3);
            dec.checkEnd();
        });
    }
}
