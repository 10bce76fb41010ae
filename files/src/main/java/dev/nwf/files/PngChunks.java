package dev.nwf.files;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A PNG's ancillary chunks, carried unchanged from a PNG input to the PNG a decode writes: colour description (gAMA,
 * cHRM, sRGB, cICP, mDCv, cLLi), pixel size (pHYs, sCAL, oFFs, pCAL), time, text of every kind (tEXt, zTXt, iTXt
 * with its language tag, XMP), EXIF (eXIf), and chunks this code does not know. iCCP travels as the file's ICC
 * profile; tRNS becomes the alpha channel. bKGD and sBIT, whose bytes depend on how the PNG stored its pixels, are
 * rewritten for the PNG a decode writes (a palette index becomes its colour); hIST, a palette's histogram, has no
 * such form and is named in {@link Carried#dropped} instead of being written back wrong.
 */
public final class PngChunks {
    /** One chunk: its 4-letter type and its data (no length, no CRC). */
    public record Chunk(String type, byte[] data) {
        /** Checks the type has four letters and copies the data. */
        public Chunk {
            if (type.length() != 4) throw new IllegalArgumentException("PNG chunk type must be 4 letters: " + type);
            data = data.clone();
        }

        /** A copy of the chunk's data. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Chunk c && type.equals(c.type) && Arrays.equals(data, c.data);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.hashCode(data);
        }
    }

    /** What {@link #read} found: chunks to carry, and the types of those it cannot carry faithfully. */
    public record Carried(List<Chunk> chunks, List<String> dropped) {
        /** Copies both lists. */
        public Carried {
            chunks = List.copyOf(chunks);
            dropped = List.copyOf(dropped);
        }
    }

    /** The key of the chunks ({@link #toJson}) in an .nwf file's meta object (SPEC.md §2.7). */
    public static final String META_KEY = "png";
    /** The key of plain text entries (keyword to text) in an .nwf file's meta object. */
    public static final String TEXT_META_KEY = "text";

    /** EXIF's chunk, carried in the .nwf file's exif chunk rather than in its meta object. */
    public static final String EXIF = "eXIf";

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    /** The signature and IHDR (length, type, 13 bytes, CRC): every PNG's first 33 bytes. */
    private static final int HEADER_BYTES = 8 + 25;
    /** Carried by other means: the pixels (critical chunks), the ICC profile, transparency as alpha. */
    private static final Set<String> CODED = Set.of("IHDR", "PLTE", "IDAT", "IEND", "iCCP", "tRNS");
    /** Chunks whose bytes assume the input's colour type, depth or palette: rewritten where they can be. */
    private static final Set<String> LAYOUT_BOUND = Set.of("bKGD", "sBIT", "hIST");
    private static final Set<String> TEXT = Set.of("tEXt", "zTXt", "iTXt");

    private PngChunks() {
    }

    /** Whether the bytes start with PNG's signature. */
    public static boolean isPng(byte[] bytes) {
        return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length);
    }

    /**
     * What an input file carries that a PNG output can hold: a PNG's ancillary chunks, a JPEG's EXIF and XMP
     * ({@link JpegSegments}), a TIFF's text tags, XMP and resolution ({@link TiffTags}); nothing for other formats.
     */
    public static Carried of(byte[] file, int channels) {
        if (JpegSegments.isJpeg(file)) return JpegSegments.read(file);
        if (TiffTags.isTiff(file)) return TiffTags.read(file);
        return read(file, channels);
    }

    /** The ancillary chunks of a PNG's bytes, in file order, as they are; a damaged chunk list ends the scan. */
    public static Carried read(byte[] png) {
        return read(png, 0);
    }

    /**
     * The ancillary chunks of a PNG's bytes, in file order, for a PNG output of {@code channels} channels (0: as they
     * are): bKGD and sBIT are rewritten for that layout (a palette index becomes its colour, a channel gained from
     * transparency its full depth); hIST, a palette's histogram, is named in {@link Carried#dropped}.
     */
    public static Carried read(byte[] png, int channels) {
        List<Chunk> chunks = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        int[] layout = {-1, 8}; // IHDR's colour type and depth
        byte[][] palette = {new byte[0]};
        eachChunk(png, (name, at, length) -> {
            if (name.equals("IEND")) return false;
            if (name.equals("IHDR") && length == 13) {
                layout[1] = png[at + 8] & 0xFF;
                layout[0] = png[at + 9] & 0xFF;
            }
            if (name.equals("PLTE")) palette[0] = Arrays.copyOfRange(png, at, at + length);
            // image data and the other chunks carried by other means are skipped, not copied
            if (CODED.contains(name) || Character.isUpperCase(name.charAt(0))) return true;
            byte[] data = Arrays.copyOfRange(png, at, at + length);
            byte[] kept = channels == 0 || !LAYOUT_BOUND.contains(name) ? data
                    : relaid(name, data, layout[0], layout[1], palette[0], channels);
            if (kept == null) dropped.add(name);
            else chunks.add(new Chunk(name, kept));
            return true;
        });
        return new Carried(chunks, dropped);
    }

    /** Told each chunk of a PNG in file order: its type and where its data lie; false stops the walk. */
    @FunctionalInterface
    interface ChunkVisitor {
        boolean visit(String type, int dataAt, int length);
    }

    /**
     * Walks a PNG's chunks (nothing for bytes that are not a PNG); a length running past the bytes (with its CRC) ends
     * the walk, as a damaged chunk list does. CRCs are not checked: the image reader has checked what it needs.
     */
    static void eachChunk(byte[] png, ChunkVisitor visitor) {
        if (!isPng(png)) return;
        ByteBuffer b = ByteBuffer.wrap(png);
        for (int p = SIGNATURE.length; p + 12 <= png.length; ) {
            long length = b.getInt(p) & 0xFFFFFFFFL;
            if (p + 12 + length > png.length) return;
            if (!visitor.visit(new String(png, p + 4, 4, StandardCharsets.ISO_8859_1), p + 8, (int) length)) return;
            p += 12 + (int) length;
        }
    }

    /** An XMP packet as the iTXt chunk of keyword "XML:com.adobe.xmp" that PNG files carry it in. */
    static Chunk xmp(byte[] packet, int from, int to) {
        byte[] itxt = Arrays.copyOf(XMP_KEYWORD, XMP_KEYWORD.length + to - from);
        System.arraycopy(packet, from, itxt, XMP_KEYWORD.length, to - from);
        return new Chunk("iTXt", itxt);
    }

    /** iTXt's keyword for XMP, then no compression, method 0, and empty language and translated keyword. */
    private static final byte[] XMP_KEYWORD = "XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

    /** A bKGD or sBIT chunk's data for an output of {@code channels} channels, or null where it has no such form. */
    private static byte[] relaid(String name, byte[] data, int colourType, int depth, byte[] palette, int channels) {
        boolean colour = channels >= 3;
        if (name.equals("bKGD")) {
            if (colourType == 3) { // a palette index: its colour, as 16-bit fields of the 8-bit output
                int i = data.length == 1 ? data[0] & 0xFF : -1;
                if (!colour || i < 0 || 3 * i + 2 >= palette.length) return null;
                return new byte[] {0, palette[3 * i], 0, palette[3 * i + 1], 0, palette[3 * i + 2]};
            }
            if (data.length != (colour ? 6 : 2)) return null;
            if (colour || depth >= 8) return data;
            // a gray of 1, 2 or 4 bits comes back as 8-bit gray: its background value scaled the same way
            int v = ((data[0] & 0xFF) << 8 | (data[1] & 0xFF)) * 255 / ((1 << depth) - 1);
            return new byte[] {0, (byte) v};
        }
        if (name.equals("sBIT")) {
            int have = data.length;
            int colours = colour ? 3 : 1;
            if (have < colours || have > channels) return null;
            byte[] out = Arrays.copyOf(data, channels);
            // an alpha channel the output has and the input had not (transparency as alpha): every bit counts
            for (int c = have; c < channels; c++) out[c] = (byte) Math.max(8, colourType == 3 ? 8 : depth);
            return out;
        }
        return null; // hIST
    }

    /** Whether any of the chunks is a text chunk (tEXt, zTXt, iTXt). */
    public static boolean hasText(List<Chunk> chunks) {
        return chunks.stream().anyMatch(c -> TEXT.contains(c.type()));
    }

    /**
     * The text entries of an .nwf file's meta object: from its PNG text chunks when it has any, else its plain
     * entries.
     */
    public static Map<String, String> textOf(Map<String, Object> metadata) {
        List<Chunk> chunks = fromJson(metadata.get(META_KEY));
        return hasText(chunks) ? text(chunks) : plainText(metadata);
    }

    /** The plain text entries (keyword to text) of an .nwf file's meta object; empty when it has none. */
    public static Map<String, String> plainText(Map<String, Object> metadata) {
        Map<String, String> text = new LinkedHashMap<>();
        if (metadata.get(TEXT_META_KEY) instanceof Map<?, ?> m) m.forEach((k, v) -> text.put(String.valueOf(k),
                String.valueOf(v)));
        return text;
    }

    /** Keyword and text of the tEXt, zTXt and iTXt chunks (language tags aside), for display. */
    public static Map<String, String> text(List<Chunk> chunks) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Chunk c : chunks) {
            if (!TEXT.contains(c.type())) continue;
            byte[] d = c.data;
            int nul = indexOf(d, 0);
            if (nul < 0) continue;
            String keyword = new String(d, 0, nul, StandardCharsets.ISO_8859_1);
            try {
                switch (c.type()) {
                    case "tEXt" -> out.put(keyword, new String(d, nul + 1, d.length - nul - 1,
                            StandardCharsets.ISO_8859_1));
                    case "zTXt" -> out.put(keyword, new String(inflate(Arrays.copyOfRange(d, nul + 2, d.length)),
                            StandardCharsets.ISO_8859_1));
                    default -> {
                        boolean compressed = d[nul + 1] != 0;
                        int lang = indexOf(d, nul + 3);
                        int translated = indexOf(d, lang + 1);
                        byte[] text = Arrays.copyOfRange(d, translated + 1, d.length);
                        out.put(keyword, new String(compressed ? inflate(text) : text, StandardCharsets.UTF_8));
                    }
                }
            } catch (RuntimeException | java.util.zip.DataFormatException damaged) {
                out.put(keyword, "(unreadable " + c.type() + ")");
            }
        }
        return out;
    }

    /** As JSON-friendly values for the container's meta object: type and base64 data per chunk. */
    public static List<Map<String, String>> toJson(List<Chunk> chunks) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Chunk c : chunks) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("type", c.type());
            m.put("data", Base64.getEncoder().encodeToString(c.data));
            out.add(m);
        }
        return out;
    }

    /** The inverse of {@link #toJson}; entries that are not a type and base64 data are skipped. */
    public static List<Chunk> fromJson(Object json) {
        List<Chunk> out = new ArrayList<>();
        if (!(json instanceof List<?> list)) return out;
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && m.get("type") instanceof String t && t.length() == 4
                    && m.get("data") instanceof String d) {
                try {
                    out.add(new Chunk(t, Base64.getDecoder().decode(d)));
                } catch (IllegalArgumentException notBase64) {
                    // skipped: not a chunk this code wrote
                }
            }
        }
        return out;
    }

    /**
     * A stream that passes a PNG through and writes {@code chunks} right after its IHDR, where every ancillary chunk
     * may stand (before PLTE and IDAT).
     */
    static OutputStream inserting(OutputStream out, List<Chunk> chunks) throws IOException {
        if (chunks.isEmpty()) return out;
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        for (Chunk c : chunks) write(extra, c);
        byte[] inserted = extra.toByteArray();
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                if (++written == HEADER_BYTES) out.write(inserted);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written < HEADER_BYTES && written + len >= HEADER_BYTES) {
                    int head = (int) (HEADER_BYTES - written);
                    out.write(b, off, head);
                    out.write(inserted);
                    out.write(b, off + head, len - head);
                } else {
                    out.write(b, off, len);
                }
                written += len;
            }
        };
    }

    /** A PNG's bytes with {@code chunks} inserted right after its PLTE (where bKGD, hIST and tRNS must stand). */
    static byte[] afterPalette(byte[] png, List<Chunk> chunks) throws IOException {
        int[] end = {-1};
        eachChunk(png, (type, at, length) -> {
            if (type.equals("PLTE")) end[0] = at + length + 4;
            return end[0] < 0;
        });
        if (end[0] < 0) return png; // no palette: nothing of the kind belongs
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 64);
        out.write(png, 0, end[0]);
        for (Chunk c : chunks) write(out, c);
        out.write(png, end[0], png.length - end[0]);
        return out.toByteArray();
    }

    static void write(OutputStream out, Chunk c) throws IOException {
        byte[] type = c.type().getBytes(StandardCharsets.ISO_8859_1);
        out.write(ByteBuffer.allocate(4).putInt(c.data.length).array());
        out.write(type);
        out.write(c.data);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(c.data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static int indexOf(byte[] d, int from) {
        for (int i = Math.max(0, from); i < d.length; i++) if (d[i] == 0) return i;
        return -1;
    }

    private static byte[] inflate(byte[] data) throws java.util.zip.DataFormatException {
        java.util.zip.Inflater inf = new java.util.zip.Inflater();
        try {
            inf.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) throw new java.util.zip.DataFormatException(
                        "truncated");
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            inf.end();
        }
    }
}
