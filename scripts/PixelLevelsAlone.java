import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.pixel.PixelLevels;
import dev.nwf.codec.pixel.PixelTools;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.LevelPlan;
import dev.nwf.files.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The pixel levels' bytes alone (SPEC.md §4.4), the loop of docs/size-gap.md's model experiments: every image of a
 * folder under subtract green (gray as it is), no palette, no container, one thread; per image and in total.
 *   java -cp "codec/target/classes:cli/target/nwf.jar:cli/target/lib/*" scripts/PixelLevelsAlone.java DIR \
 *       [LEVELS] [CANDIDATES] [EXPERT] [FINISH] [TOOLS]
 * LEVELS: at most this many levels (0 or absent: all); CANDIDATES: true for candidates, false (default) for
 * differences only; EXPERT: true for the expert (SPEC.md §4.4.5; default false); FINISH: the raster finish's t
 * (SPEC.md §4.4.1; default 0, none), less where the plan is short; TOOLS: a comma list of own-errors, classes, far,
 * grid (the grid BlockGrid.detectThroughout finds, SPEC.md §4.4.6), grid-classes (where there is a grid), packed,
 * gradients and lean.
 * -Dshrink=PREFIX halves the images whose names start with PREFIX (docs' set A figures: -Dshrink=mate-).
 */
public class PixelLevelsAlone {
    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(Path.of(args[0]))) {
            s.sorted().filter(p -> p.toString().matches(".*[.](png|jpg)")).forEach(files::add);
        }
        int maxLevels = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        boolean candidates = args.length > 2 && Boolean.parseBoolean(args[2]);
        boolean expert = args.length > 3 && Boolean.parseBoolean(args[3]);
        int finish = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Set<String> named = args.length > 5 ? Set.of(args[5].split(",")) : Set.of();
        PixelTools tools = PixelTools.CANDIDATES.withCandidates(candidates).withExpert(expert)
                .withOwnErrors(named.contains("own-errors")).withClasses(named.contains("classes"))
                .withFarContexts(named.contains("far")).withPackedLines(named.contains("packed"))
                .withColourGradients(named.contains("gradients")).withLeanModel(named.contains("lean"));
        String shrink = System.getProperty("shrink");
        long total = 0;
        for (Path f : files) {
            Image img = ImageFiles.read(f);
            if (shrink != null && f.getFileName().toString().startsWith(shrink)) img = ImageOps.shrink(img, 2);
            ColourTransform ct = img.channels() >= 3 ? ColourTransform.SUBTRACT_GREEN : ColourTransform.NONE;
            int planned = LevelPlan.sizes(img.width(), img.height()).length;
            int skipped = maxLevels == 0 ? 0 : Math.max(0, planned - maxLevels);
            BlockGrid grid = named.contains("grid") ? BlockGrid.detectThroughout(img) : null;
            long bytes = 0;
            int t = PixelLevels.finishFor(img.width(), img.height(), skipped, finish);
            PixelLevels coding = new PixelLevels(ct, 1, skipped, 0, t, grid,
                    tools.withGridClasses(grid != null && named.contains("grid-classes")));
            for (byte[] p : coding.encode(img, List.of(ct), (l, x) -> { }).payloads()) bytes += p.length;
            System.out.printf("%-50s %9d%s%n", f.getFileName(), bytes, grid == null ? "" : " grid");
            total += bytes;
        }
        System.out.println("total " + total);
    }
}
