package dev.nwf.e2e;

import dev.nwf.cli.Nwf;
import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.files.ImageFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CLI's bundled sample photo, or a crop of it written as PNG for the end-to-end tests (odd sizes on purpose). */
final class SamplePhoto {
    private SamplePhoto() {
    }

    /** The whole sample photo, 256×256 RGB. */
    static Image read() throws IOException {
        try (InputStream in = Nwf.class.getResourceAsStream("/dev/nwf/cli/samples/astronaut-256.png")) {
            return ImageFiles.read(in, "sample");
        }
    }

    /** Writes the crop to {@code png} and returns it as read back from the file. */
    static Image write(Path png, int x, int y, int w, int h) throws IOException {
        Files.write(png, ImageFiles.pngBytes(ImageOps.crop(read(), x, y, w, h)));
        return ImageFiles.read(png);
    }
}
