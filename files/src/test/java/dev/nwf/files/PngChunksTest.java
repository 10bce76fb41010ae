package dev.nwf.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A PNG's ancillary chunks go from a PNG read to the PNG written, byte for byte, one test per kind. */
class PngChunksTest {
    /** The ancillary chunks a user's PNG may hold, with realistic payloads. */
    static List<PngChunks.Chunk> examples() {
        List<PngChunks.Chunk> out = new ArrayList<>();
        out.add(chunk("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F}));
        out.add(chunk("cHRM", new byte[32]));
        out.add(chunk("sRGB", new byte[] {0}));
        out.add(chunk("pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}));
        out.add(chunk("tIME", new byte[] {0x07, (byte) 0xEA, 12, 2, 10, 30, 0}));
        out.add(chunk("tEXt", latin1("Title\0A plot")));
        out.add(chunk("zTXt", concat(latin1("Comment\0\0"), deflate(latin1("compressed comment")))));
        out.add(chunk("iTXt", concat(latin1("Description\0\0\0de\0"), "Beschreibung\0Ein Bild über Flüsse"
                .getBytes(StandardCharsets.UTF_8))));
        out.add(chunk("iTXt", concat(latin1("XML:com.adobe.xmp\0\0\0\0\0"), latin1("<x:xmpmeta/>"))));
        out.add(chunk("eXIf", new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0}));
        out.add(chunk("vpAg", new byte[] {0, 0, 0, 64, 0, 0, 0, 48, 0}));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void eachChunkComesBackByteForByte(PngChunks.Chunk chunk) throws IOException {
        Image img = new Image(5, 3, 8, new int[][] {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}});
        byte[] png = withChunks(ImageFiles.pngBytes(img), List.of(chunk));
        ImageFiles.Picture p = ImageFiles.readPicture(png, "test", ImageFiles.SizeCheck.NONE);
        assertEquals(List.of(chunk), p.chunks());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageFiles.writePng(p, out);
        PngChunks.Carried back = PngChunks.read(out.toByteArray());
        assertEquals(List.of(chunk), back.chunks());
        assertTrue(img.sameAs(ImageFiles.readPicture(out.toByteArray(), "back", ImageFiles.SizeCheck.NONE).image()));
    }

    @Test
    void textChunksOfEveryKindAreReadWithTheirText() {
        Map<String, String> text = PngChunks.text(examples());
        assertEquals("A plot", text.get("Title"));
        assertEquals("compressed comment", text.get("Comment"));
        assertEquals("Ein Bild über Flüsse", text.get("Description"));
        assertEquals("<x:xmpmeta/>", text.get("XML:com.adobe.xmp"));
    }

    /** bKGD and sBIT are rewritten for the output's layout; hIST, a palette's histogram, is named instead. */
    @Test
    void layoutChunksAreRewrittenForTheOutput() throws IOException {
        Image gray = new Image(2, 2, 8, new int[][] {{0, 1, 2, 3}});
        byte[] grayPng = withChunks(ImageFiles.pngBytes(gray), List.of(chunk("bKGD", new byte[] {0, 7}),
                chunk("sBIT", new byte[] {6}), chunk("hIST", new byte[] {0, 1})));
        PngChunks.Carried g = PngChunks.read(grayPng, 1);
        assertEquals(List.of("hIST"), g.dropped());
        assertEquals(List.of(chunk("bKGD", new byte[] {0, 7}), chunk("sBIT", new byte[] {6})), g.chunks());
        // written as RGB, a palette PNG's background index becomes its colour, sBIT gains nothing
        byte[] r = {10, 20, 30, 40};
        byte[] gr = {50, 60, 70, 80};
        byte[] b = {90, 100, 110, 120};
        java.awt.image.BufferedImage indexed = new java.awt.image.BufferedImage(4, 2,
                java.awt.image.BufferedImage.TYPE_BYTE_INDEXED, new java.awt.image.IndexColorModel(2, 4, r, gr, b));
        indexed.getRaster().setSamples(0, 0, 4, 2, 0, new int[] {0, 1, 2, 3, 3, 2, 1, 0});
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(indexed, "png", plain);
        byte[] palettePng = beforeIdat(plain.toByteArray(), List.of(chunk("bKGD", new byte[] {2}),
                chunk("sBIT", new byte[] {5, 6, 5})));
        ImageFiles.Picture p = ImageFiles.readPicture(palettePng, "palette.png", ImageFiles.SizeCheck.NONE);
        assertEquals(3, p.image().channels());
        List<PngChunks.Chunk> expected = List.of(chunk("bKGD", new byte[] {0, 30, 0, 70, 0, 110}),
                chunk("sBIT", new byte[] {5, 6, 5}));
        assertEquals(expected, p.chunks());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageFiles.writePng(new ImageFiles.Picture(p.image(), p.icc(), p.text(), p.chunks()), out);
        assertEquals(expected, PngChunks.read(out.toByteArray()).chunks());
        assertTrue(p.image().sameAs(ImageFiles.readPicture(out.toByteArray(), "rgb.png",
                ImageFiles.SizeCheck.NONE).image()), "the JDK's reader takes the rewritten chunks");
        // in its own form (PngForm), the palette PNG gets its index back, after PLTE
        ByteArrayOutputStream inForm = new ByteArrayOutputStream();
        ImageFiles.writePng(p, inForm);
        assertEquals(List.of(chunk("sBIT", new byte[] {5, 6, 5}), chunk("bKGD", new byte[] {2})),
                PngChunks.read(inForm.toByteArray()).chunks());
    }

    /** A 1-bit gray PNG comes back as 8-bit gray (not RGB), its background value scaled to match. */
    @Test
    void lowBitGrayStaysGray() throws IOException {
        java.awt.image.BufferedImage bilevel = new java.awt.image.BufferedImage(8, 2,
                java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        bilevel.getRaster().setSamples(0, 0, 8, 2, 0, new int[] {0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1});
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(bilevel, "png", plain);
        byte[] png = beforeIdat(plain.toByteArray(), List.of(chunk("bKGD", new byte[] {0, 1})));
        ImageFiles.Picture p = ImageFiles.readPicture(png, "bilevel.png", ImageFiles.SizeCheck.NONE);
        assertEquals(1, p.image().channels());
        assertEquals(8, p.image().bitDepth());
        assertArrayEquals(new int[] {0, 255, 255, 0, 255, 0, 0, 255, 255, 255, 0, 0, 0, 0, 255, 255},
                p.image().plane(0));
        assertEquals(List.of(chunk("bKGD", new byte[] {0, (byte) 255})), p.chunks());
    }

    /** The PNG with {@code chunks} before its first IDAT (after PLTE, where a palette's bKGD must stand). */
    static byte[] beforeIdat(byte[] png, List<PngChunks.Chunk> chunks) {
        int p = 8;
        while (!new String(png, p + 4, 4, StandardCharsets.ISO_8859_1).equals("IDAT")) {
            p += 12 + java.nio.ByteBuffer.wrap(png, p, 4).getInt();
        }
        byte[] head = withChunks(java.util.Arrays.copyOf(png, 33), chunks);
        byte[] out = java.util.Arrays.copyOf(java.util.Arrays.copyOf(png, p), p + head.length - 33 + png.length - p);
        System.arraycopy(head, 33, out, p, head.length - 33);
        System.arraycopy(png, p, out, p + head.length - 33, png.length - p);
        return out;
    }

    /** A JPEG's EXIF and XMP become the PNG chunks a decode writes; IPTC has no place there and is named. */
    @Test
    void aJpegsExifAndXmpAreCarriedAndItsIptcNamed() throws IOException {
        Image img = new Image(16, 8, 8, new int[][] {new int[128], new int[128], new int[128]});
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(ImageFiles.toBufferedImage(img), "jpeg", jpeg);
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0};
        byte[] xmp = latin1("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>");
        // after SOI and the JFIF APP0 segment, which the JDK's reader wants first
        byte[] plain = jpeg.toByteArray();
        int afterApp0 = 4 + ((plain[4] & 0xFF) << 8 | (plain[5] & 0xFF));
        byte[] withSegments = concat(concat(java.util.Arrays.copyOf(plain, afterApp0), concat(concat(
                segment(0xE1, concat(latin1("Exif\0\0"), tiff)),
                segment(0xE1, concat(latin1("http://ns.adobe.com/xap/1.0/\0"), xmp))),
                segment(0xED, latin1("Photoshop 3.0\0 8BIM")))),
                java.util.Arrays.copyOfRange(plain, afterApp0, plain.length));
        PngChunks.Carried c = PngChunks.of(withSegments, 3);
        assertEquals(List.of(chunk("eXIf", tiff), chunk("iTXt", concat(latin1("XML:com.adobe.xmp\0\0\0\0\0"), xmp))),
                c.chunks());
        assertEquals(List.of("APP13 segment (Photoshop 3.0)"), c.dropped());
        ImageFiles.Picture p = ImageFiles.readPicture(withSegments, "test.jpg", ImageFiles.SizeCheck.NONE);
        assertArrayEquals(tiff, p.exif());
        assertEquals(Map.of("XML:com.adobe.xmp", "<x:xmpmeta xmlns:x='adobe:ns:meta/'/>"), PngChunks.textOf(
                p.containerMetadata()));
        // as decode writes it: EXIF from the container's exif chunk, the rest from its meta object
        ImageFiles.Picture back = ImageFiles.Picture.of(p.image(), null, p.containerMetadata(), p.exif());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageFiles.writePng(back, png);
        assertEquals(List.of(chunk("iTXt", concat(latin1("XML:com.adobe.xmp\0\0\0\0\0"), xmp)),
                chunk("eXIf", tiff)), PngChunks.read(png.toByteArray()).chunks());
    }

    /**
     * A TIFF's text tags, XMP and resolution become the PNG chunks a decode writes (the text chunks replacing the
     * reader's text entries); its Orientation has no place there and is named.
     */
    @Test
    void aTiffsTextXmpAndResolutionAreCarriedAndItsOrientationNamed() throws IOException {
        Image img = new Image(16, 8, 8, new int[][] {new int[128], new int[128], new int[128]});
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
        var type = javax.imageio.ImageTypeSpecifier.createFromRenderedImage(ImageFiles.toBufferedImage(img));
        var dir = javax.imageio.plugins.tiff.TIFFDirectory.createFromMetadata(
                writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam()));
        byte[] xmp = latin1("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>");
        dir.addTIFFField(field(270, javax.imageio.plugins.tiff.TIFFTag.TIFF_ASCII, new String[] {"a test card"}));
        dir.addTIFFField(field(700, javax.imageio.plugins.tiff.TIFFTag.TIFF_UNDEFINED, xmp));
        dir.addTIFFField(field(274, javax.imageio.plugins.tiff.TIFFTag.TIFF_SHORT, new char[] {6}));
        dir.addTIFFField(field(282, javax.imageio.plugins.tiff.TIFFTag.TIFF_RATIONAL, new long[][] {{300, 1}}));
        dir.addTIFFField(field(283, javax.imageio.plugins.tiff.TIFFTag.TIFF_RATIONAL, new long[][] {{300, 1}}));
        dir.addTIFFField(field(296, javax.imageio.plugins.tiff.TIFFTag.TIFF_SHORT, new char[] {2}));
        dir.addTIFFField(field(318, javax.imageio.plugins.tiff.TIFFTag.TIFF_RATIONAL,
                new long[][] {{3127, 10000}, {3290, 10000}}));
        dir.addTIFFField(field(319, javax.imageio.plugins.tiff.TIFFTag.TIFF_RATIONAL,
                new long[][] {{64, 100}, {33, 100}, {30, 100}, {60, 100}, {15, 100}, {6, 100}}));
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (var ios = javax.imageio.ImageIO.createImageOutputStream(tiff)) {
            writer.setOutput(ios);
            writer.write(null, new javax.imageio.IIOImage(ImageFiles.toBufferedImage(img), null, dir.getAsMetadata()),
                    writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        byte[] bytes = tiff.toByteArray();
        PngChunks.Chunk description = chunk("tEXt", latin1("ImageDescription\0a test card"));
        PngChunks.Chunk xmpChunk = chunk("iTXt", concat(latin1("XML:com.adobe.xmp\0\0\0\0\0"), xmp));
        // 300 dpi = 11811 pixels per metre, unit 1 (metre)
        PngChunks.Chunk phys = chunk("pHYs", new byte[] {0, 0, 0x2E, 0x23, 0, 0, 0x2E, 0x23, 1});
        java.nio.ByteBuffer chrm = java.nio.ByteBuffer.allocate(32);
        for (int v : new int[] {31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000}) chrm.putInt(v);
        PngChunks.Chunk chromaticities = chunk("cHRM", chrm.array());
        PngChunks.Carried c = PngChunks.of(bytes, 3);
        assertEquals(List.of(description, xmpChunk, chromaticities, phys), c.chunks());
        assertEquals(List.of("TIFF tag 274 (Orientation)"), c.dropped());
        ImageFiles.Picture p = ImageFiles.readPicture(bytes, "test.tif", ImageFiles.SizeCheck.NONE);
        ImageFiles.Picture back = ImageFiles.Picture.of(p.image(), null, p.containerMetadata(), p.exif());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageFiles.writePng(back, png);
        assertEquals(List.of(description, xmpChunk, chromaticities, phys), PngChunks.read(png.toByteArray()).chunks());
    }

    private static javax.imageio.plugins.tiff.TIFFField field(int number, int type, Object data) {
        var tag = new javax.imageio.plugins.tiff.TIFFTag("t" + number, number, 1 << type);
        return new javax.imageio.plugins.tiff.TIFFField(tag, type, java.lang.reflect.Array.getLength(data), data);
    }

    private static byte[] segment(int marker, byte[] data) {
        byte[] out = new byte[4 + data.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) marker;
        out[2] = (byte) ((data.length + 2) >> 8);
        out[3] = (byte) (data.length + 2);
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    @Test
    void jsonKeepsTheBytes() {
        assertEquals(examples(), PngChunks.fromJson(PngChunks.toJson(examples())));
        assertEquals(List.of(), PngChunks.fromJson(List.of(Map.of("type", "gAMA", "data", "%%"))));
    }

    /** The PNG with {@code chunks} after its IHDR, framed and CRC'd independently of the code under test. */
    static byte[] withChunks(byte[] png, List<PngChunks.Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        for (PngChunks.Chunk c : chunks) {
            byte[] type = latin1(c.type());
            byte[] data = c.data();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            crc.update(data);
            out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
            out.writeBytes(type);
            out.writeBytes(data);
            out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    static PngChunks.Chunk chunk(String type, byte[] data) {
        return new PngChunks.Chunk(type, data);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[1024];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }
}
