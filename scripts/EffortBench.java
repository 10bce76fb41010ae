import dev.nwf.codec.Effort;
import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sizes and speeds per encoder effort (nwf encode -e), one JVM, the efforts in turn over the same images:
 * java -cp "cli/target/nwf.jar:cli/target/lib/*" scripts/EffortBench.java DIR [EFFORTS, e.g. 1,3,5,7,9].
 * Images named mate-* are shrunk 2x, as photo set A is in the benchmarks.
 */
public class EffortBench {
    public static void main(String[] args) throws Exception {
        List<Image> images = new ArrayList<>();
        try (var files = Files.list(Path.of(args[0]))) {
            for (Path p : files.sorted().toList()) {
                if (!p.toString().endsWith(".png") && !p.toString().endsWith(".jpg")) continue;
                Image img = ImageFiles.read(p);
                images.add(p.getFileName().toString().startsWith("mate-") ? ImageOps.shrink(img, 2) : img);
            }
        }
        String[] efforts = (args.length > 1 ? args[1] : "1,3,5,7,9").split(",");
        NwfCodec base = new NwfCodec(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model());
        long pixels = 0;
        for (Image img : images) pixels += img.pixels();
        System.out.printf("%s: %d images, %.1f MP%n%-7s %12s %10s %10s%n", args[0], images.size(), pixels / 1e6,
                "effort", "bytes", "enc MP/s", "dec MP/s");
        for (String e : efforts) {
            NwfCodec codec = base.withEffort(new Effort(Integer.parseInt(e.trim())));
            long bytes = 0;
            long enc = 0;
            long dec = 0;
            for (Image img : images) {
                long t0 = System.nanoTime();
                byte[] f = NwfContainer.toBytes(codec.encode(img));
                long t1 = System.nanoTime();
                if (!img.sameAs(codec.decoder().decode(f).image())) throw new AssertionError("round trip");
                dec += System.nanoTime() - t1;
                enc += t1 - t0;
                bytes += f.length;
            }
            System.out.printf("%-7s %12d %10.3f %10.3f%n", e, bytes, pixels / 1e6 / (enc / 1e9),
                    pixels / 1e6 / (dec / 1e9));
        }
    }
}
