package dev.nwf.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.pixel.PixelLevels;
import dev.nwf.codec.pixel.PixelTools;
import dev.nwf.codec.transform.ColourTransform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What tool grid-classes (SPEC.md §4.4.10) is for: a JPEG-decoded photo — the CLI's sample, mirrored to 512×512 so
 * that each grid position's set passes the 1024 samples that start its classes, through JPEG at quality 0.75 — codes
 * smaller as pixel levels with a grid (differences only, the expert and its classes, the far contexts, a raster
 * finish) when a position's expert learns per quarter of the error level, in colour and in gray.
 */
class GridClassesPhotoTest {
    @Test
    void aJpegDecodedPhotoCodesSmaller() throws Exception {
        Image photo = JpegDecoded.of(mirrored(SamplePhoto.read()), 0.75f);
        BlockGrid grid = BlockGrid.detectThroughout(photo);
        assertNotNull(grid, "the JPEG's grid shows throughout");
        Image gray = new Image(photo.width(), photo.height(), 8, new int[][] {photo.plane(1)});
        int t = PixelLevels.finishFor(photo.width(), photo.height(), 0, 4);
        for (Image img : List.of(photo, gray)) {
            ColourTransform ct = img.channels() == 3 ? ColourTransform.SUBTRACT_GREEN : ColourTransform.NONE;
            PixelTools tools = PixelTools.DIFFERENCES.withExpert(true).withClasses(true).withFarContexts(true);
            long with = bytes(new PixelLevels(ct, 0, 0, 0, t, grid, tools.withGridClasses(true)), img, ct);
            long without = bytes(new PixelLevels(ct, 0, 0, 0, t, grid, tools), img, ct);
            assertTrue(with < without, img.channels() + " channels: " + with + " bytes with the grid's classes, "
                    + without + " without");
        }
    }

    /** The image and its mirror images in a 2×2 tiling: twice the width and height, without seams. */
    private static Image mirrored(Image p) {
        int w = p.width();
        int h = p.height();
        int[][] planes = new int[p.channels()][4 * w * h];
        for (int c = 0; c < p.channels(); c++) {
            for (int y = 0; y < 2 * h; y++) {
                int row = (y < h ? y : 2 * h - 1 - y) * w;
                for (int x = 0; x < 2 * w; x++) planes[c][y * 2 * w + x] = p.plane(c)[row + (x < w ? x : 2 * w - 1 - x)];
            }
        }
        return new Image(2 * w, 2 * h, p.bitDepth(), planes);
    }

    private static long bytes(PixelLevels coding, Image img, ColourTransform ct) {
        return coding.encode(img, List.of(ct), (level, work) -> { }).payloads().stream().mapToLong(b -> b.length).sum();
    }
}
