import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.pixel.PixelLevels;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.files.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pixel levels' expert (SPEC.md §4.4.5) saves and costs on whole images: the pixel levels' bytes alone (as
 * scripts/PixelLevelsAlone.java: subtract green, no container, one thread) without and with it, and the ratio of
 * their coding times, each image's best of two alternating codings both ways in one JVM (a ratio, not a speed:
 * these machines wander by ±15 % between runs). Images where the expert does not pay are listed. --candidates: pixel
 * levels with candidates (graphics); --crops N: each image's nine N×N crops at (i/4, j/4) of the free room, i, j = 1..3
 * (as SmallImageBenchmark takes them), instead of the whole image.
 *   java -cp "codec/target/classes:cli/target/nwf.jar:cli/target/lib/*" scripts/ExpertCost.java DIR... \
 *       [--candidates] [--crops N]
 */
public class ExpertCost {
    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        boolean candidates = false;
        int crop = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--candidates")) {
                candidates = true;
                continue;
            }
            if (a.equals("--crops")) {
                crop = Integer.parseInt(args[++i]);
                continue;
            }
            try (var s = Files.list(Path.of(a))) {
                s.sorted().filter(p -> p.toString().matches(".*[.](png|jpg)")).forEach(files::add);
            }
        }
        code(ImageFiles.read(files.get(0)), true, candidates); // warm up
        long[] total = new long[2];
        long[] nanos = new long[2];
        for (Path f : files) {
            Image whole = ImageFiles.read(f);
            List<Image> images = new ArrayList<>();
            if (crop == 0) images.add(whole);
            for (int j = 1; crop > 0 && j <= 3; j++) {
                for (int i = 1; i <= 3; i++) {
                    images.add(ImageOps.crop(whole, (whole.width() - crop) * i / 4, (whole.height() - crop) * j / 4,
                            crop, crop));
                }
            }
            for (Image image : images) measure(image, f, candidates, total, nanos);
        }
        System.out.printf("without %d  with %d  (%+.3f %%)  time with / without %.3f%n", total[0], total[1],
                100.0 * (total[1] - total[0]) / total[0], (double) nanos[1] / nanos[0]);
    }

    /** Adds the image's bytes and best time without and with the expert to {@code total} and {@code nanos}. */
    private static void measure(Image image, Path f, boolean candidates, long[] total, long[] nanos) {
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        long[] bytes = new long[2];
        for (int round = 0; round < 4; round++) {
            int with = round & 1;
            long t0 = System.nanoTime();
            bytes[with] = code(image, with == 1, candidates);
            best[with] = Math.min(best[with], System.nanoTime() - t0);
        }
        for (int with = 0; with < 2; with++) {
            total[with] += bytes[with];
            nanos[with] += best[with];
        }
        if (bytes[1] >= bytes[0]) System.out.printf("does not pay: %s %d -> %d%n", f, bytes[0], bytes[1]);
    }

    private static long code(Image image, boolean expert, boolean candidates) {
        ColourTransform ct = image.channels() >= 3 ? ColourTransform.SUBTRACT_GREEN : ColourTransform.NONE;
        long bytes = 0;
        for (byte[] p : new PixelLevels(ct, 1, 0, 0, candidates, expert).encode(image, List.of(ct), (l, t) -> { })
                .payloads()) {
            bytes += p.length;
        }
        return bytes;
    }
}
