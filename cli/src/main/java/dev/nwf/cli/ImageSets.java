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
        List<Image> out = new ArrayList<>();
        for (Path p : list(dir)) out.add(ImageFiles.read(p));
        if (out.isEmpty()) throw new IOException(dir + ": no images (png, jpg, bmp, gif) found");
        return out;
    }
}
