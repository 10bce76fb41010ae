import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.level.LevelCoding;
import dev.nwf.codec.pixel.PixelLevels;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.LevelPlan;
import dev.nwf.codec.transform.Palette;
import dev.nwf.files.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pixel levels alone (SPEC.md §4.4) on a folder of PNGs: the bytes of the levels (palette indices where the image has
 * few colours, else the samples under subtract green; no container, no wavelet candidate) and single-threaded decoding
 * speed, the best of five rounds in one JVM — a per-sample cost that does not depend on how many cores are free.
 *   java -cp "cli/target/nwf.jar:cli/target/lib/*" scripts/PixelLevelsBench.java data/graphics/dev [LEVELS]
 * LEVELS: at most this many levels (nwf encode --levels), 0 or absent for all.
 */
public class PixelLevelsBench {
    public static void main(String[] args) throws Exception {
        int maxLevels = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(Path.of(args[0]))) {
            s.sorted().filter(p -> p.toString().endsWith(".png")).forEach(files::add);
        }
        List<Object[]> jobs = new ArrayList<>();
        long bytes = 0;
        long pixels = 0;
        for (Path f : files) {
            Image img = ImageFiles.read(f);
            Palette palette = img.channels() >= 2 ? Palette.fit(img) : null;
            Image coded = palette != null ? palette.toIndices(img) : img;
            ColourTransform ct = palette == null && img.channels() >= 3 ? ColourTransform.SUBTRACT_GREEN
                    : ColourTransform.NONE;
            int planned = LevelPlan.sizes(img.width(), img.height()).length;
            int skipped = maxLevels == 0 ? 0 : Math.max(0, planned - maxLevels);
            int period = Boolean.getBoolean("period") ? dev.nwf.codec.pixel.Period.choose(coded, planned - skipped) : 0;
            PixelLevels coding = new PixelLevels(ct, 1, skipped, period);
            LevelCoding.Encoded encoded = coding.encode(coded, List.of(ct), new NwfCodec.EncodeProgress() {
                @Override
                public void levelCoded(int level, int total) {
                }
            });
            long b = 0;
            for (byte[] p : encoded.payloads()) b += p.length;
            System.out.printf("%-66s %9d %5d%n", f.getFileName(), b, period);
            bytes += b;
            pixels += img.pixels();
            jobs.add(new Object[] {coding, coded, encoded});
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (Object[] j : jobs) {
                Image coded = (Image) j[1];
                LevelCoding.Decoder decoder = ((PixelLevels) j[0]).decoder(coded.channels(), coded.width(),
                        coded.height(), coded.bitDepth());
                for (byte[] p : ((LevelCoding.Encoded) j[2]).payloads()) decoder.next(p, 0, n -> { });
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("total %d bytes of levels; decoding on one thread %.3f s, %.2f MP/s%n", bytes, best,
                pixels / 1e6 / best);
    }
}
