package dev.nwf.files;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/** Input images: every format the JDK reads, and files with several frames refused rather than cut to one. */
class ImageFilesTest {
    private final Image image = SyntheticImages.synthetic(23, 17, 3, 8, 1);

    /**
     * Issue #24: reading and writing need no temporary file (ImageIO's cache would need free space in the temp
     * directory and be left there by a killed process): they work with ImageIO's cache directory gone.
     */
    @Test
    void noTemporaryFileIsNeeded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws IOException {
        java.nio.file.Path cache = java.nio.file.Files.createDirectory(tmp.resolve("cache"));
        boolean used = ImageIO.getUseCache();
        java.io.File dir = ImageIO.getCacheDirectory();
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(cache.toFile());
        java.nio.file.Files.delete(cache);
        try {
            assertThrows(Exception.class, () -> ImageIO.createImageInputStream(new ByteArrayInputStream(
                    new byte[8])), "the JDK's own streams would need the cache");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageFiles.writePng(new ImageFiles.Picture(image, null, java.util.Map.of("k", "v")), out);
            ImageFiles.Picture back = ImageFiles.readPicture(new ByteArrayInputStream(out.toByteArray()), "x.png");
            assertTrue(image.sameAs(back.image()));
        } finally {
            ImageIO.setCacheDirectory(dir);
            ImageIO.setUseCache(used);
        }
    }

    /**
     * Text entries keep the file's order through reading and writing, so the same input always encodes to the same
     * bytes.
     */
    @Test
    void textEntriesKeepTheirOrder() throws IOException {
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        for (int k = 0; k < 12; k++) text.put("key" + (k * 7 % 12), "value " + k);
        ImageFiles.Picture picture = new ImageFiles.Picture(image, null, text);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.copyOf(text.keySet()),
                java.util.List.copyOf(picture.text().keySet()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageFiles.writePng(picture, out);
        ImageFiles.Picture back = ImageFiles.readPicture(new ByteArrayInputStream(out.toByteArray()), "text.png");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.copyOf(text.entrySet()),
                java.util.List.copyOf(back.text().entrySet()));
        Decoded decoded = new Decoded(image, 1, 1, null, new java.util.LinkedHashMap<>(java.util.Map.of("text", text)),
                null, null);
        org.junit.jupiter.api.Assertions.assertEquals(text, decoded.metadata().get("text"));
    }

    @Test
    void tiffAndBmpInputsReadExactly() throws IOException {
        for (String format : new String[] {"tiff", "bmp", "png"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(ImageIO.write(ImageFiles.toBufferedImage(image), format, out), format);
            Image back = ImageFiles.readPicture(new ByteArrayInputStream(out.toByteArray()), "in." + format).image();
            assertTrue(image.sameAs(back), format);
        }
    }

    @Test
    void animatedGifIsRefused() throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < 2; i++) writer.writeToSequence(new IIOImage(new BufferedImage(8, 8,
                    BufferedImage.TYPE_BYTE_INDEXED), null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        IOException e = assertThrows(IOException.class,
                () -> ImageFiles.readPicture(new ByteArrayInputStream(out.toByteArray()), "anim.gif"));
        assertTrue(e.getMessage().contains("2 frames"), e.getMessage());
    }

    /**
     * An APNG is a PNG whose acTL chunk announces frames the PNG reader skips: refused, not coded as its first frame.
     */
    @Test
    void animatedPngIsRefused() throws IOException {
        byte[] png = ImageFiles.pngBytes(image);
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        byte[] actl = chunk("acTL", ByteBuffer.allocate(8).putInt(2).putInt(0).array());
        byte[] apng = new byte[png.length + actl.length];
        System.arraycopy(png, 0, apng, 0, afterIhdr);
        System.arraycopy(actl, 0, apng, afterIhdr, actl.length);
        System.arraycopy(png, afterIhdr, apng, afterIhdr + actl.length, png.length - afterIhdr);
        IOException e = assertThrows(IOException.class, () -> ImageFiles.readPicture(new ByteArrayInputStream(apng),
                "anim.png"));
        assertTrue(e.getMessage().contains("animated PNG"), e.getMessage());
        assertTrue(image.sameAs(ImageFiles.readPicture(new ByteArrayInputStream(png), "still.png").image()));
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** A CMYK image is refused by name, never coded as RGBA with K in the alpha channel. */
    @Test
    void cmykIsRefusedNotCodedAsRgba() {
        java.awt.color.ColorSpace cmyk = new java.awt.color.ColorSpace(java.awt.color.ColorSpace.TYPE_CMYK, 4) {
            private static final long serialVersionUID = 1L;

            @Override
            public float[] toRGB(float[] v) {
                return new float[] {(1 - v[0]) * (1 - v[3]), (1 - v[1]) * (1 - v[3]), (1 - v[2]) * (1 - v[3])};
            }

            @Override
            public float[] fromRGB(float[] rgb) {
                return new float[] {1 - rgb[0], 1 - rgb[1], 1 - rgb[2], 0};
            }

            @Override
            public float[] toCIEXYZ(float[] v) {
                return java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB).toCIEXYZ(toRGB(v));
            }

            @Override
            public float[] fromCIEXYZ(float[] xyz) {
                return fromRGB(java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB)
                        .fromCIEXYZ(xyz));
            }
        };
        java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(cmyk, false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(cm,
                cm.createCompatibleWritableRaster(4, 3), false, null);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ImageFiles.fromBufferedImage(image));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("CMYK"), e.getMessage());
    }
}
