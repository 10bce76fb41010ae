package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.transform.ColourTransform;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Channel 0's gradients (tool colour-gradients, SPEC.md §4.4.12): the correction learns a colour that steps with
 * channel 0, gradients of 0 leave it as it was, and steps past the features' clamp are clamped; pixel levels with the
 * tool (its correction and its context) are exact at edge sizes of 1 to 4 channels (with and without the expert, a
 * grid, a finish and candidates), the same on threads, and differ from the tool's absence only where there are colours
 * after the first.
 */
class ColourGradientsTest {
    private static final PixelTools GRADIENTS = PixelTools.DIFFERENCES.withExpert(true).withClasses(true)
            .withFarContexts(true).withPackedLines(true).withColourGradients(true);

    /** A colour that steps by half of channel 0's step from its W neighbour is soon predicted to within a unit. */
    @Test
    void learnsAColourThatStepsWithChannel0() {
        Correction correction = new Correction(PixelScan.PASSES, true);
        int[] nb = new int[PixelScan.NEIGHBOURS];
        int[] at = new int[PixelScan.NEIGHBOURS];
        Random random = new Random(11);
        int late = 0;
        for (int t = 0; t < 3000; t++) {
            Arrays.fill(nb, 100);
            int v0 = 500;
            for (int k = 0; k < at.length; k++) at[k] = v0 - random.nextInt(61) + 30;
            int value = 100 + (v0 - at[0]) / 2;
            correction.gradients(v0, at);
            long sixteenths = correction.predict(PixelScan.RASTER, nb, 100, 0, 0);
            int predicted = 100 + (int) (sixteenths + 8 >> 4);
            if (t >= 2000 && Math.abs(predicted - value) > 1) late++;
            correction.learn(value);
        }
        assertEquals(0, late, "samples of the last thousand predicted more than a unit off");
    }

    /**
     * Gradients of 0 (channel 0 flat around the pixel) predict as a correction without them, which loops over the
     * first ten features only.
     */
    @Test
    void zeroGradientsChangeNothing() {
        Correction plain = new Correction(PixelScan.PASSES);
        Correction flat = new Correction(PixelScan.PASSES, true);
        int[] nb = new int[PixelScan.NEIGHBOURS];
        int[] at = new int[PixelScan.NEIGHBOURS];
        Random random = new Random(5);
        for (int t = 0; t < 2000; t++) {
            for (int k = 0; k < nb.length; k++) nb[k] = 100 + random.nextInt(21) - 10;
            int v0 = random.nextInt(256);
            Arrays.fill(at, v0);
            at[t % at.length] = PixelModel.MISSING;
            flat.gradients(v0, at);
            int first = random.nextInt(9) - 4;
            assertEquals(plain.predict(t % 3, nb, 100, first, first), flat.predict(t % 3, nb, 100, first, first));
            int value = 100 + random.nextInt(11) - 5;
            plain.learn(value);
            flat.learn(value);
        }
    }

    /** Steps of a 16-bit channel 0 past ±32767 are clamped as the other features: 65535 and 40000 predict alike. */
    @Test
    void steepGradientsAreClamped() {
        Correction steepest = new Correction(PixelScan.PASSES, true);
        Correction steep = new Correction(PixelScan.PASSES, true);
        int[] nb = new int[PixelScan.NEIGHBOURS];
        int[] down = new int[PixelScan.NEIGHBOURS];
        int[] less = new int[PixelScan.NEIGHBOURS];
        Random random = new Random(3);
        for (int t = 0; t < 1000; t++) {
            for (int k = 0; k < nb.length; k++) nb[k] = 30000 + random.nextInt(201) - 100;
            boolean up = random.nextBoolean();
            int v0 = up ? 65535 : 0;
            Arrays.fill(down, up ? 0 : 65535); // steps of ±65535
            Arrays.fill(less, up ? 25535 : 40000); // steps of ±40000
            steepest.gradients(v0, down);
            steep.gradients(v0, less);
            assertEquals(steepest.predict(0, nb, 30000, 0, 0), steep.predict(0, nb, 30000, 0, 0), "sample " + t);
            int value = 30000 + (up ? 500 : -500) + random.nextInt(11) - 5;
            steepest.learn(value);
            steep.learn(value);
        }
    }

    /** Edge sizes of 1 to 4 channels, every finish and none, with a grid, candidates, the expert's tools or not. */
    @ParameterizedTest
    @CsvSource({"1,1,3", "9,1,3", "1,17,4", "2,2,4", "17,17,3", "65,47,1", "129,67,3", "200,130,4"})
    void everyCodingDecodesExactly(int w, int h, int channels) throws Exception {
        boolean expert = (w + h) % 2 == 0;
        PixelLevelsTest.assertEveryCodingExact(w, h, channels, 19L * w, 13L * h, (candidates, g) ->
                PixelTools.CANDIDATES.withCandidates(candidates).withExpert(expert)
                        .withGridClasses(expert && g != null).withFarContexts(!expert)
                        .withColourGradients(true));
    }

    /** 8- and 16-bit colours on threads (channel c's rows wait for channel 0's) and one after another. */
    @ParameterizedTest
    @ValueSource(ints = {8, 16})
    void threadsCodeTheSameBytes(int depth) throws Exception {
        Image img = SyntheticImages.sharedColourNoise(300, 200, depth, 0.8, depth);
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        int t = PixelLevels.finishFor(300, 200, 0, 4);
        PixelLevelsTest.assertSameOnThreadsAndExact(new PixelLevels(ct, 0, 0, 0, t, null, GRADIENTS),
                new PixelLevels(ct, 1, 0, 0, t, null, GRADIENTS), img, ct, depth + "-bit colours");
    }

    /** Colours after the first are predicted otherwise; gray has none, and its levels are those without the tool. */
    @Test
    void onlyColoursAfterTheFirstChange() {
        Image rgb = SyntheticImages.synthetic(128, 96, 3, 8, 12);
        ColourTransform green = ColourTransform.SUBTRACT_GREEN;
        assertFalse(Arrays.deepEquals(payloads(GRADIENTS, rgb, green),
                payloads(GRADIENTS.withColourGradients(false), rgb, green)));
        Image gray = SyntheticImages.synthetic(128, 96, 1, 8, 12);
        ColourTransform none = ColourTransform.NONE;
        assertArrayEquals(payloads(GRADIENTS, gray, none), payloads(GRADIENTS.withColourGradients(false), gray, none));
    }

    private static byte[][] payloads(PixelTools tools, Image img, ColourTransform ct) {
        return new PixelLevels(ct, 0, 0, 0, 3, null, tools).encode(img, List.of(ct), (l, t) -> { }).payloads()
                .toArray(new byte[0][]);
    }
}
