package dev.nwf.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.ReadOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing through ImageIO: lossless, and the progressive mode chooses every level or one. */
class NwfImageWriterTest {
    @Test
    void imageIoWriteThenReadIsBitExact(@TempDir Path dir) throws IOException {
        for (Image img : new Image[] {SyntheticImages.graphic(50, 33, 3, 8, 9), SyntheticImages.graphic(20, 17, 2,
                16, 10)}) {
            File file = dir.resolve("x" + img.channels() + ".nwf").toFile();
            assertTrue(ImageIO.write(ImageFiles.toBufferedImage(img), "nwf", file));
            BufferedImage back = ImageIO.read(file);
            Image got = ImageFiles.fromBufferedImage(back);
            assertEquals(img.bitDepth(), got.bitDepth());
            for (int c = 0; c < img.channels(); c++) assertArrayEquals(img.plane(c), got.plane(c));
        }
    }

    /** Compression quality sets the effort as the JDK's PNG writer sets its deflate level; always lossless. */
    @Test
    void compressionQualitySetsTheEffort() throws IOException {
        ImageWriteParam param = ImageIO.getImageWritersByFormatName("nwf").next().getDefaultWriteParam();
        assertTrue(param.canWriteCompressed());
        assertEquals(7, NwfImageWriter.effortOf(param).level(), "without an explicit mode, nwf encode's default");
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        assertTrue(param.isCompressionLossless());
        param.setCompressionQuality(1f);
        assertEquals(1, NwfImageWriter.effortOf(param).level());
        param.setCompressionQuality(0f);
        assertEquals(9, NwfImageWriter.effortOf(param).level());
        BufferedImage graphic = ImageFiles.toBufferedImage(SyntheticImages.graphic(40, 30, 3, 8, 12));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("nwf").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(graphic, null, null), param);
        }
        BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(ImageFiles.fromBufferedImage(graphic).plane(0), ImageFiles.fromBufferedImage(back).plane(0));
    }

    @Test
    void progressiveModeDisabledWritesOneSmallerLevel() throws IOException {
        BufferedImage graphic = ImageFiles.toBufferedImage(SyntheticImages.graphic(240, 160, 3, 8, 11));
        byte[] progressive = write(graphic, ImageWriteParam.MODE_DEFAULT);
        byte[] one = write(graphic, ImageWriteParam.MODE_DISABLED);
        assertTrue(one.length < progressive.length, one.length + " against " + progressive.length);
        assertEquals(1, NwfContainer.read(one, ReadOptions.DEFAULT).file().header().levels());
        assertTrue(NwfContainer.read(progressive, ReadOptions.DEFAULT).file().header().levels() > 1);
    }

    private static byte[] write(BufferedImage image, int mode) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("nwf").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(mode);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        return bytes.toByteArray();
    }
}
