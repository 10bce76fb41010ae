package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.transform.ColourTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The far and cross contexts (tool far-contexts, SPEC.md §4.4.9): exact at edge sizes of 1 to 4 channels, with and
 * without the expert, its tools, a finish, a grid and candidates, the same bytes on threads; 16-bit samples; the
 * orientation is the classes'; a gray image codes differently (src's FarContextsPhotoTest: a photo codes smaller).
 */
class FarContextsTest {
    /** Differences only, the expert and its classes, the far contexts. */
    private static final PixelTools FAR = PixelTools.DIFFERENCES.withExpert(true).withClasses(true)
            .withFarContexts(true);

    /** Edge sizes of 1 to 4 channels, every finish and none, with a grid, candidates, the expert's tools or not. */
    @ParameterizedTest
    @CsvSource({"1,1,1", "9,1,3", "1,17,1", "2,2,4", "17,17,3", "65,47,1", "129,67,3", "300,200,3", "200,130,2"})
    void everyCodingDecodesExactly(int w, int h, int channels) throws Exception {
        boolean expert = (w + h) % 2 == 0;
        PixelLevelsTest.assertEveryCodingExact(w, h, channels, 13L * w, 7L * h, (candidates, g) ->
                PixelTools.CANDIDATES.withCandidates(candidates).withExpert(expert)
                        .withOwnErrors(expert && g != null).withClasses(expert).withFarContexts(true));
    }

    /** 16-bit samples, whose recorded differences take two bytes and whose offsets reach the last half-octaves. */
    @Test
    void sixteenBitNoiseDecodesExactly() throws Exception {
        Image img = SyntheticImages.noise(90, 60, 3, 16, 9);
        int t = PixelLevels.finishFor(90, 60, 0, 4);
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        PixelLevelsTest.assertSameOnThreadsAndExact(
                new PixelLevels(ct, 0, 0, 0, t, null, FAR), new PixelLevels(ct, 1, 0, 0, t, null, FAR), img, ct,
                "16-bit noise");
    }

    /** The orientation mixer B's sets read is the one of the expert's classes (SPEC.md §4.4.8). */
    @Test
    void theOrientationIsTheClasses() {
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 1000; i++) {
            long[] f = new long[LeastSquares.FEATURES];
            for (int k = 0; k < f.length; k++) f[k] = r.nextInt(21) - 10;
            int level = r.nextInt(16);
            assertEquals(LeastSquares.classOf(level, f) % 3, LeastSquares.orientation(f));
        }
    }

    /**
     * The orientation by a third either way (SPEC.md §4.4.8): W (f0), N (f1), NW (f2), NE (f3), WW (f4), NN (f5) and
     * the wide NNE (f11) as the features place them.
     */
    @Test
    void theOrientationTellsAThirdEitherWay() {
        assertEquals(0, LeastSquares.orientation(features(0, 0, 0, 0, 0, 0)), "flat");
        assertEquals(1, LeastSquares.orientation(features(0, 0, 0, 0, 0, 9)), "across the rows: N − NN");
        assertEquals(2, LeastSquares.orientation(features(0, 0, 0, 0, 9, 0)), "along them: W − WW");
        // along |W − WW| = 3, across |N − NN| = 4: 3·4 is not above 4·3
        assertEquals(0, LeastSquares.orientation(features(0, 0, 0, 0, 3, 4)), "a third more, not above it");
        assertEquals(1, LeastSquares.orientation(features(0, 0, 0, 0, 3, 5)), "above a third more across");
        assertEquals(2, LeastSquares.orientation(features(0, 0, 0, 0, 5, 3)), "above a third more along");
    }

    private static long[] features(long w, long n, long nw, long ne, long ww, long nn) {
        long[] f = new long[LeastSquares.FEATURES];
        f[0] = w;
        f[1] = n;
        f[2] = nw;
        f[3] = ne;
        f[4] = ww;
        f[5] = nn;
        return f;
    }

    /** A gray image has no later channel: only the far context and the orientation change its bytes. */
    @Test
    void aGrayImageCodesDifferently() {
        Image img = SyntheticImages.synthetic(128, 96, 1, 8, 8);
        ColourTransform ct = ColourTransform.NONE;
        assertNotEquals(PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, 3, null, FAR), img, ct),
                PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, 3, null, FAR.withFarContexts(false)), img,
                        ct));
    }
}
