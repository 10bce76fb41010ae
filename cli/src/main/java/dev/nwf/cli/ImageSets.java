package dev.nwf.cli;

import dev.nwf.codec.Image;
import dev.nwf.codec.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The readable images of a directory, in name order. */
final class ImageSets {
    private ImageSets() {
    }

    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new java.nio.file.NoSuchFileException(dir.toString());
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|bmp|gif)$")).sorted().toList();
        }
    }

    static List<Image> load(Path dir) throws IOException {
        return load(dir, 0);
    }

    /** The images, each shrunk by the least integer factor that brings its long side to at most maxSide (0: as is). */
    static List<Image> load(Path dir, int maxSide) throws IOException {
        List<Image> out = new ArrayList<>();
        for (Path p : list(dir)) {
            Image img = ImageFiles.read(p);
            int factor = maxSide <= 0 ? 1 : (Math.max(img.width(), img.height()) + maxSide - 1) / maxSide;
            out.add(factor <= 1 ? img : dev.nwf.codec.ImageOps.shrink(img, factor));
        }
        if (out.isEmpty()) throw new IOException(dir + ": no images (png, jpg, bmp, gif) found");
        return out;
    }
}
