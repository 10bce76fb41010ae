package dev.nwf.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import org.junit.jupiter.api.Test;

/** The encoder's effort (nwf encode -e): what each level tries, and that every level's files decode exactly. */
class EffortTest {
    private final NwfCodec codec = new NwfCodec(TestModels.constant());

    private NwfFile encode(int effort, Image img) throws Exception {
        NwfFile f = codec.withEffort(new Effort(effort)).encode(img);
        assertTrue(img.sameAs(codec.decoder().decode(f).image()), "effort " + effort);
        return f;
    }

    @Test
    void everyEffortDecodesExactly() throws Exception {
        for (int e = Effort.MIN; e <= Effort.MAX; e++) {
            encode(e, SyntheticImages.synthetic(40, 30, 3, 8, e));
            encode(e, SyntheticImages.graphic(40, 30, 3, 8, e));
        }
    }

    @Test
    void lowEffortCodesALargeGraphicOnceAsPixelLevelsOfItsPalette() throws Exception {
        Image graphic = SyntheticImages.graphic(320, 240, 3, 8, 3);
        assertTrue(graphic.pixels() > Effort.ONE_CODING_ABOVE_PIXELS);
        CodingTools tools = NwfCodec.tools(encode(1, graphic).header());
        assertTrue(tools.pixelLevels() && tools.palette != null, "pixel levels of the palette's indices");
        // effort 5 and up try that coding among others, and keep the smallest
        long low = NwfContainer.toBytes(encode(1, graphic)).length;
        for (int e = 5; e <= Effort.MAX; e++) {
            assertTrue(NwfContainer.toBytes(encode(e, graphic)).length <= low, "effort " + e);
        }
    }

    /**
     * Below effort 8 a large image whose mosaic codes clearly smaller as pixel levels is not coded whole as wavelet
     * levels too: fewer whole codings (each reports its share of the work), the same file.
     */
    @Test
    void aClearPixelLevelImageSkipsTheWaveletCodingBelowEffortEight() throws Exception {
        Image graphic = SyntheticImages.graphic(640, 480, 3, 8, 6);
        assertTrue(graphic.pixels() > 1 << 18, "large enough for a mosaic (SplitChoice.WHOLE_TRIAL_PIXELS)");
        assertTrue(codings(7, graphic) < codings(8, graphic), "effort 7 codes fewer candidates whole");
        // effort 8 also codes pixel levels without the raster finish, and with the full model: those left out, the
        // two efforts make the same file
        java.util.Set<CodingTool> noFinish = java.util.EnumSet.copyOf(codec.tools());
        noFinish.remove(CodingTool.RASTER_FINISH);
        noFinish.remove(CodingTool.LEAN_MODEL);
        NwfCodec plain = codec.withTools(noFinish);
        assertEquals(NwfContainer.toBytes(plain.withEffort(new Effort(7)).encode(graphic)).length,
                NwfContainer.toBytes(plain.withEffort(new Effort(8)).encode(graphic)).length);
        assertTrue(NwfContainer.toBytes(encode(8, graphic)).length <= NwfContainer.toBytes(encode(7, graphic)).length);
    }

    /**
     * Below effort 8 a photo too small for a mosaic, of 2^16 pixels or more, is coded whole as pixel levels of
     * differences only and not also as wavelet levels (on sets A and P those never won); a smaller one, which costs
     * little to code twice, still is at any effort from 5.
     */
    @Test
    void aSmallPhotoSkipsTheWaveletCodingBelowEffortEight() throws Exception {
        Image photo = SyntheticImages.noise(320, 240, 3, 8, 5);
        assertTrue(photo.pixels() >= Effort.PHOTO_WAVELET_TRIAL_BELOW_PIXELS && photo.pixels() <= 1 << 18,
                "no mosaic (SplitChoice.WHOLE_TRIAL_PIXELS)");
        assertFalse(dev.nwf.codec.pixel.PixelLevels.worthTrying(photo)
                || dev.nwf.codec.transform.Palette.fit(photo) != null, "a photo: neither repeats nor a palette");
        assertEquals(codings(7, photo) + 1, codings(8, photo), "effort 8 codes the wavelet levels too");
        CodingTools tools = NwfCodec.tools(encode(7, photo).header());
        assertTrue(tools.pixelLevels() && !tools.pixel.candidates(), String.join("; ", tools.describe()));
        // against effort 7's full model (effort 8 does not keep it lean)
        java.util.Set<CodingTool> full = java.util.EnumSet.copyOf(codec.tools());
        full.remove(CodingTool.LEAN_MODEL);
        assertTrue(NwfContainer.toBytes(encode(8, photo)).length <= NwfContainer.toBytes(codec.withTools(full)
                .withEffort(new Effort(7)).encode(photo)).length);
        Image smaller = SyntheticImages.noise(240, 200, 3, 8, 5);
        assertTrue(smaller.pixels() < Effort.PHOTO_WAVELET_TRIAL_BELOW_PIXELS);
        assertEquals(codings(7, smaller), codings(8, smaller), "both codings at either effort");
        assertTrue(new Effort(8).codesSmallPhotoAsWaveletToo(photo.pixels()));
        assertFalse(new Effort(7).codesSmallPhotoAsWaveletToo(photo.pixels()));
        assertTrue(new Effort(5).codesSmallPhotoAsWaveletToo(smaller.pixels()));
    }

    /**
     * Up to effort 7 pixel levels of an image of 2^16 pixels or more keep the model lean (tool lean-model, SPEC.md
     * §4.4.13); from 8, and below 2^16 pixels at any effort, the full model.
     */
    @Test
    void aLargeImageTakesTheLeanModelUpToEffortSeven() throws Exception {
        Image photo = SyntheticImages.noise(320, 240, 3, 8, 6);
        assertTrue(photo.pixels() >= Effort.LEAN_MODEL_FROM_PIXELS);
        CodingTools tools = NwfCodec.tools(encode(7, photo).header());
        assertTrue(tools.pixelLevels() && tools.pixel.leanModel(), String.join("; ", tools.describe()));
        CodingTools low = NwfCodec.tools(encode(1, photo).header());
        assertTrue(!low.pixelLevels() || low.pixel.leanModel(), String.join("; ", low.describe()));
        Image smaller = SyntheticImages.noise(240, 200, 3, 8, 6);
        assertTrue(smaller.pixels() < Effort.LEAN_MODEL_FROM_PIXELS);
        CodingTools small = NwfCodec.tools(encode(7, smaller).header());
        assertTrue(small.pixelLevels() && !small.pixel.leanModel(), String.join("; ", small.describe()));
        for (int e = Effort.MIN; e <= Effort.MAX; e++) {
            assertEquals(e <= 7, new Effort(e).keepsModelLean(photo.pixels()), "effort " + e);
            assertFalse(new Effort(e).keepsModelLean(smaller.pixels()), "effort " + e);
        }
    }

    /** How many whole codings the encoder made of the image at this effort. */
    private long codings(int effort, Image img) {
        long[] total = {0};
        codec.withEffort(new Effort(effort)).encode(img, null, null, null, new NwfCodec.EncodeProgress() {
            @Override
            public void levelCoded(int level, int totalLevels) {
            }

            @Override
            public void workDone(long done, long all) {
                total[0] = Math.max(total[0], all);
            }
        });
        return total[0] / 1_000_000;
    }

    @Test
    void lowEffortTriesOneColourTransform() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            NwfFile f = encode(2, SyntheticImages.synthetic(48, 40, 3, 8, seed));
            String chosen = NwfCodec.tools(f.header()).colourTransformName();
            assertTrue(chosen.equals("subtract-green") || chosen.equals("none"), chosen);
        }
    }

    @Test
    void aSmoothRenderTakesPixelLevelsGreenFirstFromEffortThree() throws Exception {
        Image render = SyntheticImages.smoothRender(160, 120);
        assertTrue(dev.nwf.codec.pixel.PixelLevels.greenFirstMayPay(render));
        CodingTools low = NwfCodec.tools(encode(2, render).header());
        assertTrue(low.pixelLevels(), "pixel levels");
        assertEquals("subtract-green", low.colourTransformName());
        CodingTools tried = NwfCodec.tools(encode(7, render).header());
        assertTrue(tried.pixelLevels(), "pixel levels");
        assertEquals("green-first", tried.colourTransformName());
        assertTrue(NwfContainer.toBytes(encode(7, render)).length < NwfContainer.toBytes(encode(2, render)).length);
        // a photo's channels share their noise: their differences repeat more than the planes do
        assertFalse(dev.nwf.codec.pixel.PixelLevels.greenFirstMayPay(SyntheticImages.greenish(160, 120, 3, 5)));
    }

    /**
     * From effort 3 pixel levels are also tried as differences only (SPEC.md §4.4): a small smooth render, whose
     * one-level steps rarely repeat a neighbour exactly, takes them and codes smaller than effort 2 codes it; a
     * graphic keeps its candidates.
     */
    @Test
    void aSmoothRenderTakesDifferencesOnlyFromEffortThree() throws Exception {
        Image render = SyntheticImages.smoothRender(64, 48);
        CodingTools low = NwfCodec.tools(encode(2, render).header());
        assertTrue(!low.pixelLevels() || low.pixel.candidates(), "effort 2 does not try differences only");
        CodingTools tried = NwfCodec.tools(encode(3, render).header());
        assertTrue(tried.pixelLevels() && !tried.pixel.candidates(), String.join("; ", tried.describe()));
        assertTrue(NwfContainer.toBytes(encode(3, render)).length < NwfContainer.toBytes(encode(2, render)).length);
        CodingTools graphic = NwfCodec.tools(encode(7, SyntheticImages.graphic(160, 120, 3, 8, 4)).header());
        assertTrue(graphic.pixelLevels() && graphic.pixel.candidates(), String.join("; ", graphic.describe()));
    }

    @Test
    void theDefaultIsSevenAndTheRangeOneToNine() throws Exception {
        Image img = SyntheticImages.synthetic(40, 30, 3, 8, 9);
        assertEquals(Effort.DEFAULT, codec.effort());
        assertEquals(7, Effort.DEFAULT.level());
        assertEquals(NwfContainer.toBytes(codec.encode(img)).length, NwfContainer.toBytes(encode(7, img)).length);
        assertThrows(IllegalArgumentException.class, () -> new Effort(0));
        assertThrows(IllegalArgumentException.class, () -> new Effort(10));
        assertFalse(new Effort(4).triesAlternatives(Effort.ONE_CODING_ABOVE_PIXELS + 1));
        assertTrue(new Effort(4).triesAlternatives(Effort.ONE_CODING_ABOVE_PIXELS));
    }
}
