package dev.nwf.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nwf.imageio.NwfImageReaderSpi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Any bytes given to the ImageIO plugin: the SPI's signature check never throws, and a reader it accepts gives the
 * size, metadata and image or an IOException, never another exception or a hang.
 */
class ImageIoReaderFuzzTest {
    private static final NwfImageReaderSpi SPI = new NwfImageReaderSpi();

    @FuzzTest(maxDuration = "")
    void reads(byte[] input) throws IOException {
        long start = System.nanoTime();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(input))) {
            if (!SPI.canDecodeInput(in)) return;
            ImageReader reader = SPI.createReaderInstance();
            try {
                reader.setInput(in);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > NwfDecoderFuzzTest.MAX_PIXELS) return;
                reader.getImageMetadata(0);
                reader.read(0);
            } catch (IOException named) {
                // a named error, as ImageIO's callers expect
            } finally {
                reader.dispose();
            }
        }
        SlowInput.check(start, input);
    }
}
