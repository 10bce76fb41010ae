package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.transform.ColourTransform;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The expert (SPEC.md §4.4.5): its location learns a linear relation, its probabilities follow it, and it pays. */
class ExpertTest {
    private static final NwfCodec.EncodeProgress QUIET = (level, total) -> { };

    @Test
    void leastSquaresFindsALinearRelation() {
        LeastSquares ls = new LeastSquares(PixelScan.PASSES);
        Random r = new Random(3);
        long[] f = new long[LeastSquares.FEATURES];
        for (int n = 0; n < 400; n++) {
            for (int k = 0; k < f.length; k++) f[k] = r.nextInt(41) - 20;
            ls.predict(1, 0, f);
            ls.learn((int) (2 * f[0] - f[3] + f[12]));
        }
        f[0] = 7;
        f[3] = -4;
        f[12] = 2;
        for (int k : new int[] {1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15}) f[k] = 0;
        assertEquals(16 * (14 + 4 + 2), ls.predict(1, 0, f), 2, "2·7 + 4 + 2 in sixteenths");
        assertEquals(0, ls.predict(0, 0, f), "another pass has learnt nothing");
    }

    @Test
    void theProbabilitiesFollowTheLocation() {
        Expert expert = new Expert(PixelScan.PASSES);
        long[] f = new long[LeastSquares.FEATURES];
        // teach pass 0 that samples lie 6 above P0
        f[0] = 1;
        for (int n = 0; n < 200; n++) {
            expert.start(0, 3, 12, 100, 100, f, 0);
            expert.learn(6, 6);
        }
        expert.start(0, 3, 12, 100, 100, f, 0);
        int notZero = expert.exponentStep(0);
        assertTrue(notZero > 500, "a difference of 0 is unlikely: " + notZero);
        assertTrue(expert.negative(3) < -500, "6 lies above: the sign is positive: " + expert.negative(3));
        // 6 = 110: with the top bit of exponent 3 known, the next bit is more likely 1 (6, 7) than 0 (4, 5)
        assertTrue(expert.mantissaBit(1, 1, false) > 0, "6 over 4: " + expert.mantissaBit(1, 1, false));
    }

    @Test
    void smallNoisyImagesCodeSmallerWithTheExpertAndDecodeExactly() throws Exception {
        long without = 0;
        long with = 0;
        for (int seed = 1; seed <= 4; seed++) {
            Image img = ramp(32, 32, seed);
            ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
            for (boolean expert : new boolean[] {false, true}) {
                PixelLevels coding = new PixelLevels(ct, 1, 0, 0, false, expert);
                List<byte[]> levels = coding.encode(img, List.of(ct), QUIET).payloads();
                long bytes = 0;
                for (byte[] l : levels) bytes += l.length;
                if (expert) with += bytes;
                else without += bytes;
                var decoder = coding.decoder(3, 32, 32, 8);
                for (byte[] l : levels) decoder.next(l, 0, n -> { });
                int[][] planes = decoder.planes();
                int[][] expected = dev.nwf.codec.transform.Pyramid.transformedPlanes(img, ct);
                for (int c = 0; c < 3; c++) assertEquals(java.util.Arrays.toString(expected[c]),
                        java.util.Arrays.toString(planes[c]));
            }
        }
        assertNotEquals(without, with);
        assertTrue(with < without * 0.98, "noisy ramps with the expert: " + with + " bytes against " + without);
    }

    /** A colour ramp with noise: what a camera's crop looks like to the model. */
    private static Image ramp(int w, int h, long seed) {
        Random r = new Random(seed);
        int[][] planes = new int[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = 40 + 3 * x + 2 * y;
                for (int c = 0; c < 3; c++) {
                    int v = base + 10 * c + (int) Math.round(r.nextGaussian() * 4);
                    planes[c][y * w + x] = Math.max(0, Math.min(255, v));
                }
            }
        }
        return new Image(w, h, 8, planes);
    }
}
