package dev.nwf.conformance;

import dev.nwf.codec.Image;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest conformance manifests record for a decoded image: SHA-256 over "WxHxC" in ASCII, then every sample
 * in raster order, channels interleaved, each as 2 bytes big-endian. Independent of any file format; the bit depth
 * is left out because output formats such as PNG cannot store every depth (a 12-bit image travels as 16-bit).
 */
public final class PixelHash {
    private PixelHash() {
    }

    /** SHA-256 of the image's samples as described above, as hex. */
    public static String of(Image img) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((img.width() + "x" + img.height() + "x" + img.channels()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] row = new byte[img.width() * img.channels() * 2];
            for (int y = 0; y < img.height(); y++) {
                int k = 0;
                for (int x = 0; x < img.width(); x++) {
                    for (int c = 0; c < img.channels(); c++) {
                        int v = img.at(c, y * img.width() + x);
                        row[k++] = (byte) (v >>> 8);
                        row[k++] = (byte) v;
                    }
                }
                md.update(row);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
