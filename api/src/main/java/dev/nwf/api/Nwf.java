package dev.nwf.api;

import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.LevelListener;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.zoo.ModelZoo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * nwf in one call: images to .nwf bytes and back, losslessly, with the bundled default model and the pure-Java
 * evaluator (no DJL, no native code). Every method is safe to call from several threads at once.
 *
 * <pre>{@code
 * byte[] nwf = Nwf.encode(Path.of("shot.png"));
 * BufferedImage image = Nwf.decode(nwf);
 * Nwf.decode(in, (level, levels, preview) -> show(preview));   // coarse to fine as bytes arrive
 * }</pre>
 */
public final class Nwf {
    private Nwf() {
    }

    /** Told each level as soon as it is decoded, coarsest first: a smaller image that the next level refines. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param level the level decoded, from 0
         * @param levels the file's levels
         * @param image that level's image (smaller than the final one, but the last)
         */
        void levelDecoded(int level, int levels, BufferedImage image);
    }

    /**
     * Codes an image losslessly: 1 to 4 bands (gray, gray and alpha, RGB, RGBA) of up to 16 bits; other colour models
     * are converted to 8-bit RGB(A) first.
     *
     * @param image the image to code
     * @return the .nwf file's bytes
     * @throws IOException if the bundled model cannot be loaded
     */
    public static byte[] encode(BufferedImage image) throws IOException {
        return encode(ImageFiles.fromBufferedImage(image), Map.of(), null, null);
    }

    /**
     * Codes an image file (PNG, JPEG, BMP, GIF, TIFF) losslessly, keeping its ICC profile, text entries and a PNG's
     * other ancillary chunks.
     *
     * @param imageFile the image file to read
     * @return the .nwf file's bytes
     * @throws IOException if the file cannot be read or is not an image (an animation or multi-page file included)
     */
    public static byte[] encode(Path imageFile) throws IOException {
        ImageFiles.Picture picture = ImageFiles.readPicture(Files.readAllBytes(imageFile), imageFile.toString(),
                ImageFiles.SizeCheck.NONE);
        return encode(picture.image(), picture.containerMetadata(), picture.icc(), picture.exif());
    }

    private static byte[] encode(Image image, Map<String, Object> meta, byte[] icc, byte[] exif) throws IOException {
        NwfCodec codec = new NwfCodec(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model());
        return NwfContainer.toBytes(codec.encode(image, meta, icc, exif));
    }

    /**
     * Decodes a whole .nwf file.
     *
     * @param nwf the file's bytes
     * @return the image, with the file's ICC profile in its colour model where it has one
     * @throws IOException if the bytes are not a whole .nwf file (named by the error, with the byte offset)
     */
    public static BufferedImage decode(byte[] nwf) throws IOException {
        return decode(new ByteArrayInputStream(nwf), null);
    }

    /**
     * Decodes a .nwf stream to its end.
     *
     * @param in the stream (not closed here)
     * @return the image, with the file's ICC profile in its colour model where it has one
     * @throws IOException if the stream is not a whole .nwf file
     */
    public static BufferedImage decode(InputStream in) throws IOException {
        return decode(in, null);
    }

    /**
     * Decodes a .nwf stream level by level as its bytes arrive, telling {@code progress} (if not null) each level.
     *
     * @param in the stream (not closed here)
     * @param progress told each level as it is decoded, or null
     * @return the full-size image
     * @throws IOException if the stream is not a whole .nwf file; {@code progress} has then seen every level that
     *     arrived whole
     */
    public static BufferedImage decode(InputStream in, Progress progress) throws IOException {
        LevelListener listener = progress == null ? LevelListener.NONE
                : (level, levels, image) -> progress.levelDecoded(level, levels, ImageFiles.toBufferedImage(image));
        Decoded d = NwfDecoder.of(ModelZoo.builtin()).withListener(listener).decode(in);
        return ImageFiles.toBufferedImage(d.image(), d.icc());
    }
}
