package dev.nwf.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.pixel.PixelLevels;
import dev.nwf.codec.pixel.PixelTools;
import dev.nwf.codec.transform.ColourTransform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What tool far-contexts (SPEC.md §4.4.9) is for: the CLI's sample photo as pixel levels (differences only, the
 * expert and its classes, a raster finish) codes smaller with the far and cross contexts than without (0.19 %; on a
 * synthetic photo-like image they came out 0.02 % larger, so the test takes a real photo).
 */
class FarContextsPhotoTest {
    @Test
    void theSamplePhotoCodesSmaller() throws Exception {
        Image photo = SamplePhoto.read();
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        int t = PixelLevels.finishFor(photo.width(), photo.height(), 0, 4);
        PixelTools far = PixelTools.DIFFERENCES.withExpert(true).withClasses(true).withFarContexts(true);
        long with = bytes(new PixelLevels(ct, 0, 0, 0, t, null, far), photo, ct);
        long without = bytes(new PixelLevels(ct, 0, 0, 0, t, null, far.withFarContexts(false)), photo, ct);
        assertTrue(with < without, with + " bytes with the far contexts, " + without + " without");
    }

    private static long bytes(PixelLevels coding, Image img, ColourTransform ct) {
        return coding.encode(img, List.of(ct), (level, work) -> { }).payloads().stream().mapToLong(b -> b.length).sum();
    }
}
