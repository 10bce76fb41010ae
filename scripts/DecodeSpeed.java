import dev.nwf.codec.LevelListener;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.format.ReadOptions;
import dev.nwf.zoo.ModelZoo;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes every .nwf file of a folder several rounds in one JVM and prints the best round's MP/s: run by
 * scripts/compare-builds.sh against two builds' jars in alternating processes (this machine's speed wanders).
 */
public class DecodeSpeed {
    public static void main(String[] args) throws Exception {
        List<byte[]> files = new ArrayList<>();
        try (var s = Files.list(Path.of(args[0]))) {
            for (Path p : s.sorted().toList()) if (p.toString().endsWith(".nwf")) files.add(Files.readAllBytes(p));
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        var zoo = ModelZoo.builtin();
        double best = 0;
        for (int r = 0; r < rounds; r++) {
            long pixels = 0;
            long t0 = System.nanoTime();
            for (byte[] f : files) {
                var d = NwfCodec.decode(new ByteArrayInputStream(f), zoo, ReferenceEvaluator.INSTANCE, ReadOptions.DEFAULT, 0, LevelListener.NONE);
                pixels += (long) d.image().width() * d.image().height();
            }
            best = Math.max(best, pixels / 1e6 / ((System.nanoTime() - t0) / 1e9));
        }
        System.out.printf("%.3f%n", best);
    }
}
