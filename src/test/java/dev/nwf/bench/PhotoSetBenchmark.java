package dev.nwf.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Decoded;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.djl.DjlEvaluator;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.ReadOptions;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nwf against the reference codecs on photo set A and on set P's halves, in the same run: bpsp, ratio to cjxl,
 * encode/decode MP/s.
 * Reference codecs missing from PATH are skipped. -Dbench.cjxl.effort (default 9), -Dbench.optipng.level (default 7).
 * JPEG XL's own progressive lossless mode ({@code -R 1}, squeeze: a truncated file shows a smaller image, as nwf's
 * does) is a second anchor; -Dbench.cjxl.progressive=false skips it (it takes minutes at effort 9).
 */
@Tag("benchmark")
class PhotoSetBenchmark {
    @Test
    void photoSetA(@TempDir Path tmp) throws Exception {
        run("photo set A", PhotoSet.setA(), tmp);
    }

    /** Set P (scripts/fetch-photos.sh): never-JPEG'd renders, camera frames and CT slices; both halves, apart. */
    @Test
    void photoSetP(@TempDir Path tmp) throws Exception {
        List<PhotoSet.Photo> dev = PhotoSet.setP("dev");
        List<PhotoSet.Photo> val = PhotoSet.setP("val");
        run("photo set P, development half", dev, tmp);
        run("photo set P, validation half", val, tmp);
    }

    private static void run(String title, List<PhotoSet.Photo> photos, Path tmp) throws Exception {
        String effort = System.getProperty("bench.cjxl.effort", "9");
        String opti = System.getProperty("bench.optipng.level", "7");
        List<ReferenceCodec> refs = List.of(
                new ReferenceCodec("cjxl -d 0 -e " + effort, List.of("cjxl", "-d", "0", "-e", effort, "--quiet", "{in}",
                        "{out}"), ".jxl"),
                new ReferenceCodec("cjxl -d 0 -e " + effort + " -R 1 (progressive)",
                        List.of("cjxl", "-d", "0", "-e", effort, "-R", "1", "--quiet", "{in}", "{out}"), ".jxl"),
                new ReferenceCodec("cwebp -lossless -z 9", List.of("cwebp", "-quiet", "-lossless", "-z", "9", "{in}", "-o",
                        "{out}"), ".webp"),
                new ReferenceCodec("optipng -o" + opti, List.of("optipng", "-quiet", "-o" + opti, "-out", "{out}", "{in}"),
                        ".png"))
                .stream().filter(c -> !c.name().contains("progressive")
                        || !"false".equals(System.getProperty("bench.cjxl.progressive")))
                .toList();
        long subpixels = 0;
        double pixels = 0;
        Map<String, long[]> totals = new LinkedHashMap<>(); // name -> {bytes, encodeNanos, decodeNanos}
        Map<String, long[]> perPhoto = new LinkedHashMap<>(); // photo -> {subpixels, default model's bytes, cjxl bytes}
        ModelZoo zoo = ModelZoo.builtin();
        var model = zoo.get(ModelZoo.DEFAULT_MODEL).model();
        var rgflow = zoo.get(ModelZoo.RGFLOW_MODEL).model();
        Map<String, NwfCodec> codecs = new LinkedHashMap<>();
        codecs.put("nwf " + model.id() + " (java reference)", new NwfCodec(model, ReferenceEvaluator.INSTANCE));
        if (!Boolean.getBoolean("bench.skipDjl")) {
            codecs.put("nwf " + model.id() + " (DJL cpu)", new NwfCodec(model, new DjlEvaluator(null,
                    DjlEvaluator.Precision.AUTO,
                    dev.nwf.codec.NwfModel.MAX_INPUT_BOUND)));
        }
        codecs.put("nwf " + rgflow.id() + " (java reference)", new NwfCodec(rgflow, ReferenceEvaluator.INSTANCE));
        String defaultRow = codecs.keySet().iterator().next();
        for (PhotoSet.Photo p : photos) {
            long[] row = perPhoto.computeIfAbsent(p.name(), k -> new long[3]);
            row[0] = p.image().pixels() * p.image().channels();
            subpixels += p.image().pixels() * p.image().channels();
            pixels += p.image().pixels();
            for (var e : codecs.entrySet()) {
                NwfCodec codec = e.getValue();
                long t0 = System.nanoTime();
                byte[] bytes = NwfContainer.toBytes(codec.encode(p.image()));
                long t1 = System.nanoTime();
                Decoded d = codec.decoder().decode(NwfContainer.read(bytes, ReadOptions.DEFAULT).file());
                long t2 = System.nanoTime();
                assertTrue(p.image().sameAs(d.image()), p.name() + " must round-trip");
                add(totals, e.getKey(), bytes.length, t1 - t0, t2 - t1);
                if (e.getKey().equals(defaultRow)) row[1] = bytes.length;
            }
            Path png = tmp.resolve("in.png");
            Files.write(png, ImageFiles.pngBytes(p.image()));
            for (ReferenceCodec c : refs) {
                long t0 = System.nanoTime();
                Path out = c.encode(png, tmp);
                if (out == null) continue; // failed or not installed: skipped
                add(totals, c.name(), Files.size(out), System.nanoTime() - t0, 0);
                if (c == refs.get(0)) row[2] = Files.size(out);
            }
        }
        long[] jxl = totals.get(refs.get(0).name());
        System.out.printf("%n%s: %d images, %.1f MP, %d subpixels (2 cores; nwf timed in process, reference codecs as"
                + " whole processes)%n", title, photos.size(), pixels / 1e6, subpixels);
        System.out.printf("%-38s %10s %8s %10s %10s %10s%n", "codec", "bytes", "bpsp", "vs cjxl", "enc MP/s",
                "dec MP/s");
        for (var e : totals.entrySet()) {
            long[] t = e.getValue();
            System.out.printf("%-38s %10d %8.4f %10s %10.3f %10s%n", e.getKey(), t[0], t[0] * 8.0 / subpixels,
                    jxl == null ? "n/a" : String.format("%.3f", t[0] / (double) jxl[0]), pixels / 1e6 / (t[1] / 1e9),
                    t[2] == 0 ? "-" : String.format("%.3f", pixels / 1e6 / (t[2] / 1e9)));
        }
        long[] progressive = refs.size() > 1 && refs.get(1).name().contains("progressive")
                ? totals.get(refs.get(1).name()) : null;
        if (progressive != null) {
            System.out.printf("%s vs %s: %.3f%n", defaultRow, refs.get(1).name(), totals.get(defaultRow)[0]
                    / (double) progressive[0]);
        }
        if (jxl != null) printPerPhoto(defaultRow, refs.get(0).name(), perPhoto);
    }

    /** Where the size gap lies: each photo's bpsp under the default model and cjxl, largest ratio first. */
    private static void printPerPhoto(String nwf, String cjxl, Map<String, long[]> perPhoto) {
        System.out.printf("%nper photo: %s vs %s%n", nwf, cjxl);
        System.out.printf("%-24s %8s %8s %8s%n", "photo", "nwf", "cjxl", "ratio");
        perPhoto.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[1] / (double) b.getValue()[2],
                        a.getValue()[1] / (double) a.getValue()[2]))
                .forEach(e -> {
                    long[] r = e.getValue();
                    System.out.printf("%-24s %8.4f %8.4f %8.3f%n", e.getKey(), r[1] * 8.0 / r[0], r[2] * 8.0 / r[0],
                            r[1] / (double) r[2]);
                });
    }

    private static void add(Map<String, long[]> totals, String name, long bytes, long enc, long dec) {
        long[] t = totals.computeIfAbsent(name, k -> new long[3]);
        t[0] += bytes;
        t[1] += enc;
        t[2] += dec;
    }
}
