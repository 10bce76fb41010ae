package dev.nwf.files;

import dev.nwf.codec.Image;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Conversion between image files (PNG, and anything else ImageIO reads) and {@link Image}. Gray, gray+alpha, RGB and
 * RGBA at their stored bit depth; palette images are expanded to RGB(A). PNG output is 8-bit for depths up to 8,
 * 16-bit above, with the samples unchanged.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** Reads a file in place (no copy of it in memory or in a temporary file). */
    public static Image read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            try (InputStream in = Files.newInputStream(path)) { // a pipe, say: read as a stream
                return read(in, path.toString());
            }
        }
        try (javax.imageio.stream.ImageInputStream iis = new javax.imageio.stream.FileImageInputStream(
                path.toFile())) {
            return readPicture(iis, path.toString(), SizeCheck.NONE).image();
        }
    }

    /** Reads an image's samples; {@code source} names it in messages. */
    public static Image read(InputStream in, String source) throws IOException {
        return readPicture(in, source).image();
    }

    /**
     * Raw samples for component colour models whatever their colour space (no colour conversion: the ICC profile
     * travels separately); palette and packed-pixel images are expanded to 8-bit RGB(A).
     */
    /**
     * The image's samples: gray or RGB (any ICC profile of those kinds), with or without alpha, as they are; a palette
     * of opaque grays (1, 2 and 4-bit gray PNGs) as 8-bit gray; other colour models (indexed, packed) as 8-bit RGB(A).
     *
     * @throws IllegalArgumentException for CMYK or another colour space nwf cannot hold: converting it would alter it
     */
    public static Image fromBufferedImage(BufferedImage bi) {
        ColorModel cm = bi.getColorModel();
        int type = cm.getColorSpace().getType();
        if (type != ColorSpace.TYPE_GRAY && type != ColorSpace.TYPE_RGB) {
            throw new IllegalArgumentException((type == ColorSpace.TYPE_CMYK ? "a CMYK image" : "an image in colour "
                    + "space type " + type) + ": nwf holds gray and RGB, with or without alpha, and converting would "
                    + "not be lossless; convert it to RGB yourself if that is what you want");
        }
        Raster r = bi.getRaster();
        int depth = r.getSampleModel().getSampleSize(0);
        boolean component = cm instanceof ComponentColorModel && r.getNumBands() == cm.getNumComponents()
                && r.getTransferType() != DataBuffer.TYPE_FLOAT && r.getTransferType() != DataBuffer.TYPE_DOUBLE
                        && depth <= 16
                && r.getNumBands() <= 4;
        if (!component) return isGrayPalette(cm) ? fromGrayPalette(bi, (java.awt.image.IndexColorModel) cm)
                : fromRgb(bi, cm.hasAlpha());
        int w = bi.getWidth();
        int h = bi.getHeight();
        if (depth <= 8) return Image.ofBytes(w, h, depth, packed(r, w, h));
        int[][] planes = new int[r.getNumBands()][];
        for (int b = 0; b < planes.length; b++) planes[b] = r.getSamples(0, 0, w, h, b, new int[w * h]);
        return new Image(w, h, depth, planes);
    }

    /** Samples of at most 8 bits a byte each, read some rows at a time: never an int plane of the whole image. */
    private static byte[][] packed(Raster r, int w, int h) {
        byte[][] planes = new byte[r.getNumBands()][w * h];
        int rows = Math.max(1, Math.min(h, (1 << 16) / w));
        int[] buf = new int[rows * w];
        for (int b = 0; b < planes.length; b++) {
            for (int y = 0; y < h; y += rows) {
                int n = Math.min(rows, h - y);
                r.getSamples(0, y, w, n, b, buf);
                for (int i = 0; i < n * w; i++) planes[b][y * w + i] = (byte) buf[i];
            }
        }
        return planes;
    }

    /** A palette of opaque grays only: a 1, 2 or 4-bit gray PNG, or a gray GIF, as the JDK's readers give them. */
    private static boolean isGrayPalette(ColorModel cm) {
        if (!(cm instanceof java.awt.image.IndexColorModel icm) || icm.hasAlpha()) return false;
        for (int i = 0; i < icm.getMapSize(); i++) {
            if (icm.getRed(i) != icm.getGreen(i) || icm.getRed(i) != icm.getBlue(i)) return false;
        }
        return true;
    }

    /** One 8-bit gray plane of the palette's values (not three equal planes). */
    private static Image fromGrayPalette(BufferedImage bi, java.awt.image.IndexColorModel cm) {
        int w = bi.getWidth();
        int h = bi.getHeight();
        byte[] gray = packed(bi.getRaster(), w, h)[0];
        for (int i = 0; i < gray.length; i++) gray[i] = (byte) cm.getRed(gray[i] & 0xFF);
        return Image.ofBytes(w, h, 8, new byte[][] {gray});
    }

    private static Image fromRgb(BufferedImage bi, boolean alpha) {
        int w = bi.getWidth();
        int h = bi.getHeight();
        byte[][] p = new byte[alpha ? 4 : 3][w * h];
        int rows = Math.max(1, Math.min(h, (1 << 16) / w));
        int[] argb = new int[rows * w];
        for (int y = 0; y < h; y += rows) {
            int n = Math.min(rows, h - y);
            bi.getRGB(0, y, w, n, argb, 0, w);
            for (int k = 0; k < n * w; k++) {
                int i = y * w + k;
                p[0][i] = (byte) (argb[k] >>> 16);
                p[1][i] = (byte) (argb[k] >>> 8);
                p[2][i] = (byte) argb[k];
                if (alpha) p[3][i] = (byte) (argb[k] >>> 24);
            }
        }
        return Image.ofBytes(w, h, 8, p);
    }

    /** The image as a BufferedImage of the nearest standard type (no ICC profile). */
    public static BufferedImage toBufferedImage(Image img) {
        return toBufferedImage(img, null);
    }

    /** @param icc an ICC profile for the samples' colour space, or null for sRGB / linear gray */
    public static BufferedImage toBufferedImage(Image img, byte[] icc) {
        int c = img.channels();
        boolean alpha = c == 2 || c == 4;
        boolean wide = img.bitDepth() > 8;
        ColorSpace cs = ColorSpace.getInstance(c <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        if (icc != null) {
            try {
                ColorSpace profiled = new java.awt.color.ICC_ColorSpace(java.awt.color.ICC_Profile.getInstance(icc));
                if (profiled.getNumComponents() == cs.getNumComponents()) cs = profiled;
            } catch (IllegalArgumentException badProfile) {
                // an unusable profile is dropped rather than failing the decode
            }
        }
        int bits = wide ? 16 : 8;
        int[] sizes = new int[c];
        java.util.Arrays.fill(sizes, bits);
        ComponentColorModel cm = new ComponentColorModel(cs, sizes, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, wide ? DataBuffer.TYPE_USHORT
                        : DataBuffer.TYPE_BYTE);
        WritableRaster r = cm.createCompatibleWritableRaster(img.width(), img.height());
        for (int b = 0; b < c; b++) r.setSamples(0, 0, img.width(), img.height(), b, img.plane(b));
        return new BufferedImage(cm, r, false, null);
    }

    /**
     * An image with what its file carried besides pixels: ICC profile, text entries in the file's order (so that
     * encoding the same file twice gives the same bytes; {@code Map.copyOf}'s order changes from run to run), and a
     * PNG's other ancillary chunks as they were ({@link PngChunks}; text chunks among them replace the text entries),
     * and a PNG's form where a decode would otherwise write another ({@link PngForm}: a palette, gray of 1-4 bits;
     * null for none).
     */
    public record Picture(Image image, byte[] icc, java.util.Map<String, String> text, List<PngChunks.Chunk> chunks,
                          PngForm form) {
        /** Text and chunk lists are copied; null stands for none. */
        public Picture {
            text = text == null ? java.util.Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(text));
            chunks = chunks == null ? List.of() : List.copyOf(chunks);
        }

        /** A picture with ICC profile and text but no PNG chunks. */
        public Picture(Image image, byte[] icc, java.util.Map<String, String> text) {
            this(image, icc, text, List.of());
        }

        /** A picture written in the default PNG form. */
        public Picture(Image image, byte[] icc, java.util.Map<String, String> text, List<PngChunks.Chunk> chunks) {
            this(image, icc, text, chunks, null);
        }

        /**
         * The .nwf meta object that carries the text entries and PNG chunks but EXIF ({@link PngChunks#textOf} reads
         * it).
         */
        public java.util.Map<String, Object> containerMetadata() {
            java.util.Map<String, Object> meta = new java.util.LinkedHashMap<>();
            if (!text.isEmpty()) meta.put(PngChunks.TEXT_META_KEY, text);
            List<PngChunks.Chunk> rest = chunks.stream().filter(c -> !c.type().equals(PngChunks.EXIF)).toList();
            if (!rest.isEmpty()) meta.put(PngChunks.META_KEY, PngChunks.toJson(rest));
            meta.putAll(formMetadata());
            return meta;
        }

        /** The part of {@link #containerMetadata} that is not metadata but the PNG's form: what --strip keeps. */
        public java.util.Map<String, Object> formMetadata() {
            return form == null ? java.util.Map.of() : java.util.Map.of(PngForm.META_KEY, form.toJson(image));
        }

        /** The EXIF (TIFF-structured) bytes, for the .nwf file's exif chunk, or null. */
        public byte[] exif() {
            for (PngChunks.Chunk c : chunks) if (c.type().equals(PngChunks.EXIF)) return c.data();
            return null;
        }

        /** The picture a decode writes: the file's image, profile, text and PNG chunks, its EXIF as an eXIf chunk. */
        public static Picture of(Image image, byte[] icc, java.util.Map<String, Object> metadata, byte[] exif) {
            java.util.Map<String, String> text = PngChunks.plainText(metadata);
            List<PngChunks.Chunk> chunks = new java.util.ArrayList<>(PngChunks.fromJson(metadata.get(
                    PngChunks.META_KEY)));
            if (exif != null) chunks.add(new PngChunks.Chunk(PngChunks.EXIF, exif));
            return new Picture(image, icc, text, chunks, PngForm.fromJson(metadata.get(PngForm.META_KEY), image));
        }
    }

    /**
     * As {@link #readPicture(InputStream, String, SizeCheck)}, for a file already in memory; a PNG's ancillary chunks
     * and a JPEG's EXIF and XMP come with it ({@link PngChunks#of}), text chunks in place of the text entries.
     */
    public static Picture readPicture(byte[] bytes, String source, SizeCheck sizeCheck) throws IOException {
        Picture p = readPicture(new java.io.ByteArrayInputStream(bytes), source, sizeCheck);
        List<PngChunks.Chunk> chunks = PngChunks.of(bytes, p.image().channels()).chunks();
        PngForm form = PngForm.of(bytes);
        if (chunks.isEmpty() && form == null) return p;
        return new Picture(p.image(), p.icc(), PngChunks.hasText(chunks) ? java.util.Map.of() : p.text(), chunks,
                form);
    }

    /** The input formats the JDK's image readers give this build. */
    public static final String INPUT_FORMATS = "PNG, JPEG, BMP, GIF, TIFF";

    /**
     * Nothing lost: a file with several frames (an animated GIF or PNG, a multi-page TIFF) is refused rather than
     * coded as its first frame.
     */
    private static void refuseAnimation(javax.imageio.ImageReader reader, javax.imageio.metadata.IIOMetadata meta,
            String source)
            throws IOException {
        int frames = reader.getNumImages(true);
        boolean apng = false;
        if (meta != null && java.util.Arrays.asList(meta.getMetadataFormatNames()).contains("javax_imageio_png_1.0")) {
            org.w3c.dom.Node root = meta.getAsTree("javax_imageio_png_1.0");
            for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!n.getNodeName().equals("UnknownChunks")) continue;
                for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                    var type = c.getAttributes().getNamedItem("type");
                    if (type != null && type.getNodeValue().equals("acTL")) apng = true;
                }
            }
        }
        if (frames > 1 || apng) {
            throw new UnreadableImageException(source + ": " + (apng ? "an animated PNG" : frames + " frames")
                    + "; nwf codes still images and "
                    + "would keep only the first frame: extract the one you want first (e.g. convert '" + source
                            + "[0]' frame.png)", null);
        }
    }

    /** Checks an image's size before its pixels are read (a limit, the memory coding it will need). */
    @FunctionalInterface
    public interface SizeCheck {
        /** Checks nothing. */
        SizeCheck NONE = (width, height) -> { };

        /** Throws when a {@code width x height} image must not be read. */
        void check(int width, int height) throws IOException;
    }

    /** Reads pixels (raw samples), the ICC profile (when not plain sRGB / gray) and text entries. */
    public static Picture readPicture(InputStream in, String source) throws IOException {
        return readPicture(in, source, SizeCheck.NONE);
    }

    /** As {@link #readPicture(InputStream, String)}, first passing the image's size to {@code sizeCheck}. */
    public static Picture readPicture(InputStream in, String source, SizeCheck sizeCheck) throws IOException {
        // cached in memory, never in ImageIO's temporary files (which need free space and outlive a killed process)
        try (javax.imageio.stream.ImageInputStream iis = new javax.imageio.stream.MemoryCacheImageInputStream(in)) {
            return readPicture(iis, source, sizeCheck);
        }
    }

    private static Picture readPicture(javax.imageio.stream.ImageInputStream iis, String source, SizeCheck sizeCheck)
            throws IOException {
        var readers = ImageIO.getImageReaders(iis);
        if (readers == null || !readers.hasNext()) throw new UnreadableImageException(source
                + ": not an image format this build can read (" + INPUT_FORMATS + ")", null);
        javax.imageio.ImageReader reader = readers.next();
        try {
            int width;
            int height;
            try {
                reader.setInput(iis);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (RuntimeException | IOException e) {
                throw unreadable(source, reader, e);
            }
            sizeCheck.check(width, height); // its refusal (a limit, the heap) is not about the file: passed on as is
            BufferedImage bi = reader.read(0);
            javax.imageio.metadata.IIOMetadata meta = reader.getImageMetadata(0);
            refuseAnimation(reader, meta, source);
            Image img = fromBufferedImage(bi);
            byte[] icc = null;
            if (bi.getColorModel() instanceof ComponentColorModel
                    && bi.getColorModel().getColorSpace() instanceof java.awt.color.ICC_ColorSpace ics
                    && !ics.isCS_sRGB() && ics != ColorSpace.getInstance(ColorSpace.CS_GRAY)) {
                icc = ics.getProfile().getData();
            }
            java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
            if (icc == null) icc = pngIccProfile(meta);
            if (meta != null && meta.isStandardMetadataFormatSupported()) {
                org.w3c.dom.Node root =
                        meta.getAsTree(javax.imageio.metadata.IIOMetadataFormatImpl.standardMetadataFormatName);
                for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (!n.getNodeName().equals("Text")) continue;
                    for (org.w3c.dom.Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                        var attrs = e.getAttributes();
                        var k = attrs.getNamedItem("keyword");
                        var v = attrs.getNamedItem("value");
                        if (k != null && v != null) text.put(k.getNodeValue(), v.getNodeValue());
                    }
                }
            }
            return new Picture(img, icc, text);
        } catch (UnreadableImageException e) {
            throw e;
        } catch (RuntimeException | javax.imageio.IIOException | java.io.EOFException e) {
            throw unreadable(source, reader, e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * The JDK's readers fail on damaged files with any runtime exception (fuzzing found index errors in the TIFF
     * reader) or an I/O exception without a message (a cut file): each is an unreadable image, named, never a crash.
     */
    private static UnreadableImageException unreadable(String source, javax.imageio.ImageReader reader,
            Exception e) {
        if (e instanceof UnreadableImageException u) return u;
        String format;
        try {
            format = reader.getFormatName();
        } catch (IOException | RuntimeException unnamed) {
            format = "image";
        }
        String why = e instanceof java.io.EOFException ? "the " + format + " data ends early"
                : e.getMessage() != null ? e.getMessage()
                : "the " + format + " reader failed (" + e.getClass().getSimpleName() + ")";
        return new UnreadableImageException(source + ": unreadable image: " + why, e);
    }

    /**
     * Writes a PNG with the picture's ICC profile (iCCP), text entries (tEXt) and carried PNG chunks (right after
     * IHDR, as they were).
     */
    public static void writePng(Picture p, OutputStream out) throws IOException {
        BufferedImage inForm = p.form() == null ? null : p.form().render(p.image());
        BufferedImage bi = inForm != null ? inForm : toBufferedImage(p.image(), p.icc());
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        PngForm.Placed chunks = inForm != null ? p.form().relaid(p.chunks()) : new PngForm.Placed(p.chunks(),
                List.of());
        // a palette's bKGD follows PLTE, which the writer makes: the PNG is spliced in memory then
        java.io.ByteArrayOutputStream spliced = chunks.afterPalette().isEmpty() ? null
                : new java.io.ByteArrayOutputStream();
        OutputStream target = PngChunks.inserting(spliced != null ? spliced : out, chunks.afterHeader());
        try (javax.imageio.stream.ImageOutputStream ios = new javax.imageio.stream.MemoryCacheImageOutputStream(
                target)) {
            writer.setOutput(ios);
            javax.imageio.ImageTypeSpecifier type = new javax.imageio.ImageTypeSpecifier(bi);
            javax.imageio.metadata.IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
            if (!p.text().isEmpty() && !PngChunks.hasText(p.chunks())) {
                String std = javax.imageio.metadata.IIOMetadataFormatImpl.standardMetadataFormatName;
                javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode(std);
                javax.imageio.metadata.IIOMetadataNode textNode = new javax.imageio.metadata.IIOMetadataNode("Text");
                p.text().forEach((k, v) -> {
                    javax.imageio.metadata.IIOMetadataNode e = new javax.imageio.metadata.IIOMetadataNode("TextEntry");
                    e.setAttribute("keyword", k);
                    e.setAttribute("value", v);
                    textNode.appendChild(e);
                });
                root.appendChild(textNode);
                meta.mergeTree(std, root);
            }
            // a palette's colour model is sRGB: the profile goes in as iCCP all the same
            if (p.icc() != null && (inForm != null || bi.getColorModel().getColorSpace()
                    instanceof java.awt.color.ICC_ColorSpace ics && !ics.isCS_sRGB())) {
                String nativeFormat = "javax_imageio_png_1.0";
                javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode(nativeFormat);
                javax.imageio.metadata.IIOMetadataNode iccp = new javax.imageio.metadata.IIOMetadataNode("iCCP");
                iccp.setAttribute("profileName", "ICC profile");
                iccp.setAttribute("compressionMethod", "deflate");
                iccp.setUserObject(deflate(p.icc()));
                root.appendChild(iccp);
                meta.mergeTree(nativeFormat, root);
            }
            writer.write(new javax.imageio.IIOImage(bi, null, meta));
        } finally {
            writer.dispose();
        }
        if (spliced != null) out.write(PngChunks.afterPalette(spliced.toByteArray(), chunks.afterPalette()));
    }

    /** The iCCP profile of a PNG (the JDK reader does not apply it to the colour model), or null. */
    private static byte[] pngIccProfile(javax.imageio.metadata.IIOMetadata meta) {
        if (meta == null
                || !java.util.Arrays.asList(meta.getMetadataFormatNames()).contains("javax_imageio_png_1.0")) return
                null;
        org.w3c.dom.Node root = meta.getAsTree("javax_imageio_png_1.0");
        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("iCCP") && n instanceof javax.imageio.metadata.IIOMetadataNode node
                    && node.getUserObject() instanceof byte[] b) {
                return inflate(b);
            }
        }
        return null;
    }

    private static byte[] inflate(byte[] data) {
        java.util.zip.Inflater inf = new java.util.zip.Inflater();
        inf.setInput(data);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) break;
                out.write(buf, 0, n);
            }
            return inf.finished() ? out.toByteArray() : data; // already uncompressed
        } catch (java.util.zip.DataFormatException notDeflated) {
            return data;
        } finally {
            inf.end();
        }
    }

    private static byte[] deflate(byte[] data) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
        d.setInput(data);
        d.finish();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }

    /** Writes the image as PNG without metadata. */
    public static void writePng(Image img, OutputStream out) throws IOException {
        writePng(new Picture(img, null, null), out);
    }

    /** The image as PNG bytes. */
    public static byte[] pngBytes(Image img) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            writePng(img, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
