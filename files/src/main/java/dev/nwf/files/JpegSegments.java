package dev.nwf.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a JPEG carries besides its pixels and ICC profile, as the PNG chunks a decode writes: EXIF (APP1 "Exif") as
 * eXIf, XMP (APP1 "http://ns.adobe.com/xap/1.0/") as an iTXt chunk of keyword "XML:com.adobe.xmp". Other application
 * segments (IPTC in APP13, extended XMP, maker data) have no PNG home here and are named in {@link
 * PngChunks.Carried#dropped} instead of vanishing silently; APP0 (JFIF), APP2 (ICC, read by the image reader) and
 * APP14 (Adobe colour transform) describe the JPEG encoding itself.
 */
final class JpegSegments {
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);

    private JpegSegments() {
    }

    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    /** The segments before the first scan, as chunks; a damaged marker list ends the scan. */
    static PngChunks.Carried read(byte[] jpeg) {
        List<PngChunks.Chunk> chunks = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                p++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) break; // start of scan, end of image
            int length = (jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF);
            if (length < 2 || p + 2 + length > jpeg.length) break;
            byte[] data = Arrays.copyOfRange(jpeg, p + 4, p + 2 + length);
            if (marker == 0xE1 && startsWith(data, EXIF)) {
                chunks.add(new PngChunks.Chunk(PngChunks.EXIF, Arrays.copyOfRange(data, EXIF.length, data.length)));
            } else if (marker == 0xE1 && startsWith(data, XMP)) {
                chunks.add(PngChunks.xmp(data, XMP.length, data.length));
            } else if (marker >= 0xE1 && marker <= 0xEF && marker != 0xE2 && marker != 0xEE) {
                dropped.add("APP" + (marker - 0xE0) + " segment" + label(data));
            }
            p += 2 + length;
        }
        return new PngChunks.Carried(chunks, dropped);
    }

    /** The segment's identifying string, where it starts with one. */
    private static String label(byte[] data) {
        int end = 0;
        while (end < Math.min(data.length, 40) && data[end] >= 0x20 && data[end] < 0x7F) end++;
        return end > 2 ? " (" + new String(data, 0, end, StandardCharsets.ISO_8859_1) + ")" : "";
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
