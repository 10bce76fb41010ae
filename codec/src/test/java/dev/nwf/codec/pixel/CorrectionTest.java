package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.transform.ColourTransform;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The prediction correction of pixel levels (SPEC.md §4.4.2, correction). */
class CorrectionTest {
    /** A channel whose difference is a fixed multiple of an earlier channel's is soon predicted to within a unit. */
    @Test
    void learnsHowADifferenceFollowsAnEarlierChannels() {
        Correction correction = new Correction(PixelScan.PASSES);
        int[] nb = new int[PixelScan.NEIGHBOURS];
        Arrays.fill(nb, 100);
        Random random = new Random(7);
        int late = 0;
        for (int t = 0; t < 3000; t++) {
            int first = random.nextInt(41) - 20;
            int value = 100 - 2 * first;
            long sixteenths = correction.predict(PixelScan.DOWN, nb, 100, 0, first);
            int predicted = 100 + (int) (sixteenths + 8 >> 4);
            if (t >= 2000 && Math.abs(predicted - value) > 1) late++;
            correction.learn(value);
        }
        assertEquals(0, late, "samples of the last thousand predicted more than a unit off");
    }

    /** Each pass has weights of its own: what DOWN learnt does not move ACROSS's prediction. */
    @Test
    void passesLearnApart() {
        Correction correction = new Correction(PixelScan.PASSES);
        int[] nb = new int[PixelScan.NEIGHBOURS];
        for (int t = 0; t < 500; t++) {
            correction.predict(PixelScan.DOWN, nb, 0, 5, 0);
            correction.learn(5);
        }
        assertTrue(correction.predict(PixelScan.DOWN, nb, 0, 5, 0) > 16 * 4, "DOWN learnt the offset");
        assertEquals(0, correction.predict(PixelScan.ACROSS, nb, 0, 5, 0));
    }

    @Test
    void quantisedCorrectionsAreExactToFourThenHalfOctaves() {
        for (int d = 0; d <= 4; d++) assertEquals(d, Correction.quantised(d));
        int[] expected = {5, 6, 6, 7, 7, 7, 7, 8, 8, 8, 8, 9};
        for (int d = 5; d < 5 + expected.length; d++) assertEquals(expected[d - 5], Correction.quantised(d), "" + d);
        for (int d = 1; d < 1000; d++) {
            assertEquals(-Correction.quantised(d), Correction.quantised(-d));
            assertTrue(Correction.quantised(d) >= Correction.quantised(d - 1));
        }
    }

    /**
     * Red and blue whose noise is green's, scaled (as a camera's channels share light): under subtract green their
     * differences still carry that noise, and only the correction from green's coded differences removes most of it:
     * the three channels cost 1.64 times green alone (2.36 times with the correction's inter-channel features off).
     */
    @Test
    void coloursSharingGreensNoiseCostLessThanTwiceGreen() {
        Image colour = SyntheticImages.sharedColourNoise(128, 96, 8, 6, 3);
        Image green = new Image(128, 96, 8, new int[][] {colour.plane(1)});
        long all = bytes(colour, ColourTransform.SUBTRACT_GREEN);
        long alone = bytes(green, ColourTransform.NONE);
        assertTrue(all < 2 * alone, all + " bytes for the three channels, " + alone + " for green alone");
    }

    private static long bytes(Image img, ColourTransform ct) {
        return new PixelLevels(ct, 0, 0, 0, false).encode(img, List.of(ct), PixelLevelsTest.QUIET).payloads().stream()
                .mapToLong(b -> b.length).sum();
    }
}
