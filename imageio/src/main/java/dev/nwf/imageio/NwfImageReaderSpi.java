package dev.nwf.imageio;

import dev.nwf.format.NwfContainer;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Registers the nwf reader with javax.imageio (listed in {@code META-INF/services}): with this jar on the class path,
 * {@code ImageIO.read(new File("x.nwf"))} decodes .nwf files. Recognises them by either form's signature (SPEC.md
 * §2.1), whatever their name; any other input is declined without an exception.
 */
public final class NwfImageReaderSpi extends ImageReaderSpi {
    static final String FORMAT = "nwf";
    /** Format names, suffixes and MIME types the reader and the writer both register. */
    static final String[] NAMES = {FORMAT, "NWF"};
    static final String[] SUFFIXES = {"nwf"};
    static final String[] MIME_TYPES = {"image/x-nwf"};

    /** The provider ImageIO finds through {@code META-INF/services}. */
    public NwfImageReaderSpi() {
        super("nwf", "1.0", NAMES, SUFFIXES, MIME_TYPES,
                NwfImageReader.class.getName(), new Class<?>[] {ImageInputStream.class}, null,
                false, null, null, null, null,
                true, NwfMetadata.NATIVE_FORMAT, null, null, null);
    }

    @Override
    public boolean canDecodeInput(Object source) {
        if (!(source instanceof ImageInputStream in)) return false;
        byte[] head = new byte[NwfContainer.SIGNATURE_PROBE_BYTES];
        int got = 0;
        try {
            in.mark();
            try {
                while (got < head.length) {
                    int n = in.read(head, got, head.length - got);
                    if (n < 0) break;
                    got += n;
                }
            } finally {
                in.reset();
            }
        } catch (IOException e) {
            return false;
        }
        return NwfContainer.hasSignature(head, got);
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new NwfImageReader(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "nwf lossless image reader (progressive: one pass per level)";
    }
}
