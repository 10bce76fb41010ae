import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.pixel.PixelLevels;
import dev.nwf.codec.pixel.PixelTools;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.files.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What one pixel-level tool costs or saves in coding time, as docs/size-gap.md measures it on this noisy machine: every
 * image of a folder coded as pixel levels alone (differences only, the expert, one thread, finish t = 4) without and
 * with the tool, alternately in one JVM, image by image, for ROUNDS rounds; bytes of each, and the median of the
 * rounds' time ratios (with / without; the first round, the JIT's warm-up, left out) and the ratio of the sums.
 *   java -cp "codec/target/classes:cli/target/nwf.jar:cli/target/lib/*" scripts/ToolTiming.java DIR ROUNDS TOOL \
 *       [TOOLS]
 * TOOL and TOOLS (a comma list, the tools both codings take): own-errors, classes, far, grid, grid-classes, packed,
 * gradients, lean.
 * -Dthreads=2 codes on two threads (channels side by side, as the CLI does on two cores).
 * Images whose names start with "mate-" are halved, as set A's wallpapers in PhotoSet.
 */
public class ToolTiming {
    /** Coding threads: -Dthreads=N, default 1. */
    private static final int THREADS = Integer.getInteger("threads", 1);

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(Path.of(args[0]))) {
            s.sorted().filter(p -> p.toString().matches(".*[.](png|jpg)")).forEach(files::add);
        }
        int rounds = Integer.parseInt(args[1]);
        String tool = args[2];
        Set<String> base = args.length > 3 ? Set.of(args[3].split(",")) : Set.of();
        List<Image> images = new ArrayList<>();
        for (Path f : files) {
            Image img = ImageFiles.read(f);
            images.add(f.getFileName().toString().startsWith("mate-") ? ImageOps.shrink(img, 2) : img);
        }
        double[] ratios = new double[rounds];
        long[] bytes = new long[2];
        double[] sums = new double[2];
        for (int r = 0; r < rounds; r++) {
            long[] nanos = new long[2];
            for (int i = 0; i < images.size(); i++) {
                for (int k = 0; k < 2; k++) {
                    int with = (r + i + k) & 1;
                    Image img = images.get(i);
                    ColourTransform ct = img.channels() >= 3 ? ColourTransform.SUBTRACT_GREEN : ColourTransform.NONE;
                    boolean grid = has(base, tool, with, "grid");
                    BlockGrid g = grid ? BlockGrid.detectThroughout(img) : null;
                    PixelTools tools = PixelTools.DIFFERENCES.withExpert(true)
                            .withOwnErrors(has(base, tool, with, "own-errors"))
                            .withClasses(has(base, tool, with, "classes")).withFarContexts(has(base, tool, with, "far"))
                            .withGridClasses(g != null && has(base, tool, with, "grid-classes"))
                            .withPackedLines(has(base, tool, with, "packed"))
                            .withColourGradients(has(base, tool, with, "gradients"))
                            .withLeanModel(has(base, tool, with, "lean"));
                    PixelLevels coding = new PixelLevels(ct, THREADS, 0, 0, PixelLevels.finishFor(img.width(),
                            img.height(), 0, 4), g, tools);
                    long t0 = System.nanoTime();
                    long n = 0;
                    for (byte[] p : coding.encode(img, List.of(ct), (l, x) -> { }).payloads()) n += p.length;
                    nanos[with] += System.nanoTime() - t0;
                    if (r == 0) bytes[with] += n;
                }
            }
            ratios[r] = (double) nanos[1] / nanos[0];
            if (r > 0) {
                sums[0] += nanos[0];
                sums[1] += nanos[1];
            }
            System.out.printf("round %d: without %.2f s, with %.2f s, ratio %.3f%n", r, nanos[0] / 1e9, nanos[1] / 1e9,
                    ratios[r]);
        }
        double[] kept = Arrays.copyOfRange(ratios, 1, rounds);
        Arrays.sort(kept);
        System.out.printf("bytes without %d, with %d (%+.3f %%); time with / without: median %.3f, sums %.3f%n",
                bytes[0], bytes[1], 100.0 * (bytes[1] - bytes[0]) / bytes[0], kept[kept.length / 2],
                sums[1] / sums[0]);
    }

    private static boolean has(Set<String> base, String tool, int with, String name) {
        return base.contains(name) || with == 1 && tool.equals(name);
    }
}
