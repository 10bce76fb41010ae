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

    /** The form as the meta object's entry. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("colourType", colourType);
        m.put("bitDepth", bitDepth);
        if (palette.length > 0) m.put("PLTE", Base64.getEncoder().encodeToString(palette));
        if (transparency.length > 0) m.put("tRNS", Base64.getEncoder().encodeToString(transparency));
        return m;
    }

    /** The form of a meta object's entry, or null where there is none or it is not one this class writes. */
    public static PngForm fromJson(Object entry) {
        if (!(entry instanceof Map<?, ?> m) || !(m.get("colourType") instanceof Number type)
                || !(m.get("bitDepth") instanceof Number depth)) return null;
        try {
            return new PngForm(type.intValue(), depth.intValue(), bytes(m.get("PLTE")), bytes(m.get("tRNS")));
        } catch (IllegalArgumentException notKept) {
            return null;
        }
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
            if (img.channels() != 3 && img.channels() != 4) return null;
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
