import dev.nwf.codec.CodingTool;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfModel;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each component earns (issue #21's ablation table): the images of DIR coded with everything, then with one
 * component left out per row, in one JVM; file bytes, and decoding time timed in alternating rounds (every row's
 * files decoded once a round, best round kept) because this machine's speed wanders from minute to minute.
 * <pre>
 * java -cp "cli/target/nwf.jar:cli/target/lib/*" scripts/AblationBench.java DIR ROUNDS ROW...
 * </pre>
 * A row is {@code all}, a tool name or {@code expert} (coded without it, as {@code nwf encode --without}), or
 * {@code model=FILE}
 * (everything, with another model: an untrained one measures what the learned prior earns).
 */
public class AblationBench {
    record Row(String name, NwfCodec codec, List<byte[]> files) {
    }

    public static void main(String[] args) throws Exception {
        List<Image> images = new ArrayList<>();
        try (var files = Files.list(Path.of(args[0]))) {
            for (Path p : files.sorted().toList()) {
                if (Files.isRegularFile(p)) images.add(ImageFiles.read(p));
            }
        }
        int rounds = Integer.parseInt(args[1]);
        NwfModel model = ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model();
        NwfCodec base = new NwfCodec(model);
        List<Row> rows = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            NwfCodec codec = base;
            if (a.equals("expert")) {
                codec = base.withoutExpert();
            } else if (a.startsWith("model=")) {
                codec = new NwfCodec(ModelZoo.load(Path.of(a.substring(6))).model());
            } else if (!a.equals("all")) {
                EnumSet<CodingTool> tools = EnumSet.copyOf(base.tools());
                tools.remove(CodingTool.ofName(a));
                tools.removeIf(t -> t.needs != null && !tools.contains(t.needs));
                codec = base.withTools(tools);
            }
            rows.add(new Row(a, codec, new ArrayList<>()));
        }
        long pixels = 0;
        for (Image img : images) pixels += img.pixels();
        long subpixels = 0;
        for (Image img : images) subpixels += img.pixels() * img.channels();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (Row r : rows) {
            long total = 0;
            for (Image img : images) {
                byte[] f = NwfContainer.toBytes(r.codec().encode(img));
                if (!img.sameAs(r.codec().decoder().decode(f).image())) throw new AssertionError("round trip");
                r.files().add(f);
                total += f.length;
            }
            bytes.put(r.name(), total);
            System.err.printf("coded %s: %d bytes%n", r.name(), total);
        }
        long[] best = new long[rows.size()];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                long t0 = System.nanoTime();
                for (byte[] f : r.files()) r.codec().decoder().decode(f);
                best[i] = Math.min(best[i], System.nanoTime() - t0);
            }
        }
        long base0 = bytes.get(rows.get(0).name());
        System.out.printf("%s: %d images, %.2f MP; decoding best of %d alternating rounds%n", args[0], images.size(),
                pixels / 1e6, rounds);
        System.out.printf("%-28s %12s %8s %9s %9s %9s%n", "row", "bytes", "bpsp", "vs first", "dec MP/s", "dec time");
        for (int i = 0; i < rows.size(); i++) {
            long b = bytes.get(rows.get(i).name());
            System.out.printf("%-28s %12d %8.4f %+8.2f%% %9.3f %8.2fx%n", rows.get(i).name(), b, b * 8.0 / subpixels,
                    100.0 * (b - base0) / base0, pixels / 1e6 / (best[i] / 1e9), best[i] / (double) best[0]);
        }
    }
}
