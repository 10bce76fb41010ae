package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.transform.ColourTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expert's classes (tool expert-classes, SPEC.md §4.4.8): exact at edge sizes and past the classes' start, with
 * and without a finish, a grid, candidates and own errors, the same bytes on threads; the class of a neighbourhood,
 * one class in a grid position's set; the tool needs the expert; a photo-like image codes smaller with it, a crop
 * too small to start the classes the same.
 */
class ExpertClassesTest {
    /** Differences only, the expert and its classes. */
    private static final PixelTools CLASSES = PixelTools.DIFFERENCES.withExpert(true).withClasses(true);

    /** Edge sizes of 1 to 4 channels, every finish and none, with a grid, candidates, own errors or not. */
    @ParameterizedTest
    @CsvSource({"1,1,1", "9,1,3", "1,17,1", "2,2,4", "17,17,3", "65,47,1", "129,67,3", "300,200,3", "200,130,2"})
    void everyCodingDecodesExactly(int w, int h, int channels) throws Exception {
        // the grid's codings read their own errors too
        PixelLevelsTest.assertEveryCodingExact(w, h, channels, 11L * w, 5L * h, (candidates, g) ->
                PixelTools.CANDIDATES.withCandidates(candidates).withExpert(true).withOwnErrors(g != null)
                        .withClasses(true));
    }

    /** 16-bit samples, whose features reach their clamp. */
    @Test
    void sixteenBitNoiseDecodesExactly() throws Exception {
        Image img = SyntheticImages.noise(90, 60, 3, 16, 9);
        int t = PixelLevels.finishFor(90, 60, 0, 4);
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        PixelLevelsTest.assertSameOnThreadsAndExact(new PixelLevels(ct, 0, 0, 0, t, null, CLASSES),
                new PixelLevels(ct, 1, 0, 0, t, null, CLASSES), img, ct, "16-bit noise");
    }

    /** The level's quarter, then across the rows (1), along them (2) or neither (0), by a third either way. */
    @Test
    void theClassOfANeighbourhood() {
        long[] flat = new long[LeastSquares.FEATURES];
        assertEquals(0, LeastSquares.classOf(0, flat));
        assertEquals(9, LeastSquares.classOf(15, flat));
        assertEquals(3, LeastSquares.classOf(4, flat));
        // W and NW differ (a vertical step between the rows above and this one's left): across is 8, along 0
        long[] across = new long[LeastSquares.FEATURES];
        across[0] = 8;
        across[4] = 8;
        assertEquals(1, LeastSquares.classOf(0, across));
        // N differs from NW and NE: along 8, across 4 (N against NN)
        long[] along = new long[LeastSquares.FEATURES];
        along[1] = 4;
        assertEquals(2 + 6, LeastSquares.classOf(9, along));
        // along 3 (W against WW, N against NW), across 3 (W against NW, N against NN): neither
        long[] near = new long[LeastSquares.FEATURES];
        near[2] = 2;
        near[4] = 1;
        near[5] = 1;
        assertEquals(0, LeastSquares.classOf(0, near));
        // along 3, across 2: along by more than a third
        near[5] = 0;
        assertEquals(2, LeastSquares.classOf(0, near));
    }

    /**
     * A grid position's set keeps one class (SPEC.md §4.4.8): past its 1024th sample it predicts alike whatever the
     * error level, where a pass's set follows the level's class.
     */
    @Test
    void aGridPositionsSetKeepsOneClass() {
        LeastSquares a = new LeastSquares(PixelScan.PASSES * 2, LeastSquares.CLASSES);
        LeastSquares b = new LeastSquares(PixelScan.PASSES * 2, LeastSquares.CLASSES);
        java.util.Random r = new java.util.Random(3);
        boolean passDiffers = false;
        for (int i = 0; i < 4000; i++) {
            long[] f = new long[LeastSquares.FEATURES];
            for (int k = 0; k < f.length; k++) f[k] = r.nextInt(41) - 20;
            int target = (int) (f[0] + f[1] - f[2]) + r.nextInt(5) - 2;
            int level = r.nextInt(16);
            assertEquals(b.predict(PixelScan.PASSES, 0, f), a.predict(PixelScan.PASSES, level, f), "sample " + i);
            a.learn(target);
            b.learn(target);
            passDiffers |= a.predict(0, level, f) != b.predict(0, 0, f);
            a.learn(target);
            b.learn(target);
        }
        assertTrue(passDiffers, "a pass's set predicted alike in every class");
    }

    @Test
    void theToolNeedsTheExpert() {
        assertThrows(IllegalArgumentException.class, () -> PixelTools.DIFFERENCES.withClasses(true));
    }

    /** What the tool is for: a photo-like image with edges codes smaller when the expert learns per class. */
    @Test
    void aPhotoLikeImageCodesSmaller() {
        Image img = SyntheticImages.synthetic(256, 192, 3, 8, 21);
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        long with = PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, 4, null, CLASSES), img, ct);
        long without = PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, 4, null, CLASSES.withClasses(false)),
                img, ct);
        assertTrue(with < without, with + " bytes with classes, " + without + " without");
    }

    /** A 24×24 image's passes never reach a state set's 1024th sample: the classes never start, the bytes are equal. */
    @Test
    void aCropTooSmallToStartTheClassesCodesTheSame() {
        Image img = SyntheticImages.synthetic(24, 24, 3, 8, 4);
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        int t = PixelLevels.finishFor(24, 24, 0, 4);
        assertEquals(PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, t, null, CLASSES.withClasses(false)),
                img, ct), PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, t, null, CLASSES), img, ct));
    }
}
