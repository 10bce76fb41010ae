import dev.nwf.codec.*;
import dev.nwf.files.ImageFiles;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.*;
/**
 * Which coding the encoder (nwf-photo-v3, default effort) chooses for each image of a folder: the tools its file
 * lists. Images named mate-* are shrunk 2x, as photo set A is in the benchmarks.
 *   java -cp "cli/target/nwf.jar:cli/target/lib/*" scripts/CodingChoices.java data/eval
 */
public class CodingChoices {
    public static void main(String[] a) throws Exception {
        NwfCodec codec = new NwfCodec(ModelZoo.builtin().get("nwf-photo-v3").model());
        try (var s = Files.list(Path.of(a[0]))) {
            for (Path p : s.sorted().toList()) {
                Image img = ImageFiles.read(p);
                if (p.getFileName().toString().startsWith("mate-")) img = ImageOps.shrink(img, 2);
                var f = codec.encode(img);
                System.out.println(p.getFileName() + ": " + String.join("; ", NwfCodec.tools(f.header()).describe()));
            }
        }
    }
}
