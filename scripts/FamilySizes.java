import dev.nwf.codec.CodingTool;
import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.codec.NwfModel;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfFile;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The bytes of each image's coded levels (the container left out) under one model, and their total: how the families'
 * sizes on set P were compared (issue #25).
 * <pre>
 * java [-Dverify=true] [-DwaveletOnly=true] [-Dwithout=TOOL,...] [-Deffort=N] -cp "cli/target/nwf.jar:cli/target/lib/*" \
 *     scripts/FamilySizes.java MODEL_OR_FILE.nwfmodel DIR_OR_FILE...
 * </pre>
 * {@code verify} decodes each file and checks it against the image (and prints the decoding speed), {@code waveletOnly}
 * leaves out pixel levels, palettes and DEFLATE rows (so a change to the model is not hidden by the encoder choosing
 * another coding), {@code without} leaves out tools as {@code nwf encode --without} does, {@code effort} is
 * {@code nwf encode -e} (default 7).
 */
public class FamilySizes {
    public static void main(String[] args) throws Exception {
        // a bundled model's id, or a model file (nwf train's output)
        NwfModel model = args[0].endsWith(".nwfmodel") ? ModelZoo.load(Path.of(args[0])).model()
                : ModelZoo.builtin().get(args[0]).model();
        Set<CodingTool> tools = EnumSet.copyOf(CodingTool.supportedBy(model));
        if (Boolean.getBoolean("waveletOnly")) {
            tools.removeAll(EnumSet.of(CodingTool.PIXEL_LEVELS, CodingTool.DEFLATE_ROWS, CodingTool.PALETTE));
        }
        String without = System.getProperty("without", "");
        for (CodingTool t : CodingTool.values()) {
            if (Arrays.asList(without.split(",")).contains(t.toolName)) tools.remove(t);
        }
        // a tool whose needed tool is left out goes too
        tools.removeIf(t -> t.needs != null && !tools.contains(t.needs));
        NwfCodec codec = new NwfCodec(model).withTools(tools)
                .withEffort(new dev.nwf.codec.Effort(Integer.getInteger("effort", 7)));
        boolean verify = Boolean.getBoolean("verify");
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path p = Path.of(args[i]);
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        long total = 0;
        long pixels = 0;
        long decodeNanos = 0;
        for (Path f : files) {
            Image image = ImageFiles.read(f);
            NwfFile file = codec.encode(image);
            long bytes = file.levels().stream().mapToLong(b -> b.length).sum();
            total += bytes;
            pixels += (long) image.width() * image.height();
            if (verify) {
                long t0 = System.nanoTime();
                Decoded d = codec.decoder().decode(file);
                decodeNanos += System.nanoTime() - t0;
                if (!same(d.image(), image)) throw new AssertionError("decoded image differs: " + f);
            }
            System.out.printf("%-50s %9d%n", f.getFileName(), bytes);
        }
        System.out.printf("TOTAL %d (%d pixels%s)%n", total, pixels,
                verify ? String.format(", decoding %.2f MP/s", pixels / (decodeNanos / 1e9) / 1e6) : "");
    }

    static boolean same(Image a, Image b) {
        if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) return false;
        for (int c = 0; c < a.channels(); c++) if (!Arrays.equals(a.plane(c), b.plane(c))) return false;
        return true;
    }
}
