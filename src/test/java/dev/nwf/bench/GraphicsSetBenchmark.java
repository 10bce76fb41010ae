package dev.nwf.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Decoded;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.zoo.ModelZoo;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Set G (scripts/fetch-graphics.sh: icons, sprites, diagrams, plots, screenshots, text pages) against the lossless
 * codecs users pick for such images, in the same run: bytes per image and in total, development and validation halves
 * apart, by kind, and how many images nwf codes larger than optipng. Reference codecs missing from PATH are skipped.
 * -Dbench.cjxl.effort (default 9), -Dbench.optipng.level (default 2).
 */
@Tag("benchmark")
class GraphicsSetBenchmark {
    record Row(String name, String split, String kind, int width, int height, long png, Map<String, Long> bytes) {
    }

    @Test
    void graphicsSetG(@TempDir Path tmp) throws Exception {
        Path dir = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && dir == null; p = p.getParent()) {
            if (Files.exists(p.resolve("data/graphics/manifest.tsv"))) dir = p.resolve("data/graphics");
        }
        Assumptions.assumeTrue(dir != null, "run scripts/fetch-graphics.sh first");
        String effort = System.getProperty("bench.cjxl.effort", "9");
        String opti = System.getProperty("bench.optipng.level", "2");
        List<ReferenceCodec> refs = List.of(
                new ReferenceCodec("cwebp -z9", List.of("cwebp", "-quiet", "-lossless", "-z", "9", "{in}", "-o", "{out}"),
                        ".webp"),
                new ReferenceCodec("cjxl -e" + effort, List.of("cjxl", "-d", "0", "-e", effort, "--quiet", "{in}", "{out}"),
                        ".jxl"),
                new ReferenceCodec("optipng -o" + opti, List.of("optipng", "-quiet", "-o" + opti, "-out", "{out}", "{in}"),
                        ".png"));
        // -Dbench.levels=N: at most N pixel levels (nwf encode --levels), 0 for all
        NwfCodec codec = new NwfCodec(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model())
                .withLevels(Integer.getInteger("bench.levels", 0));
        List<Row> rows = new ArrayList<>();
        long pixels = 0;
        long encodeNanos = 0;
        long decodeNanos = 0;
        long anchorNanos = 0;
        long anchorPixels = 0;
        List<String> lines = Files.readAllLines(dir.resolve("manifest.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            Path png = dir.resolve(f[1]).resolve(f[0]);
            byte[] in = Files.readAllBytes(png);
            var picture = ImageFiles.readPicture(new ByteArrayInputStream(in), f[0]);
            Map<String, Long> bytes = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            byte[] nwf = NwfContainer.toBytes(codec.encode(picture.image()));
            long t1 = System.nanoTime();
            Decoded d = codec.decoder().decode(nwf);
            long t2 = System.nanoTime();
            assertTrue(picture.image().sameAs(d.image()), f[0] + " must round-trip");
            encodeNanos += t1 - t0;
            decodeNanos += t2 - t1;
            pixels += picture.image().pixels();
            bytes.put("nwf", (long) nwf.length);
            for (ReferenceCodec c : refs) {
                Path out = c.encode(png, tmp);
                if (out == null) continue; // failed or not installed: skipped
                bytes.put(c.name(), Files.size(out));
                if (c == refs.get(0)) {
                    // a speed anchor in the same run: machines differ, ratios to it travel
                    long d0 = System.nanoTime();
                    if (ReferenceCodec.run(List.of("dwebp", "-quiet", "-mt", out.toString(), "-pam", "-o",
                            tmp.resolve("anchor.pam").toString()))) {
                        anchorNanos += System.nanoTime() - d0;
                        anchorPixels += picture.image().pixels();
                    }
                }
            }
            rows.add(new Row(f[0], f[1], f[2], picture.image().width(), picture.image().height(), in.length, bytes));
        }
        List<String> names = new ArrayList<>(rows.get(0).bytes().keySet());
        System.out.printf("%nset G: %d images, %.1f MP; nwf %s, java evaluator, 2 cores: encode %.2f MP/s, decode %.2f MP/s%n",
                rows.size(), pixels / 1e6, ModelZoo.DEFAULT_MODEL, pixels / 1e6 / (encodeNanos / 1e9),
                pixels / 1e6 / (decodeNanos / 1e9));
        if (anchorPixels > 0) {
            double anchor = anchorPixels / 1e6 / (anchorNanos / 1e9);
            System.out.printf("speed anchor, same run: dwebp -mt -pam (whole processes) decodes %.2f MP/s; nwf decodes "
                    + "at %.3f x its speed%n", anchor, pixels / 1e6 / (decodeNanos / 1e9) / anchor);
        }
        System.out.printf("%-58s %-5s %10s %10s", "image", "split", "size", "png");
        for (String n : names) System.out.printf(" %12s", n);
        for (String n : names.subList(1, names.size())) System.out.printf(" %9s", "nwf/" + n.split(" ")[0]);
        System.out.println();
        for (Row r : rows) {
            System.out.printf("%-58s %-5s %10s %10d", r.name(), r.split(), r.width() + "x" + r.height(), r.png());
            for (String n : names) System.out.printf(" %12s", r.bytes().getOrDefault(n, -1L));
            for (String n : names.subList(1, names.size())) System.out.printf(" %9s", ratio(r.bytes().get("nwf"),
                    r.bytes().get(n)));
            System.out.println();
        }
        for (String split : List.of("dev", "val")) {
            Map<String, long[]> byKind = new TreeMap<>();
            long[] total = new long[names.size() + 1];
            int largerThanOptipng = 0;
            int images = 0;
            for (Row r : rows) {
                if (!r.split().equals(split)) continue;
                images++;
                long[] k = byKind.computeIfAbsent(r.kind(), x -> new long[names.size() + 1]);
                k[0] += r.png();
                total[0] += r.png();
                for (int i = 0; i < names.size(); i++) {
                    long b = r.bytes().getOrDefault(names.get(i), 0L);
                    k[i + 1] += b;
                    total[i + 1] += b;
                }
                Long opt = r.bytes().get(refs.get(2).name());
                if (opt != null && r.bytes().get("nwf") > opt) largerThanOptipng++;
            }
            System.out.printf("%n%s half: %d images, nwf larger than %s on %d%n", split, images, refs.get(2).name(),
                    largerThanOptipng);
            System.out.printf("%-12s %10s", "kind", "png");
            for (String n : names) System.out.printf(" %12s", n);
            for (String n : names.subList(1, names.size())) System.out.printf(" %9s", "nwf/" + n.split(" ")[0]);
            System.out.println();
            byKind.put("total", total);
            for (var e : byKind.entrySet()) {
                long[] k = e.getValue();
                System.out.printf("%-12s %10d", e.getKey(), k[0]);
                for (int i = 0; i < names.size(); i++) System.out.printf(" %12d", k[i + 1]);
                for (int i = 1; i < names.size(); i++) System.out.printf(" %9s", ratio(k[1], k[i + 1]));
                System.out.println();
            }
        }
    }

    private static String ratio(Long a, Long b) {
        return a == null || b == null || b == 0 ? "-" : String.format("%.3f", a / (double) b);
    }
}
