package dev.nwf.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import dev.nwf.format.NwfRead;
import dev.nwf.format.ReadOptions;
import dev.nwf.zoo.ModelZoo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadUpdateListener;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

/** The plugin as any Java program meets it: through ImageIO's own entry points, with the jar on the class path. */
class NwfImageReaderTest {
    private static Image graphic;
    private static Image photo;
    private static byte[] graphicFile;
    private static byte[] photoFile;

    @BeforeAll
    static void encode() throws IOException {
        NwfCodec codec = new NwfCodec(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model());
        // above 2^15 pixels, where the encoder keeps every level
        graphic = SyntheticImages.graphic(291, 183, 4, 8, 3);
        photo = SyntheticImages.waves(80, 56, 3);
        graphicFile = NwfContainer.toBytes(codec.encode(graphic, Map.of("text", Map.of("Title", "a graphic")), null,
                null));
        photoFile = NwfContainer.toBytes(codec.encode(photo));
    }

    @Test
    void imageIoFindsTheReaderBySuffixMimeTypeAndContent() throws IOException {
        assertTrue(ImageIO.getImageReadersBySuffix("nwf").next() instanceof NwfImageReader);
        assertTrue(ImageIO.getImageReadersByMIMEType("image/x-nwf").next() instanceof NwfImageReader);
        assertTrue(ImageIO.getImageReadersByFormatName("nwf").next() instanceof NwfImageReader);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(graphicFile))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertTrue(readers.hasNext());
            assertTrue(readers.next() instanceof NwfImageReader);
        }
    }

    @Test
    void imageIoReadDecodesBitExactly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("graphic.nwf");
        Files.write(file, graphicFile);
        assertSamePixels(graphic, ImageIO.read(file.toFile()));
        assertSamePixels(photo, ImageIO.read(new ByteArrayInputStream(photoFile)));
    }

    @Test
    void otherStreamsAreDeclinedWithoutAnException() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(ImageFiles.toBufferedImage(photo), "png", png);
        NwfImageReaderSpi spi = new NwfImageReaderSpi();
        byte[] chunked = NwfContainer.toBytes(NwfContainer.read(graphicFile, ReadOptions.DEFAULT).file(),
                NwfContainer.Form.CHUNKED);
        for (byte[] other : List.of(png.toByteArray(), new byte[0], new byte[] {(byte) 0x8E, 'N', 'W'},
                Arrays.copyOf(chunked, 7), Arrays.copyOf(graphicFile, 1))) {
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(other))) {
                assertFalse(spi.canDecodeInput(in));
                assertEquals(0, in.getStreamPosition(), "the stream is left where it was");
            }
        }
        assertFalse(spi.canDecodeInput("not a stream"));
        // ImageIO still reads the PNG with its own reader
        assertSamePixels(photo, ImageIO.read(new ByteArrayInputStream(png.toByteArray())));
    }

    @Test
    void sizeAndMetadataComeFromTheHeaderAlone() throws IOException {
        // the file cut right after its level index: no level to decode, yet size and metadata are known
        byte[] headOnly = Arrays.copyOf(graphicFile, firstLevelOffset(graphicFile));
        ImageReader reader = readerOn(headOnly);
        assertEquals(291, reader.getWidth(0));
        assertEquals(183, reader.getHeight(0));
        assertEquals(1, reader.getNumImages(true));
        IIOMetadata meta = reader.getImageMetadata(0);
        Node root = meta.getAsTree(NwfMetadata.NATIVE_FORMAT);
        assertEquals("4", ((IIOMetadataNode) root).getAttribute("channels"));
        Node text = root.getFirstChild();
        assertEquals("Title", ((IIOMetadataNode) text).getAttribute("keyword"));
        assertEquals("a graphic", ((IIOMetadataNode) text).getAttribute("value"));
        IIOMetadataNode standard = (IIOMetadataNode) meta.getAsTree("javax_imageio_1.0");
        assertEquals("TRUE", ((IIOMetadataNode) standard.getElementsByTagName("Lossless").item(0)).getAttribute(
                "value"));
        assertEquals("a graphic", ((IIOMetadataNode) standard.getElementsByTagName("TextEntry").item(0))
                .getAttribute("value"));
        assertThrows(IIOException.class, () -> reader.read(0), "no level arrived");
        assertThrows(IndexOutOfBoundsException.class, () -> reader.getWidth(1));
    }

    @Test
    void eachLevelIsAProgressivePass() throws IOException {
        ImageReader reader = readerOn(graphicFile);
        int levels = NwfContainer.read(graphicFile, dev.nwf.format.ReadOptions.DEFAULT).file().header().levels();
        List<String> events = new ArrayList<>();
        reader.addIIOReadUpdateListener(new IIOReadUpdateListener() {
            @Override
            public void passStarted(ImageReader source, BufferedImage image, int pass, int minPass, int maxPass,
                    int minX, int minY, int periodX, int periodY, int[] bands) {
                assertEquals(291, image.getWidth());
                events.add("start " + pass + "/" + maxPass);
            }

            @Override
            public void imageUpdate(ImageReader source, BufferedImage image, int minX, int minY, int width,
                    int height, int periodX, int periodY, int[] bands) {
                events.add("update");
            }

            @Override
            public void passComplete(ImageReader source, BufferedImage image) {
                events.add("complete");
            }

            @Override
            public void thumbnailPassStarted(ImageReader source, BufferedImage thumbnail, int pass, int minPass,
                    int maxPass, int minX, int minY, int periodX, int periodY, int[] bands) {
            }

            @Override
            public void thumbnailUpdate(ImageReader source, BufferedImage thumbnail, int minX, int minY, int width,
                    int height, int periodX, int periodY, int[] bands) {
            }

            @Override
            public void thumbnailPassComplete(ImageReader source, BufferedImage thumbnail) {
            }
        });
        BufferedImage image = reader.read(0);
        assertSamePixels(graphic, image);
        assertTrue(levels > 2, levels + " levels");
        assertEquals(3 * levels, events.size(), events.toString());
        for (int level = 0; level < levels; level++) {
            assertEquals("start " + level + "/" + (levels - 1), events.get(3 * level));
        }
    }

    /**
     * Subsampling by 2^k gives the image decimated by 2^k: the graphic's pixel levels end in a raster finish from
     * stride 16 (SPEC.md §4.4.1), so halves and quarters come from its finest level, every 2nd or 4th pixel, and a
     * sixteenth is its level before the finest, decoded alone.
     */
    @Test
    void subsamplingDecodesFewerLevels() throws IOException {
        ImageReader reader = readerOn(graphicFile);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(2, 2, 0, 0);
        BufferedImage half = reader.read(0, param);
        assertEquals(146, half.getWidth());
        assertEquals(92, half.getHeight());
        assertSamePixels(decimated(graphic, 2), half);
        param.setSourceSubsampling(5, 4, 0, 0);
        BufferedImage quarter = readerOn(graphicFile).read(0, param);
        assertEquals(73, quarter.getWidth());
        assertEquals(46, quarter.getHeight());
        assertSamePixels(decimated(graphic, 4), quarter);
        param.setSourceSubsampling(16, 16, 0, 0);
        assertSamePixels(decimated(graphic, 16), readerOn(graphicFile).read(0, param));
        param.setSourceSubsampling(1024, 1024, 0, 0);
        BufferedImage coarsest = readerOn(graphicFile).read(0, param);
        assertEquals(10, coarsest.getWidth(), "at most the coarsest level's stride");
    }

    /** Every f-th pixel of every f-th row. */
    private static Image decimated(Image img, int f) {
        int w = (img.width() + f - 1) / f;
        int h = (img.height() + f - 1) / f;
        int[][] planes = new int[img.channels()][w * h];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) planes[c][y * w + x] = img.plane(c)[y * f * img.width() + x * f];
            }
        }
        return new Image(w, h, img.bitDepth(), planes);
    }

    @Test
    void aCutStreamGivesItsLastWholeLevelAndAWarning() throws IOException {
        byte[] cut = Arrays.copyOf(graphicFile, graphicFile.length - 40);
        ImageReader reader = readerOn(cut);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        assertEquals(291, image.getWidth());
        assertEquals(183, image.getHeight());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("levels decoded"), warnings.get(0));
    }

    private static ImageReader readerOn(byte[] bytes) throws IOException {
        ImageReader reader = new NwfImageReaderSpi().createReaderInstance(null);
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(bytes)));
        return reader;
    }

    /** Where the first level starts in a compact file (SPEC.md §2.9): the levels end it, back to back. */
    private static int firstLevelOffset(byte[] file) throws IOException {
        NwfRead read = NwfContainer.read(file, ReadOptions.DEFAULT);
        assertEquals(NwfContainer.Form.COMPACT, read.form());
        int at = file.length;
        for (byte[] level : read.file().levels()) at -= level.length;
        return at;
    }

    private static void assertSamePixels(Image expected, BufferedImage actual) {
        assertEquals(expected.width(), actual.getWidth());
        assertEquals(expected.height(), actual.getHeight());
        Image got = ImageFiles.fromBufferedImage(actual);
        assertEquals(expected.channels(), got.channels());
        for (int c = 0; c < expected.channels(); c++) assertArrayEquals(expected.plane(c), got.plane(c), "channel " + c);
    }
}
