package dev.nwf.bench;

import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.files.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Photo set A of ../shared/notes/anchors.md, from data/eval (scripts/fetch-images.sh): mate photos shrunk 2x; and
 * photo set P's halves, from data/photos/dev and data/photos/val (scripts/fetch-photos.sh): never-JPEG'd images.
 */
final class PhotoSet {
    record Photo(String name, Image image) {
    }

    private PhotoSet() {
    }

    static Path dataDir() {
        return dataDir("data/eval");
    }

    private static Path dataDir(String relative) {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(relative))) return p.resolve(relative);
        }
        return null;
    }

    /** Half "dev" or "val" of set P, as fetched. */
    static List<Photo> setP(String half) throws IOException {
        Path dir = dataDir("data/photos/" + half);
        Assumptions.assumeTrue(dir != null, "run scripts/fetch-photos.sh first");
        return read(dir, false);
    }

    static List<Photo> setA() throws IOException {
        Path dir = dataDir();
        Assumptions.assumeTrue(dir != null, "run scripts/fetch-images.sh first");
        return read(dir, true);
    }

    private static List<Photo> read(Path dir, boolean shrinkMate) throws IOException {
        List<Photo> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                Image img = ImageFiles.read(p);
                out.add(new Photo(name, shrinkMate && name.startsWith("mate-") ? ImageOps.shrink(img, 2) : img));
            }
        }
        return out;
    }
}
