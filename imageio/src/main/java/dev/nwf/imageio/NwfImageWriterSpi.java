package dev.nwf.imageio;

import java.awt.image.ColorModel;
import java.awt.image.SampleModel;
import java.util.Locale;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;

/**
 * Registers the nwf writer with javax.imageio (listed in {@code META-INF/services}): {@code ImageIO.write(image,
 * "nwf", file)} codes an image losslessly. Any image of 1 to 4 bands of at most 16 bits is accepted.
 */
public final class NwfImageWriterSpi extends ImageWriterSpi {
    /** The provider ImageIO finds through {@code META-INF/services}. */
    public NwfImageWriterSpi() {
        super("nwf", "1.0", NwfImageReaderSpi.NAMES, NwfImageReaderSpi.SUFFIXES, NwfImageReaderSpi.MIME_TYPES,
                NwfImageWriter.class.getName(), new Class<?>[] {ImageOutputStream.class},
                new String[] {NwfImageReaderSpi.class.getName()}, false, null, null, null, null,
                false, null, null, null, null);
    }

    @Override
    public boolean canEncodeImage(ImageTypeSpecifier type) {
        SampleModel sm = type.getSampleModel();
        ColorModel cm = type.getColorModel();
        if (sm.getNumBands() > 4 || cm.getNumComponents() > 4) return false;
        for (int bits : sm.getSampleSize()) if (bits > 16) return false;
        return true;
    }

    @Override
    public ImageWriter createWriterInstance(Object extension) {
        return new NwfImageWriter(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "nwf lossless image writer (progressive unless asked not to be)";
    }
}
