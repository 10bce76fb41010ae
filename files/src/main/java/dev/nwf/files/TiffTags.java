package dev.nwf.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a TIFF carries besides its pixels and ICC profile, as the PNG chunks a decode writes: the text tags
 * (ImageDescription, Make, Model, Software, DateTime, Artist, Copyright, ...) as tEXt chunks keyed by the tag's name,
 * XMP (tag 700) as an iTXt chunk of keyword "XML:com.adobe.xmp", the resolution as pHYs, WhitePoint and
 * PrimaryChromaticities as cHRM. Every other tag that is not about how the pixels are stored (EXIF and GPS
 * directories, Orientation, IPTC, Photoshop data, a transfer function) is named
 * in {@link PngChunks.Carried#dropped} instead of vanishing silently. Only the first image directory is read: a file
 * with more pages is refused by the image reader.
 */
final class TiffTags {
    private static final int XMP = 700;
    private static final int X_RESOLUTION = 282;
    private static final int Y_RESOLUTION = 283;
    private static final int RESOLUTION_UNIT = 296;
    private static final int WHITE_POINT = 318;
    private static final int PRIMARIES = 319;
    /** A single page's PageNumber (0 of 1) says nothing once the page stands alone. */
    private static final int PAGE_NUMBER = 297;
    /** ASCII tags kept as text, by the names the JDK's TIFF reader gives them. */
    private static final Map<Integer, String> TEXT = Map.of(269, "DocumentName", 270, "ImageDescription", 271, "Make",
            272, "Model", 285, "PageName", 305, "Software", 306, "DateTime", 315, "Artist", 316, "HostComputer",
            33432, "Copyright");
    /** How the pixels are stored (read by the image reader, or meaningless once decoded); ICC is read there too. */
    private static final Set<Integer> STORAGE = Set.of(254, 255, 256, 257, 258, 259, 262, 263, 264, 265, 266, 273,
            277, 278, 279, 280, 281, 284, 290, 291, 292, 293, 317, 320, 321, 322, 323, 324, 325, 338, 339, 340, 341,
            347, 512, 513, 514, 515, 517, 518, 519, 520, 521, 529, 530, 531, 532, 34675);
    /** Names of tags that are dropped often enough to deserve one in the note. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(274, "Orientation"),
            Map.entry(34665, "EXIF directory"), Map.entry(34853, "GPS directory"), Map.entry(33723, "IPTC"),
            Map.entry(34377, "Photoshop"), Map.entry(37724, "ImageSourceData"), Map.entry(301, "TransferFunction"),
            Map.entry(40965, "Interoperability directory"), Map.entry(286, "XPosition"), Map.entry(287, "YPosition"),
            Map.entry(297, "PageNumber"), Map.entry(330, "SubIFDs"), Map.entry(50706, "DNGVersion"));
    private static final int[] TYPE_BYTES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

    private TiffTags() {
    }

    static boolean isTiff(byte[] b) {
        return b.length >= 8 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
                || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42));
    }

    /** The first directory's tags, as chunks and dropped names; a damaged directory ends the scan. */
    static PngChunks.Carried read(byte[] tiff) {
        List<PngChunks.Chunk> chunks = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long ifd = b.getInt(4) & 0xFFFFFFFFL;
        if (ifd < 8 || ifd + 2 > tiff.length) return new PngChunks.Carried(chunks, dropped);
        int count = b.getShort((int) ifd) & 0xFFFF;
        double[] resolution = new double[2];
        int unit = 2; // TIFF's default: inches
        double[] chromaticity = new double[8]; // white x, y, then red, green, blue: cHRM's order
        int chromaticities = 0;
        for (int i = 0; i < count; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > tiff.length) break;
            int tag = b.getShort(entry) & 0xFFFF;
            int type = b.getShort(entry + 2) & 0xFFFF;
            long n = b.getInt(entry + 4) & 0xFFFFFFFFL;
            long size = type < TYPE_BYTES.length ? n * TYPE_BYTES[type] : -1;
            long at = size >= 0 && size <= 4 ? entry + 8 : b.getInt(entry + 8) & 0xFFFFFFFFL;
            boolean readable = size >= 0 && at + size <= tiff.length;
            if (STORAGE.contains(tag)) continue;
            if (TEXT.containsKey(tag) && type == 2 && readable) {
                String value = new String(tiff, (int) at, (int) size, StandardCharsets.ISO_8859_1);
                int nul = value.indexOf('\0');
                value = nul < 0 ? value : value.substring(0, nul);
                if (!value.isEmpty()) chunks.add(text(TEXT.get(tag), value));
            } else if (tag == XMP && (type == 1 || type == 7) && readable) {
                chunks.add(PngChunks.xmp(tiff, (int) at, (int) (at + size)));
            } else if ((tag == X_RESOLUTION || tag == Y_RESOLUTION) && type == 5 && n == 1 && readable) {
                resolution[tag - X_RESOLUTION] = Math.max(0, rational(b, (int) at));
            } else if (tag == RESOLUTION_UNIT && type == 3 && n == 1) {
                unit = b.getShort(entry + 8) & 0xFFFF;
            } else if ((tag == WHITE_POINT && n == 2 || tag == PRIMARIES && n == 6) && type == 5 && readable) {
                int first = tag == WHITE_POINT ? 0 : 2;
                for (int k = 0; k < n; k++) chromaticity[first + k] = rational(b, (int) at + 8 * k);
                chromaticities += (int) n;
            } else if (tag == PAGE_NUMBER && type == 3 && n == 2 && b.getShort(entry + 10) == 1) {
                continue;
            } else {
                dropped.add("TIFF tag " + tag + (NAMES.containsKey(tag) ? " (" + NAMES.get(tag) + ")" : ""));
            }
        }
        if (chromaticities == 8 && Arrays.stream(chromaticity).allMatch(v -> v >= 0 && v < 21474)) {
            ByteBuffer chrm = ByteBuffer.allocate(32);
            for (double v : chromaticity) chrm.putInt((int) Math.round(v * 100000));
            chunks.add(new PngChunks.Chunk("cHRM", chrm.array()));
        } else if (chromaticities > 0) {
            dropped.add("TIFF chromaticities (WhitePoint and PrimaryChromaticities incomplete)");
        }
        PngChunks.Chunk phys = physical(resolution[0], resolution[1], unit);
        if (phys != null) chunks.add(phys);
        else if (resolution[0] > 0 || resolution[1] > 0) dropped.add("TIFF resolution (unit " + unit + ")");
        return new PngChunks.Carried(chunks, dropped);
    }

    /** The unsigned RATIONAL at {@code at}, or -1 for a zero denominator. */
    private static double rational(ByteBuffer b, int at) {
        long den = b.getInt(at + 4) & 0xFFFFFFFFL;
        return den == 0 ? -1 : (b.getInt(at) & 0xFFFFFFFFL) / (double) den;
    }

    /** pHYs: pixels per metre for inches and centimetres, an aspect ratio (unit 0) for TIFF's "no unit". */
    private static PngChunks.Chunk physical(double x, double y, int unit) {
        if (!(x > 0 && y > 0)) return null;
        double perMetre = switch (unit) {
            case 2 -> 1 / 0.0254;
            case 3 -> 100;
            case 1 -> 1;
            default -> 0;
        };
        if (perMetre == 0) return null;
        long px = Math.round(x * perMetre);
        long py = Math.round(y * perMetre);
        if (px < 1 || py < 1 || px > 0x7FFFFFFFL || py > 0x7FFFFFFFL) return null;
        ByteBuffer data = ByteBuffer.allocate(9);
        data.putInt((int) px).putInt((int) py).put((byte) (unit == 1 ? 0 : 1));
        return new PngChunks.Chunk("pHYs", data.array());
    }

    private static PngChunks.Chunk text(String keyword, String value) {
        byte[] k = keyword.getBytes(StandardCharsets.ISO_8859_1);
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = Arrays.copyOf(k, k.length + 1 + v.length);
        System.arraycopy(v, 0, data, k.length + 1, v.length);
        return new PngChunks.Chunk("tEXt", data);
    }
}
