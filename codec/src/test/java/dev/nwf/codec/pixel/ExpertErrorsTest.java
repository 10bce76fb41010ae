package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.transform.ColourTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expert's own errors (tool expert-errors, SPEC.md §4.4.7): exact at edge sizes, with and without a raster finish,
 * a grid and candidates, the same bytes on threads; it needs the expert; a photo-like image codes smaller with it.
 */
class ExpertErrorsTest {
    /** Differences only, the expert reading its own errors. */
    private static final PixelTools OWN = PixelTools.DIFFERENCES.withExpert(true).withOwnErrors(true);

    /** Edge sizes of 1 to 4 channels, every finish and none, with a grid and candidates or not, threaded and not. */
    @ParameterizedTest
    @CsvSource({"1,1,1", "9,1,3", "1,17,1", "2,2,4", "17,17,3", "65,47,1", "129,67,3", "300,200,3", "200,130,2"})
    void everyCodingDecodesExactly(int w, int h, int channels) throws Exception {
        PixelLevelsTest.assertEveryCodingExact(w, h, channels, 13L * w, 7L * h, (candidates, g) ->
                PixelTools.CANDIDATES.withCandidates(candidates).withExpert(true).withOwnErrors(true));
    }

    /** 16-bit samples, whose own errors reach the clamp of ±2^20 sixteenths. */
    @Test
    void sixteenBitNoiseDecodesExactly() throws Exception {
        Image img = SyntheticImages.noise(70, 40, 3, 16, 5);
        int t = PixelLevels.finishFor(70, 40, 0, 4);
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        PixelLevelsTest.assertSameOnThreadsAndExact(new PixelLevels(ct, 0, 0, 0, t, null, OWN),
                new PixelLevels(ct, 1, 0, 0, t, null, OWN), img, ct, "16-bit noise");
    }

    @Test
    void theToolNeedsTheExpert() {
        assertThrows(IllegalArgumentException.class, () -> PixelTools.DIFFERENCES.withOwnErrors(true));
    }

    /** What the tool is for: a smooth photo-like image with edges codes smaller when the expert reads its errors. */
    @Test
    void aPhotoLikeImageCodesSmaller() {
        Image img = SyntheticImages.synthetic(256, 192, 3, 8, 21);
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        long with = PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, 4, null, OWN), img, ct);
        long without = PixelLevelsTest.payloadBytes(new PixelLevels(ct, 0, 0, 0, 4, null, OWN.withOwnErrors(false)),
                img, ct);
        assertTrue(with < without, with + " bytes with own errors, " + without + " without");
    }
}
