package dev.nwf.codec;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Conversion between image files (PNG, and anything else ImageIO reads) and {@link Image}. Gray, gray+alpha, RGB and
 * RGBA at their stored bit depth; palette images are expanded to RGB(A). PNG output is 8-bit for depths up to 8,
 * 16-bit above, with the samples unchanged.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    public static Image read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    public static Image read(InputStream in, String source) throws IOException {
        BufferedImage bi = ImageIO.read(in);
        if (bi == null) throw new IOException(source + ": not an image format this build can read (PNG, JPEG, BMP, GIF)");
        return fromBufferedImage(bi);
    }

    public static Image fromBufferedImage(BufferedImage bi) {
        ColorModel cm = bi.getColorModel();
        int w = bi.getWidth();
        int h = bi.getHeight();
        if (cm instanceof IndexColorModel || cm.getColorSpace().getType() != ColorSpace.TYPE_GRAY && cm.getNumColorComponents() != 3) {
            return fromRgb(bi, cm.hasAlpha());
        }
        Raster r = bi.getRaster();
        int bands = r.getNumBands();
        int depth = r.getSampleModel().getSampleSize(0);
        if (depth > 16 || (cm.getColorSpace().getType() != ColorSpace.TYPE_GRAY && !cm.getColorSpace().isCS_sRGB() && depth == 8)) {
            return fromRgb(bi, cm.hasAlpha());
        }
        int[][] planes = new int[bands][];
        for (int b = 0; b < bands; b++) planes[b] = r.getSamples(0, 0, w, h, b, new int[w * h]);
        return new Image(w, h, depth, planes);
    }

    private static Image fromRgb(BufferedImage bi, boolean alpha) {
        int w = bi.getWidth();
        int h = bi.getHeight();
        int[] argb = bi.getRGB(0, 0, w, h, null, 0, w);
        int[][] p = new int[alpha ? 4 : 3][w * h];
        for (int i = 0; i < argb.length; i++) {
            p[0][i] = (argb[i] >>> 16) & 0xFF;
            p[1][i] = (argb[i] >>> 8) & 0xFF;
            p[2][i] = argb[i] & 0xFF;
            if (alpha) p[3][i] = argb[i] >>> 24;
        }
        return new Image(w, h, 8, p);
    }

    public static BufferedImage toBufferedImage(Image img) {
        int c = img.channels();
        boolean alpha = c == 2 || c == 4;
        boolean wide = img.bitDepth() > 8;
        ColorSpace cs = ColorSpace.getInstance(c <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int bits = wide ? 16 : 8;
        int[] sizes = new int[c];
        java.util.Arrays.fill(sizes, bits);
        ComponentColorModel cm = new ComponentColorModel(cs, sizes, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, wide ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        WritableRaster r = cm.createCompatibleWritableRaster(img.width(), img.height());
        for (int b = 0; b < c; b++) r.setSamples(0, 0, img.width(), img.height(), b, img.plane(b));
        return new BufferedImage(cm, r, false, null);
    }

    public static void writePng(Image img, OutputStream out) throws IOException {
        if (!ImageIO.write(toBufferedImage(img), "png", out)) throw new IOException("no PNG writer available");
    }

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
