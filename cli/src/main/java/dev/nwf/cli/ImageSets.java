package dev.nwf.cli;

import dev.nwf.codec.Image;
import dev.nwf.files.ImageFiles;
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
            return s.filter(p ->
                    p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|bmp|gif|tiff?)$")).sorted().toList();
        }
    }

    /**
     * The image, or null after saying on stderr why it is skipped: one unreadable file (an animation, a TIFF variant
     * the JDK cannot read) should not end a run over a whole directory.
     */
    static Image readOrSkip(Path p) {
        try {
            return ImageFiles.read(p);
        } catch (IOException e) {
            System.err.println("nwf: skipped " + e.getMessage());
            return null;
        }
    }

    static List<Image> load(Path dir) throws IOException {
        return load(dir, 0);
    }

    /** The images, each shrunk by the least integer factor that brings its long side to at most maxSide (0: as is). */
    static List<Image> load(Path dir, int maxSide) throws IOException {
        List<Image> out = new ArrayList<>();
        for (Path p : list(dir)) {
            Image img = readOrSkip(p);
            if (img == null) continue;
            int factor = maxSide <= 0 ? 1 : (Math.max(img.width(), img.height()) + maxSide - 1) / maxSide;
            out.add(factor <= 1 ? img : dev.nwf.codec.ImageOps.shrink(img, factor));
        }
        if (out.isEmpty()) throw new IOException(dir + ": no readable images (png, jpg, bmp, gif, tif) found");
        return out;
    }
}
