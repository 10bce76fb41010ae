package dev.nwf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nwf.codec.ImageOps;
import dev.nwf.files.ImageFiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heap per pixel (issue #24): the smallest {@code -Xmx} in which an encoding and a decoding complete, as
 * {@code nwf encode} / {@code nwf decode} run them ({@link MemoryProbe} in a child JVM), found by bisection to within
 * 3 %. A photo of set A at full size with its own levels (JPEG-derived: Haar), the same coded with 5/3 levels (where
 * the prior network runs), and the largest image of graphics set G (pixel levels). Sizes do not depend on the machine;
 * the garbage collector's slack does a little (the JVM's default, G1, is used).
 *
 * <p>{@code -Dbench.memory.enlarge=2} codes the images at twice their sides (the photo by Lanczos, the graphic by
 * pixel repetition, so it stays a graphic): 20 and 18 MP, where the fixed part (the JVM, the models, pixel levels'
 * context tables) weighs less per pixel.
 */
@Tag("benchmark")
class MemoryBenchmark {
    private record Case(String name, Path image, String without) {
    }

    @Test
    void smallestHeapPerPixel(@TempDir Path tmp) throws Exception {
        Path eval = PhotoSet.dataDir();
        Assumptions.assumeTrue(eval != null, "run scripts/fetch-images.sh first");
        List<Case> cases = new ArrayList<>();
        int enlarge = Integer.getInteger("bench.memory.enlarge", 1);
        Path wood = enlarged(eval.resolve("mate-Wood.jpg"), enlarge, false, tmp);
        String x = enlarge == 1 ? "" : " x" + enlarge;
        cases.add(new Case("mate-Wood" + x + " (Haar levels)", wood, null));
        cases.add(new Case("mate-Wood" + x + ", 5/3 levels", wood, "haar-split,pixel-levels"));
        Path graphics = eval.getParent().resolve("graphics/dev");
        if (Files.isDirectory(graphics)) {
            try (var files = Files.list(graphics)) {
                Path largest = files.filter(p -> p.toString().endsWith(".png"))
                        .max((a, b) -> Long.compare(pixels(a), pixels(b))).orElseThrow();
                cases.add(new Case(largest.getFileName() + x + " (graphic)", enlarged(largest, enlarge, true, tmp),
                        null));
            }
        }
        System.out.printf("%nsmallest Java heap that completes (MiB), and per pixel (bytes)%n");
        System.out.printf("%-40s %7s %9s %7s %9s %7s%n", "image", "MP", "encode", "B/px", "decode", "B/px");
        for (Case c : cases) {
            long px = pixels(c.image);
            Path nwf = tmp.resolve("out.nwf");
            Path png = tmp.resolve("back.png");
            List<String> encode = new ArrayList<>(List.of("encode", c.image.toString(), nwf.toString()));
            if (c.without != null) encode.add(c.without);
            int enc = smallestHeap(encode, px);
            int dec = smallestHeap(List.of("decode", nwf.toString(), png.toString()), px);
            assertEquals(ImageFiles.read(c.image).width(), ImageFiles.read(png).width());
            System.out.printf("%-40s %7.2f %9d %7.1f %9d %7.1f%n", c.name, px / 1e6, enc, enc * 1048576.0 / px, dec,
                    dec * 1048576.0 / px);
        }
    }

    /** The image at {@code factor} times its sides, as a PNG in {@code tmp} (the image itself at factor 1). */
    private static Path enlarged(Path image, int factor, boolean repeat, Path tmp) throws Exception {
        if (factor == 1) return image;
        var img = ImageFiles.read(image);
        var big = repeat ? ImageOps.nearest(img, factor) : ImageOps.lanczos(img, factor);
        Path out = tmp.resolve(factor + "x-" + image.getFileName() + ".png");
        Files.write(out, ImageFiles.pngBytes(big));
        return out;
    }

    private static long pixels(Path image) {
        try {
            var img = ImageFiles.read(image);
            return img.pixels();
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * The smallest heap (MiB) in which the probe completes, within 3 %: bisection between one that fails and one that
     * completes (checked, so the benchmark fails if even 200 bytes a pixel do not suffice), then raised until a run
     * completes again, whose output files the caller reads.
     */
    private static int smallestHeap(List<String> args, long pixels) throws Exception {
        int hi = (int) Math.max(256, pixels * 200 / 1048576);
        assertEquals(0, run(hi, args), "the probe must complete in " + hi + " MiB: " + args);
        int lo = 16;
        while (hi - lo > Math.max(4, hi * 3 / 100)) {
            int mid = (lo + hi) / 2;
            if (run(mid, args) == 0) hi = mid;
            else lo = mid;
        }
        // the peak depends a little on how the threads meet: a heap that once sufficed may fall short the next time
        while (run(hi, args) != 0) hi += Math.max(4, hi * 3 / 100);
        return hi;
    }

    /** Runs the probe in a JVM of {@code heap} MiB; its exit status ({@link MemoryProbe#OUT_OF_MEMORY}: it ran out). */
    private static int run(int heap, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap + "m", "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("probe ran over 10 minutes: " + args);
        }
        // any failure counts as too small a heap: one that fails in every heap fails the check at the top
        return p.exitValue();
    }
}
