package dev.nwf.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.cli.Nwf;
import dev.nwf.codec.Image;
import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.pixel.PixelLevels;
import dev.nwf.codec.pixel.PixelTools;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.files.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What tool grid-classes (SPEC.md §4.4.10) is for: a JPEG-decoded photo — the CLI's sample, mirrored to 512×512 so
 * that each grid position's set passes the 1024 samples that start its classes, through JPEG at quality 0.75 — codes
 * smaller as pixel levels with a grid (differences only, the expert and its classes, the far contexts, a raster
 * finish) when a position's expert learns per quarter of the error level, in colour (0.26 %) and gray (0.72 %).
 */
class GridClassesPhotoTest {
    @Test
    void aJpegDecodedPhotoCodesSmaller() throws Exception {
        Image photo = jpegDecoded(mirrored(sample()), 0.75f);
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

    private static Image sample() throws Exception {
        try (InputStream in = Nwf.class.getResourceAsStream("/dev/nwf/cli/samples/astronaut-256.png")) {
            return ImageFiles.read(in, "sample");
        }
    }

    /** The image and its mirror images in a 2×2 tiling: twice the width and height, without seams. */
    private static BufferedImage mirrored(Image p) {
        int w = p.width();
        int h = p.height();
        BufferedImage out = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2 * h; y++) {
            for (int x = 0; x < 2 * w; x++) {
                int i = (y < h ? y : 2 * h - 1 - y) * w + (x < w ? x : 2 * w - 1 - x);
                out.setRGB(x, y, p.plane(0)[i] << 16 | p.plane(1)[i] << 8 | p.plane(2)[i]);
            }
        }
        return out;
    }

    private static Image jpegDecoded(BufferedImage image, float quality) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray()));
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        int[][] planes = new int[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = decoded.getRGB(x, y);
                planes[0][y * w + x] = rgb >> 16 & 0xFF;
                planes[1][y * w + x] = rgb >> 8 & 0xFF;
                planes[2][y * w + x] = rgb & 0xFF;
            }
        }
        return new Image(w, h, 8, planes);
    }

    private static long bytes(PixelLevels coding, Image img, ColourTransform ct) {
        return coding.encode(img, List.of(ct), (level, work) -> { }).payloads().stream().mapToLong(b -> b.length).sum();
    }
}
