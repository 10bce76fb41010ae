package dev.nwf.imageio;

import dev.nwf.codec.Effort;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.zoo.ModelZoo;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an image as a .nwf file through javax.imageio, losslessly, with the default model. The write parameter's
 * progressive mode chooses the levels: the default (or MODE_DEFAULT) keeps every level; MODE_DISABLED asks for one
 * level, not progressive, which codes graphics smallest (pixel levels; a photograph's wavelet levels always have
 * every level). An ICC profile other than sRGB's or linear gray's travels in the file.
 */
public final class NwfImageWriter extends ImageWriter {
    NwfImageWriter(ImageWriterSpi spi) {
        super(spi);
    }

    @Override
    public ImageWriteParam getDefaultWriteParam() {
        return new Param();
    }

    /**
     * Progressive by default, MODE_DISABLED for one level. Compression is always lossless; with MODE_EXPLICIT its
     * quality sets the encoder's effort as the JDK's PNG writer sets its deflate level: 1.0 fastest (effort 1),
     * 0.0 smallest (effort 9); otherwise effort 7, as {@code nwf encode}.
     */
    private static final class Param extends ImageWriteParam {
        Param() {
            canWriteProgressive = true;
            progressiveMode = MODE_DEFAULT;
            canWriteCompressed = true;
            compressionTypes = new String[] {"nwf lossless"};
            compressionType = compressionTypes[0];
        }

        @Override
        public void setCompressionMode(int mode) {
            super.setCompressionMode(mode);
            if (mode == MODE_EXPLICIT) compressionType = compressionTypes[0]; // the only one: nothing to choose
        }

        @Override
        public boolean isCompressionLossless() {
            super.isCompressionLossless(); // the checks of the mode and type
            return true;
        }
    }

    /** The effort a write parameter asks for ({@link Param}). */
    static Effort effortOf(ImageWriteParam param) {
        if (param == null || !param.canWriteCompressed()
                || param.getCompressionMode() != ImageWriteParam.MODE_EXPLICIT) return Effort.DEFAULT;
        float quality = param.getCompressionQuality();
        return new Effort(Effort.MIN + Math.round((Effort.MAX - Effort.MIN) * (1 - quality)));
    }

    @Override
    public IIOMetadata getDefaultStreamMetadata(ImageWriteParam param) {
        return null;
    }

    @Override
    public IIOMetadata getDefaultImageMetadata(ImageTypeSpecifier imageType, ImageWriteParam param) {
        return null;
    }

    @Override
    public IIOMetadata convertStreamMetadata(IIOMetadata inData, ImageWriteParam param) {
        return null;
    }

    @Override
    public IIOMetadata convertImageMetadata(IIOMetadata inData, ImageTypeSpecifier imageType, ImageWriteParam param) {
        return null;
    }

    @Override
    public void write(IIOMetadata streamMetadata, IIOImage image, ImageWriteParam param) throws IOException {
        if (!(output instanceof ImageOutputStream out)) throw new IllegalStateException("no output set");
        RenderedImage rendered = image.getRenderedImage();
        if (rendered == null) throw new IIOException("nwf writes rendered images, not rasters alone");
        BufferedImage bi = rendered instanceof BufferedImage b ? b : copy(rendered);
        Image img = ImageFiles.fromBufferedImage(bi);
        boolean oneLevel = param != null && param.canWriteProgressive()
                && param.getProgressiveMode() == ImageWriteParam.MODE_DISABLED;
        processImageStarted(0);
        NwfCodec codec = new NwfCodec(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model())
                .withLevels(oneLevel ? 1 : 0).withEffort(effortOf(param));
        byte[] bytes = NwfContainer.toBytes(codec.encode(img, Map.of(), iccOf(bi), null,
                (level, total) -> processImageProgress(100f * (level + 1) / total)));
        out.write(bytes);
        out.flush();
        processImageComplete();
    }

    /** The image's ICC profile where it has one other than the standard sRGB and linear gray spaces. */
    private static byte[] iccOf(BufferedImage bi) {
        ColorSpace cs = bi.getColorModel().getColorSpace();
        if (!(cs instanceof ICC_ColorSpace icc) || cs.isCS_sRGB()
                || cs == ColorSpace.getInstance(ColorSpace.CS_GRAY)) return null;
        ICC_Profile profile = icc.getProfile();
        return profile.getData();
    }

    private static BufferedImage copy(RenderedImage r) {
        BufferedImage b = new BufferedImage(r.getColorModel(), r.copyData(null), r.getColorModel().isAlphaPremultiplied(),
                null);
        return b;
    }
}
