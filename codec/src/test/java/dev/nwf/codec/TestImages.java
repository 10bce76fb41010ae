package dev.nwf.codec;
/**
 * Test images that need the JDK's image I/O (the codec module does not read java.desktop): see {@link SyntheticImages}.
 */
public final class TestImages {
    private TestImages() {
    }






    /**
     * A photo-like RGB image as JPEG leaves it (the JDK's JPEG writer, quality 0.75, 8×8 blocks starting at column and
     * row {@code start}): a larger image coded from its origin, then cropped.
     */
    public static Image blocky(int w, int h, int start, long seed) {
        int origin = (8 - start) % 8;
        Image base = SyntheticImages.synthetic(w + origin, h + origin, 3, 8, seed);
        try {
            javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f);
            java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
            try (var out = javax.imageio.ImageIO.createImageOutputStream(jpeg)) {
                writer.setOutput(out);
                writer.write(null, new javax.imageio.IIOImage(rgb(base), null, null), param);
            } finally {
                writer.dispose();
            }
            java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(new
                    java.io.ByteArrayInputStream(jpeg.toByteArray()));
            int[][] p = new int[3][w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = read.getRGB(x + origin, y + origin);
                    p[0][y * w + x] = v >> 16 & 0xFF;
                    p[1][y * w + x] = v >> 8 & 0xFF;
                    p[2][y * w + x] = v & 0xFF;
                }
            }
            return new Image(w, h, 8, p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An 8-bit RGB image as a BufferedImage (the image-file module is built on the codec, so tests convert here). */
    private static java.awt.image.BufferedImage rgb(Image img) {
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(img.width(), img.height(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int i = y * img.width() + x;
                bi.setRGB(x, y, img.plane(0)[i] << 16 | img.plane(1)[i] << 8 | img.plane(2)[i]);
            }
        }
        return bi;
    }




}
