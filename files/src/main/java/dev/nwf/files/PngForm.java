package dev.nwf.files;

import dev.nwf.codec.Image;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a PNG stored its pixels, where a decode would otherwise write another form: a palette (colour type 3, 1 to 8
 * bits, with its PLTE and tRNS as they were) or gray of 1, 2 or 4 bits. The codec holds the pixels (8-bit RGB(A) or
 * gray); this lets a decode write them back in the input's form, so a 1-bit scan comes back as 1-bit, not 8-bit.
 * Carried in the .nwf meta object under {@value #META_KEY}, kept by {@code --strip}: it is not metadata.
 *
 * @param colourType   the IHDR colour type: 0 (gray) or 3 (palette)
 * @param bitDepth     the IHDR bit depth: 1, 2, 4 or 8 (8 only for a palette)
 * @param palette      a palette's PLTE payload (3 bytes an entry), empty for gray
 * @param transparency a palette's tRNS payload (an alpha per entry, possibly fewer than the entries), or empty
 */
public record PngForm(int colourType, int bitDepth, byte[] palette, byte[] transparency) {
    /** The key of the meta object's entry. */
    public static final String META_KEY = "png-form";
    private static final int GRAY = 0;
    private static final int PALETTE = 3;

    /** Checks the form is one this class writes, and copies the arrays. */
    public PngForm {
        boolean gray = colourType == GRAY && (bitDepth == 1 || bitDepth == 2 || bitDepth == 4);
        boolean indexed = colourType == PALETTE && (bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8)
                && palette.length % 3 == 0 && palette.length >= 3 && palette.length / 3 <= 1 << bitDepth
                && transparency.length <= palette.length / 3;
        if (!gray && !indexed) throw new IllegalArgumentException("not a PNG form this writer keeps: colour type "
                + colourType + ", " + bitDepth + " bits, " + palette.length / 3 + " palette entries");
        palette = palette.clone();
        transparency = transparency.clone();
    }

    /** A copy of the PLTE payload. */
    @Override
    public byte[] palette() {
        return palette.clone();
    }

    /** A copy of the tRNS payload. */
    @Override
    public byte[] transparency() {
        return transparency.clone();
    }

    /** The form of a PNG's bytes where it is one a decode would not write by itself, else null. */
    public static PngForm of(byte[] png) {
        if (!PngChunks.isPng(png) || png.length < 33) return null;
        int depth = png[24] & 0xFF;
        int colourType = png[25] & 0xFF;
        if (colourType == GRAY && depth < 8) return new PngForm(GRAY, depth, new byte[0], new byte[0]);
        if (colourType != PALETTE) return null;
        byte[][] found = new byte[2][]; // PLTE, tRNS: both come before the image data
        PngChunks.eachChunk(png, (type, at, length) -> {
            if (type.equals("PLTE")) found[0] = Arrays.copyOfRange(png, at, at + length);
            if (type.equals("tRNS")) found[1] = Arrays.copyOfRange(png, at, at + length);
            return !type.equals("IDAT") && !type.equals("IEND");
        });
        byte[] plte = found[0];
        byte[] trns = found[1] == null ? new byte[0] : found[1];
        try {
            return plte == null ? null : new PngForm(PALETTE, depth, plte, trns);
        } catch (IllegalArgumentException damaged) {
            return null; // a palette the reader accepted but this writer would not reproduce: the default form
        }
    }

    /** The form as the meta object's entry, its palette written out entry by entry (see {@link #toJson(Image)}). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("colourType", colourType);
        m.put("bitDepth", bitDepth);
        if (palette.length > 0) m.put("PLTE", Base64.getEncoder().encodeToString(palette));
        if (transparency.length > 0) m.put("tRNS", Base64.getEncoder().encodeToString(transparency));
        return m;
    }

    /**
     * The form as the meta object's entry for this image: a palette whose colours the image holds is written as the
     * order of its entries — for each of the image's colours (sorted, {@link #colours}) the entry it is, one byte
     * ({@code "order"}), then the entries no pixel uses as index, colour and alpha ({@code "rest"}, 5 bytes each) —
     * a third of the PLTE and tRNS bytes where most entries are used: the colours themselves the file holds already.
     * Otherwise (where that is not smaller, or the image's colours are not the palette's) as {@link #toJson()}.
     */
    public Map<String, Object> toJson(Image image) {
        int entries = palette.length / 3;
        long[] colours = colours(image);
        if (colourType != PALETTE || colours == null || colours.length > entries) return toJson();
        byte[] order = new byte[colours.length];
        boolean[] named = new boolean[entries];
        boolean[] found = new boolean[colours.length];
        for (int i = 0; i < entries; i++) {
            int k = Arrays.binarySearch(colours, entry(i));
            if (k >= 0 && !found[k]) {
                found[k] = true;
                named[i] = true;
                order[k] = (byte) i;
            }
        }
        for (boolean f : found) if (!f) return toJson(); // a colour the palette lacks: not this PNG's pixels
        java.io.ByteArrayOutputStream rest = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < entries; i++) {
            if (named[i]) continue;
            long e = entry(i);
            rest.write(i);
            for (int shift = 16; shift >= 0; shift -= 8) rest.write((int) (e >>> shift) & 0xFF);
            rest.write((int) (e >>> 24) & 0xFF);
        }
        if (order.length + rest.size() >= palette.length + transparency.length) return toJson(); // most entries unused
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("colourType", colourType);
        m.put("bitDepth", bitDepth);
        m.put("entries", entries);
        m.put("tRNS", transparency.length);
        m.put("order", Base64.getEncoder().encodeToString(order));
        if (rest.size() > 0) m.put("rest", Base64.getEncoder().encodeToString(rest.toByteArray()));
        return m;
    }

    /** Entry {@code i} as alpha << 24 | R << 16 | G << 8 | B, alpha 255 beyond tRNS. */
    private long entry(int i) {
        int alpha = i < transparency.length ? transparency[i] & 0xFF : 255;
        return (long) alpha << 24 | (palette[3 * i] & 0xFF) << 16 | (palette[3 * i + 1] & 0xFF) << 8
                | palette[3 * i + 2] & 0xFF;
    }

    /**
     * The image's distinct colours as alpha << 24 | R << 16 | G << 8 | B (alpha 255 without an alpha channel),
     * ascending; null unless it is 8-bit RGB or RGBA of at most 256 colours.
     */
    static long[] colours(Image image) {
        if (image.bitDepth() != 8 || image.channels() < 3) return null;
        int[] r = image.plane(0);
        int[] g = image.plane(1);
        int[] b = image.plane(2);
        int[] a = image.channels() == 4 ? image.plane(3) : null;
        java.util.TreeSet<Long> seen = new java.util.TreeSet<>();
        for (int i = 0; i < r.length; i++) {
            seen.add((long) (a == null ? 255 : a[i]) << 24 | r[i] << 16 | g[i] << 8 | b[i]);
            if (seen.size() > 256) return null;
        }
        return seen.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The form of a meta object's entry written by {@link #toJson()}, or null where there is none, it is not one this
     * class writes, or its palette is written as an order (which needs the image: {@link #fromJson(Object, Image)}).
     */
    public static PngForm fromJson(Object entry) {
        if (!(entry instanceof Map<?, ?> m) || !(m.get("colourType") instanceof Number type)
                || !(m.get("bitDepth") instanceof Number depth) || m.containsKey("order")) return null;
        try {
            return new PngForm(type.intValue(), depth.intValue(), bytes(m.get("PLTE")), bytes(m.get("tRNS")));
        } catch (IllegalArgumentException notKept) {
            return null;
        }
    }

    /**
     * The form of a meta object's entry for the decoded image, either way it was written; null where there is none or
     * it does not fit the image (the default form is written then).
     */
    public static PngForm fromJson(Object entry, Image image) {
        if (!(entry instanceof Map<?, ?> m) || !m.containsKey("order")) return fromJson(entry);
        if (!(m.get("bitDepth") instanceof Number depth) || !(m.get("entries") instanceof Number count)
                || !(m.get("tRNS") instanceof Number alphas)) return null;
        int entries = count.intValue();
        long[] colours = colours(image);
        byte[] order = bytes(m.get("order"));
        byte[] rest = bytes(m.get("rest"));
        if (colours == null || order.length != colours.length || entries < 1 || entries > 256
                || rest.length % 5 != 0) return null;
        long[] filled = new long[entries];
        Arrays.fill(filled, -1);
        for (int k = 0; k < order.length; k++) {
            int i = order[k] & 0xFF;
            if (i >= entries) return null;
            filled[i] = colours[k];
        }
        for (int at = 0; at < rest.length; at += 5) {
            int i = rest[at] & 0xFF;
            if (i >= entries) return null;
            filled[i] = (long) (rest[at + 4] & 0xFF) << 24 | (rest[at + 1] & 0xFF) << 16 | (rest[at + 2] & 0xFF) << 8
                    | rest[at + 3] & 0xFF;
        }
        int t = alphas.intValue();
        if (t < 0 || t > entries) return null;
        byte[] plte = new byte[3 * entries];
        byte[] trns = new byte[t];
        for (int i = 0; i < entries; i++) {
            if (filled[i] < 0) return null;
            plte[3 * i] = (byte) (filled[i] >>> 16);
            plte[3 * i + 1] = (byte) (filled[i] >>> 8);
            plte[3 * i + 2] = (byte) filled[i];
            if (i < t) trns[i] = (byte) (filled[i] >>> 24);
        }
        try {
            return new PngForm(PALETTE, depth.intValue(), plte, trns);
        } catch (IllegalArgumentException notKept) {
            return null;
        }
    }

    /** How `nwf info` names the form of a meta object's entry ("8-bit gray", "251 palette entries, ..."), or null. */
    public static String describe(Object entry) {
        if (!(entry instanceof Map<?, ?> m) || !(m.get("colourType") instanceof Number type)
                || !(m.get("bitDepth") instanceof Number depth)) return null;
        if (type.intValue() == GRAY) return depth + "-bit gray";
        int entries = m.get("entries") instanceof Number n ? n.intValue() : bytes(m.get("PLTE")).length / 3;
        return entries + " palette entries, " + depth + "-bit indices";
    }

    private static byte[] bytes(Object base64) {
        return base64 instanceof String s ? Base64.getDecoder().decode(s) : new byte[0];
    }

    /**
     * The carried chunks for an output in this form (they are kept in the default form's layout, {@link
     * PngChunks#read(byte[], int)}): bKGD back to a palette index or a gray of this depth, sBIT to the form's
     * channels.
     */
    Placed relaid(List<PngChunks.Chunk> chunks) {
        List<PngChunks.Chunk> head = new ArrayList<>();
        List<PngChunks.Chunk> afterPalette = new ArrayList<>();
        for (PngChunks.Chunk c : chunks) {
            byte[] d = c.data();
            if (c.type().equals("bKGD")) {
                if (colourType == GRAY && d.length == 2) {
                    int v = ((d[0] & 0xFF) << 8 | (d[1] & 0xFF)) * ((1 << bitDepth) - 1);
                    if (v % 255 == 0) head.add(new PngChunks.Chunk("bKGD", new byte[] {0, (byte) (v / 255)}));
                } else if (colourType == PALETTE && d.length == 6) {
                    for (int i = 0; i < palette.length / 3; i++) {
                        if (palette[3 * i] == d[1] && palette[3 * i + 1] == d[3] && palette[3 * i + 2] == d[5]) {
                            afterPalette.add(new PngChunks.Chunk("bKGD", new byte[] {(byte) i}));
                            break;
                        }
                    }
                }
            } else if (c.type().equals("sBIT")) {
                int n = colourType == GRAY ? 1 : 3;
                if (d.length >= n) head.add(new PngChunks.Chunk("sBIT", Arrays.copyOf(d, n)));
            } else {
                head.add(c);
            }
        }
        return new Placed(head, afterPalette);
    }

    /** Chunks to write right after IHDR, and those that must follow PLTE (a palette's bKGD). */
    record Placed(List<PngChunks.Chunk> afterHeader, List<PngChunks.Chunk> afterPalette) {
    }

    /**
     * The image in this form, or null where its pixels do not fit it (a colour not in the palette, a gray level that
     * is not one of the depth's): the caller then writes the default form. Pixels are never altered.
     */
    BufferedImage render(Image img) {
        if (img.bitDepth() != 8) return null;
        int entries = palette.length / 3;
        byte[] r = new byte[colourType == GRAY ? 1 << bitDepth : entries];
        byte[] g = new byte[r.length];
        byte[] bl = new byte[r.length];
        byte[] a = new byte[r.length];
        Arrays.fill(a, (byte) 255);
        if (colourType == GRAY) {
            if (img.channels() != 1) return null;
            for (int i = 0; i < r.length; i++) r[i] = g[i] = bl[i] = (byte) (i * 255 / (r.length - 1));
        } else {
            // a palette of grays only is read as one gray plane (ImageFiles), its colours as RGB(A) planes
            if (img.channels() == 2) return null;
            for (int i = 0; i < entries; i++) {
                r[i] = palette[3 * i];
                g[i] = palette[3 * i + 1];
                bl[i] = palette[3 * i + 2];
                if (i < transparency.length) a[i] = transparency[i];
            }
        }
        // each pixel's entry: the first with its exact samples (alpha 255 where the image has none)
        Map<Integer, Integer> index = new java.util.HashMap<>();
        for (int i = r.length - 1; i >= 0; i--) {
            index.put((a[i] & 0xFF) << 24 | (r[i] & 0xFF) << 16 | (g[i] & 0xFF) << 8 | (bl[i] & 0xFF), i);
        }
        int w = img.width();
        int h = img.height();
        IndexColorModel cm = transparency.length > 0 ? new IndexColorModel(bitDepth, r.length, r, g, bl, a)
                : new IndexColorModel(bitDepth, r.length, r, g, bl);
        BufferedImage out = new BufferedImage(w, h, bitDepth == 8 ? BufferedImage.TYPE_BYTE_INDEXED
                : BufferedImage.TYPE_BYTE_BINARY, cm);
        WritableRaster raster = out.getRaster();
        int channels = img.channels();
        int[][] p = new int[channels][];
        for (int c = 0; c < channels; c++) p[c] = img.plane(c);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int key = channels == 1 ? 255 << 24 | p[0][i] << 16 | p[0][i] << 8 | p[0][i]
                        : (channels == 4 ? p[3][i] : 255) << 24 | p[0][i] << 16 | p[1][i] << 8 | p[2][i];
                Integer e = index.get(key);
                if (e == null) return null;
                raster.setSample(x, y, 0, e);
            }
        }
        return out;
    }
}
