package dev.nwf.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A palette or low-bit gray PNG comes back from the round trip through the meta object in its own form. */
class PngFormTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void grayOfFewBitsStaysThatDepth(int bits) throws IOException {
        int levels = 1 << bits;
        byte[] ramp = new byte[levels];
        for (int i = 0; i < levels; i++) ramp[i] = (byte) (i * 255 / (levels - 1));
        byte[] png = indexedPng(bits, new IndexColorModel(bits, levels, ramp, ramp, ramp), 13, 7);
        assertEquals(List.of(0, bits), header(png));
        byte[] back = roundTrip(png);
        assertEquals(List.of(0, bits), header(back));
        assertSamePixels(png, back);
    }

    @Test
    void aPaletteKeepsItsEntriesTransparencyAndBackground() throws IOException {
        byte[] r = {10, 20, 30, 40, 50};
        byte[] g = {11, 21, 31, 41, 51};
        byte[] b = {12, 22, 32, 42, 52};
        byte[] a = {(byte) 255, 0, (byte) 128, (byte) 255, (byte) 255};
        byte[] png = indexedPng(4, new IndexColorModel(4, 5, r, g, b, a), 9, 5);
        // a background: entry 3, inserted after PLTE as the format wants
        png = PngChunks.afterPalette(png, List.of(new PngChunks.Chunk("bKGD", new byte[] {3})));
        byte[] back = roundTrip(png);
        assertEquals(List.of(3, 4), header(back));
        for (String type : List.of("PLTE", "tRNS", "bKGD")) {
            assertArrayEquals(chunk(png, type), chunk(back, type), type);
        }
        List<String> order = types(back);
        assertTrue(order.indexOf("PLTE") < order.indexOf("bKGD"), order.toString());
        assertSamePixels(png, back);
    }

    /**
     * A palette of grays that are not a depth's ramp (a quantised gray scan) is read as one gray plane, and comes back
     * as the same palette, not as 8-bit gray (regression: palette-of-grays-written-as-8-bit-gray).
     */
    @Test
    void aPaletteOfGraysKeepsItsForm() throws IOException {
        byte[] grays = {(byte) 233, (byte) 217, 88, 36};
        byte[] png = indexedPng(2, new IndexColorModel(2, 4, grays, grays, grays), 11, 6);
        assertEquals(List.of(3, 2), header(png));
        assertEquals(1, ImageFiles.readPicture(png, "p.png", ImageFiles.SizeCheck.NONE).image().channels());
        byte[] back = roundTrip(png);
        assertEquals(List.of(3, 2), header(back));
        assertArrayEquals(chunk(png, "PLTE"), chunk(back, "PLTE"));
        assertSamePixels(png, back);
    }

    /**
     * A palette is carried as the order of its entries among the image's colours, plus the entries no pixel uses
     * (here one of 200, a duplicate of a used colour; alpha for the first 60): the PLTE and tRNS come back byte for
     * byte, in under half the meta bytes of the entries written out. Where most entries are unused, written out.
     */
    @Test
    void aPaletteIsCarriedAsTheOrderOfTheImagesColours() throws IOException {
        int n = 200;
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = (byte) (i * 37);
            g[i] = (byte) (i * 11 + 5);
            b[i] = (byte) (255 - i);
            a[i] = (byte) (i < 60 ? i * 4 : 255);
        }
        r[150] = r[3];
        g[150] = g[3];
        b[150] = b[3];
        a[150] = a[3];
        IndexColorModel cm = new IndexColorModel(8, n, r, g, b, a);
        ImageFiles.Picture few = ImageFiles.readPicture(indexedPng(8, cm, 9, 5), "few.png", ImageFiles.SizeCheck.NONE);
        assertTrue(((Map<?, ?>) few.formMetadata().get(PngForm.META_KEY)).containsKey("PLTE"));
        byte[] png = indexedPng(8, cm, 40, 20);
        ImageFiles.Picture in = ImageFiles.readPicture(png, "in.png", ImageFiles.SizeCheck.NONE);
        Map<String, Object> meta = in.formMetadata();
        Map<?, ?> entry = (Map<?, ?>) meta.get(PngForm.META_KEY);
        assertTrue(entry.containsKey("order"), entry.toString());
        int compact = entry.toString().length();
        int explicit = in.form().toJson().toString().length();
        assertTrue(compact * 2 < explicit, compact + " characters against " + explicit);
        byte[] back = roundTrip(png);
        for (String type : List.of("PLTE", "tRNS")) assertArrayEquals(chunk(png, type), chunk(back, type), type);
        assertSamePixels(png, back);
        assertEquals("200 palette entries, 8-bit indices", PngForm.describe(entry));
        // an image with another colour than those the order lists is written in the default form
        Image other = new Image(2, 1, 8, new int[][] {{1, 2}, {3, 4}, {5, 6}, {255, 255}});
        assertNull(PngForm.fromJson(entry, other));
    }

    @Test
    void pixelsThatDoNotFitTheFormAreWrittenInTheDefaultForm() throws IOException {
        byte[] v = {0, (byte) 255};
        byte[] png = indexedPng(1, new IndexColorModel(1, 2, v, v, v), 8, 8);
        PngForm form = PngForm.of(png);
        Image gray = new Image(8, 8, 8, new int[][] {new int[64]});
        gray.plane(0)[5] = 77; // not a 1-bit gray
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageFiles.writePng(new ImageFiles.Picture(gray, null, null, List.of(), form), out);
        assertEquals(List.of(0, 8), header(out.toByteArray()));
        assertEquals(77, ImageFiles.readPicture(out.toByteArray(), "out.png", ImageFiles.SizeCheck.NONE).image()
                .plane(0)[5]);
    }

    @Test
    void onlyFormsADecodeWouldNotWriteAreRecorded() throws IOException {
        Image rgb = new Image(4, 4, 8, new int[][] {new int[16], new int[16], new int[16]});
        assertNull(PngForm.of(ImageFiles.pngBytes(rgb)));
        assertNull(PngForm.fromJson(Map.of("colourType", 2, "bitDepth", 8)));
    }

    /** As encode and decode carry it: read, the .nwf meta object, written back. */
    private static byte[] roundTrip(byte[] png) throws IOException {
        ImageFiles.Picture in = ImageFiles.readPicture(png, "in.png", ImageFiles.SizeCheck.NONE);
        ImageFiles.Picture out = ImageFiles.Picture.of(in.image(), in.icc(), in.containerMetadata(), in.exif());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageFiles.writePng(out, bytes);
        return bytes.toByteArray();
    }

    private static byte[] indexedPng(int bits, IndexColorModel cm, int w, int h) throws IOException {
        BufferedImage bi = new BufferedImage(w, h, bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED
                : BufferedImage.TYPE_BYTE_BINARY, cm);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) bi.getRaster().setSample(x, y, 0, (x * 7 + y * 3) % cm.getMapSize());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(bi, "png", out);
        return out.toByteArray();
    }

    private static void assertSamePixels(byte[] a, byte[] b) throws IOException {
        Image x = ImageFiles.readPicture(a, "a.png", ImageFiles.SizeCheck.NONE).image();
        Image y = ImageFiles.readPicture(b, "b.png", ImageFiles.SizeCheck.NONE).image();
        assertTrue(x.sameAs(y), "pixels differ");
    }

    /** IHDR's colour type and bit depth. */
    private static List<Integer> header(byte[] png) {
        return List.of(png[25] & 0xFF, png[24] & 0xFF);
    }

    private static List<String> types(byte[] png) {
        List<String> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png);
        for (int p = 8; p + 12 <= png.length; p += 12 + b.getInt(p)) {
            out.add(new String(png, p + 4, 4, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static byte[] chunk(byte[] png, String type) {
        ByteBuffer b = ByteBuffer.wrap(png);
        for (int p = 8; p + 12 <= png.length; p += 12 + b.getInt(p)) {
            if (new String(png, p + 4, 4, StandardCharsets.ISO_8859_1).equals(type)) {
                return java.util.Arrays.copyOfRange(png, p + 8, p + 8 + b.getInt(p));
            }
        }
        throw new AssertionError("no " + type + " chunk");
    }
}
