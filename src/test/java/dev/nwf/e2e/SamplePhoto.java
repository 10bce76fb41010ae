package dev.nwf.e2e;

import dev.nwf.cli.Nwf;
import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.files.ImageFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A crop of the CLI's bundled sample photo, written as PNG for the end-to-end tests (odd sizes on purpose). */
final class SamplePhoto {
    private SamplePhoto() {
    }

    /** Writes the crop to {@code png} and returns it as read back from the file. */
    static Image write(Path png, int x, int y, int w, int h) throws IOException {
        Image full;
        try (InputStream in = Nwf.class.getResourceAsStream("/dev/nwf/cli/samples/astronaut-256.png")) {
            full = ImageFiles.read(in, "sample");
        }
        Files.write(png, ImageFiles.pngBytes(ImageOps.crop(full, x, y, w, h)));
        return ImageFiles.read(png);
    }
}
