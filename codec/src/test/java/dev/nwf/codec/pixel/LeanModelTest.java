package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.transform.ColourTransform;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lean model (tool lean-model, SPEC.md §4.4.13): exact at edge sizes with and without the expert, candidates, a
 * finish and a grid, the same bytes on threads; its least squares learn every sample up to a state set's 2048th, then
 * the model's every fourth offered sample; it changes the coded bytes, and costs a photo-like image little.
 */
class LeanModelTest {
    /** Differences only, the expert, its classes and the lean model: what effort 7 codes a large photo with. */
    private static final PixelTools LEAN = PixelTools.DIFFERENCES.withExpert(true).withClasses(true)
            .withFarContexts(true).withPackedLines(true).withColourGradients(true).withLeanModel(true);

    /** Edge sizes of 1 to 4 channels, every finish and none, with a grid, candidates, the expert or not. */
    @ParameterizedTest
    @CsvSource({"1,1,1", "9,1,3", "1,17,1", "2,2,4", "17,17,3", "65,47,1", "129,67,3", "300,200,3"})
    void everyCodingDecodesExactly(int w, int h, int channels) throws Exception {
        PixelLevelsTest.assertEveryCodingExact(w, h, channels, 13L * w, 7L * h, (candidates, g) ->
                PixelTools.CANDIDATES.withCandidates(candidates).withExpert(!candidates).withLeanModel(true));
    }

    /** A set's first 2048 samples all count; after them the 4th, 8th, … offered are taken in, the others left out. */
    @Test
    void theLeastSquaresLearnEveryFourthSamplePastTheFirst2048() {
        LeastSquares lean = new LeastSquares(PixelScan.PASSES, 1, 1, true);
        LeastSquares full = new LeastSquares(PixelScan.PASSES, 1, 1, false);
        Random r = new Random(5);
        int offered = 0;
        for (int i = 0; i < 2048 + 600; i++) {
            long[] f = new long[LeastSquares.FEATURES];
            for (int k = 0; k < f.length; k++) f[k] = r.nextInt(41) - 20;
            int target = (int) (f[0] + f[1] - f[2]) / 2 + r.nextInt(7) - 3 + (i >= 2048 ? (int) f[3] : 0);
            long predicted = lean.predict(0, 0, f);
            assertEquals(full.predict(0, 0, f), predicted, "sample " + i);
            lean.learn(target);
            // the full statistics take in only what the lean ones do: the first 2048, then every fourth one
            if (i < 2048 || ++offered % 4 == 0) full.learn(target);
        }
    }

    /** Past a set's first 2048 samples the lean statistics differ from the full ones: the tool is not a no-op. */
    @Test
    void leanStatisticsDifferFromFullOnesPastTheFirst2048() {
        LeastSquares lean = new LeastSquares(PixelScan.PASSES, 1, 1, true);
        LeastSquares full = new LeastSquares(PixelScan.PASSES, 1, 1, false);
        Random r = new Random(6);
        long[] probe = new long[LeastSquares.FEATURES];
        java.util.Arrays.fill(probe, 9);
        for (int i = 0; i < 4096; i++) {
            long[] f = new long[LeastSquares.FEATURES];
            for (int k = 0; k < f.length; k++) f[k] = r.nextInt(41) - 20;
            // a target whose rule changes halfway: the sets learn it at different paces
            int target = (int) (i < 3000 ? f[0] : f[1] + f[2]) + r.nextInt(5) - 2;
            lean.predict(0, 0, f);
            full.predict(0, 0, f);
            lean.learn(target);
            full.learn(target);
            if (i < 2048) assertEquals(full.predict(0, 0, probe), lean.predict(0, 0, probe), "sample " + i);
        }
        assertNotEquals(full.predict(0, 0, probe), lean.predict(0, 0, probe));
    }

    /** 16-bit colours on threads and serially: the same bytes, decoded exactly. */
    @Test
    void sixteenBitColoursDecodeExactlyOnThreads() throws Exception {
        Image img = SyntheticImages.sharedColourNoise(120, 90, 16, 0.8, 31);
        int t = PixelLevels.finishFor(120, 90, 0, 4);
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        PixelLevelsTest.assertSameOnThreadsAndExact(new PixelLevels(ct, 0, 0, 0, t, null, LEAN),
                new PixelLevels(ct, 1, 0, 0, t, null, LEAN), img, ct, "16-bit colours");
    }

    /** The tool changes the coded bytes, and a photo-like image's by less than 1 %. */
    @Test
    void aPhotoLikeImageCodesAlmostAsSmall() {
        Image img = SyntheticImages.synthetic(256, 192, 3, 8, 22);
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        long lean = PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, 4, null, LEAN), img, ct);
        long full = PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, 4, null, LEAN.withLeanModel(false)),
                img, ct);
        assertNotEquals(full, lean);
        assertTrue(lean < full * 1.01, lean + " bytes lean, " + full + " full");
    }
}
