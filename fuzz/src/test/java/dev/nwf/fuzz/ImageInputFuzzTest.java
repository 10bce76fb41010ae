package dev.nwf.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nwf.files.ImageFiles;
import java.io.IOException;

/**
 * Any bytes given as an input image (PNG, JPEG, GIF, BMP, TIFF through the JDK's readers, then nwf's metadata
 * readers: PNG chunks, JPEG segments, TIFF tags, the PNG form) end in a picture or an IOException with a message
 * (what the command line reports as an unreadable image, exit 3): never another exception or a hang.
 */
class ImageInputFuzzTest {
    private static final long MAX_PIXELS = 1 << 20;

    @FuzzTest(maxDuration = "")
    void reads(byte[] input) {
        long start = System.nanoTime();
        try {
            ImageFiles.Picture p = ImageFiles.readPicture(input, "fuzz-input", (w, h) -> {
                if ((long) w * h > MAX_PIXELS) throw new IOException("too large: " + w + "x" + h);
            });
            p.containerMetadata();
        } catch (IOException named) {
            if (named.getMessage() == null) throw new AssertionError("an IOException without a message", named);
        }
        SlowInput.check(start, input);
    }
}
