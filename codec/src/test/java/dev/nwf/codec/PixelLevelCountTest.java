package dev.nwf.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.transform.LevelPlan;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many pixel levels the encoder writes when not told (SPEC.md §4.4.1): every level, or one for small images. */
class PixelLevelCountTest {
    private final NwfCodec codec = new NwfCodec(TestModels.constant());

    private static long size(NwfFile f) {
        return NwfContainer.toBytes(f).length;
    }

    @Test
    void aSmallImageGetsTheSmallerOfEveryLevelAndOne() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            Image img = SyntheticImages.graphic(64, 48, 3, 8, seed);
            assertTrue(img.pixels() <= NwfCodec.ONE_LEVEL_TRIAL_PIXELS);
            int planned = LevelPlan.sizes(64, 48).length;
            NwfFile chosen = codec.encode(img);
            NwfFile progressive = codec.withLevels(planned).encode(img);
            long every = size(progressive);
            long one = size(codec.withLevels(1).encode(img));
            assertEquals(Math.min(every, one), size(chosen), "seed " + seed);
            assertEquals(one < every ? 1 : progressive.header().levels(), chosen.header().levels(), "seed " + seed);
            assertTrue(img.sameAs(codec.decoder().decode(chosen).image()));
        }
    }

    /**
     * A larger image keeps the plan's levels down to the raster finish's preview at 1/16 for progressive display, then
     * finishes in raster order (SPEC.md §4.4.1); without the tool, every level of the plan.
     */
    @Test
    void aLargerImageKeepsItsCoarseLevelsForProgressiveDisplay() throws Exception {
        Image img = SyntheticImages.graphic(256, 160, 1, 8, 4);
        assertTrue(img.pixels() > NwfCodec.ONE_LEVEL_TRIAL_PIXELS);
        NwfFile chosen = codec.encode(img);
        CodingTools tools = NwfCodec.tools(chosen.header());
        assertTrue(tools.tools().contains(CodingTool.PIXEL_LEVELS));
        int[][] plan = LevelPlan.sizes(256, 160);
        assertEquals(4, tools.rasterFinish);
        assertEquals(plan.length - 4 + 1, chosen.header().levels());
        assertEquals(List.of(16, 256), chosen.levelIndex().stream().map(l -> l.width()).toList());
        assertTrue(img.sameAs(codec.decoder().decode(chosen).image()));
        java.util.Set<CodingTool> noFinish = java.util.EnumSet.copyOf(codec.tools());
        noFinish.remove(CodingTool.RASTER_FINISH);
        assertEquals(plan.length, codec.withTools(noFinish).encode(img).header().levels());
    }

    /**
     * A large image's preview is 1/32 or 1/64 where that leaves 48 pixels or more along its longer side, as many as an
     * 800×600 photo's 1/16 has; the file's levels say so, and it decodes exactly.
     */
    @Test
    void aLargeImagesPreviewIsAFinerStrideAsWide() throws Exception {
        assertEquals(4, NwfCodec.rasterFinishFor(800, 600));
        assertEquals(4, NwfCodec.rasterFinishFor(1535, 1000));
        assertEquals(5, NwfCodec.rasterFinishFor(1536, 1000));
        assertEquals(5, NwfCodec.rasterFinishFor(1200, 2560));
        assertEquals(6, NwfCodec.rasterFinishFor(4000, 3000));
        assertEquals(6, NwfCodec.rasterFinishFor(50000, 3));
        Image img = SyntheticImages.graphic(1600, 40, 1, 8, 6);
        NwfFile chosen = codec.encode(img);
        CodingTools tools = NwfCodec.tools(chosen.header());
        assertTrue(tools.tools().contains(CodingTool.PIXEL_LEVELS));
        assertEquals(5, tools.rasterFinish);
        List<Integer> widths = chosen.levelIndex().stream().map(l -> l.width()).toList();
        assertEquals(List.of(50, 1600), widths.subList(widths.size() - 2, widths.size()));
        assertTrue(img.sameAs(codec.decoder().decode(chosen).image()));
    }
    /**
     * A sprite strip coded as one level gets level 0's period (SPEC.md §4.4.1) where it codes smaller, and the file
     * lists it and decodes exactly; a graphic with no repeat gets none.
     */
    @Test
    void aSpriteStripIsCodedWithItsFramesPeriod() throws Exception {
        Image strip = SyntheticImages.spriteStrip(10, 24, 16, 3, 9);
        java.util.Set<CodingTool> noRows = java.util.EnumSet.copyOf(codec.tools());
        noRows.remove(CodingTool.DEFLATE_ROWS);
        NwfCodec pixels = codec.withTools(noRows).withLevels(1);
        NwfFile file = pixels.encode(strip);
        CodingTools tools = NwfCodec.tools(file.header());
        assertEquals(24, tools.pixelLevelsPeriod);
        assertTrue(tools.describe().stream().anyMatch(d -> d.contains("period 24")), tools.describe().toString());
        assertTrue(strip.sameAs(codec.decoder().decode(NwfContainer.toBytes(file)).image()));
        Image plain = SyntheticImages.fourColours(64, 48, 2);
        assertEquals(0, NwfCodec.tools(pixels.encode(plain).header()).pixelLevelsPeriod);
    }
    /**
     * Where LZ77 codes what the context models cannot (every row a rotation of one noisy row, by a random amount), a
     * small image is coded as rows in a DEFLATE stream (SPEC.md §4.5), far smaller than otherwise, and decodes exactly.
     */
    @Test
    void aSmallImageThatLz77CodesBestIsCodedAsRows() throws Exception {
        java.util.Random r = new java.util.Random(4);
        int w = 256;
        int h = 24;
        int[] row = new int[w];
        for (int x = 0; x < w; x++) row[x] = r.nextInt(256);
        int[] plane = new int[w * h];
        for (int y = 0; y < h; y++) {
            int shift = r.nextInt(w);
            for (int x = 0; x < w; x++) plane[y * w + x] = row[(x + shift) % w];
        }
        Image img = new Image(w, h, 8, new int[][] {plane});
        NwfFile file = codec.encode(img);
        assertTrue(NwfCodec.tools(file.header()).tools().contains(CodingTool.DEFLATE_ROWS),
                NwfCodec.tools(file.header()).describe().toString());
        assertEquals(1, file.header().levels());
        assertTrue(size(file) < w + 20 * h, size(file) + " bytes");
        assertTrue(img.sameAs(codec.decoder().decode(NwfContainer.toBytes(file)).image()));
        long without = size(codec.withLevels(LevelPlan.sizes(w, h).length).encode(img));
        assertTrue(size(file) * 3 < without, size(file) + " bytes as rows, " + without + " as every level");
    }
}
