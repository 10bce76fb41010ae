package dev.nwf.cli;

import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.ImageFiles;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "upsample", description = "Enlarge an image 2x or 4x, filling detail predicted from the image itself "
        + "and the learned prior.")
final class UpsampleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Input image, or - for stdin.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output PNG (default: IN-x<factor>.png; - for stdout).")
    Path output;

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing output.")
    boolean force;

    @Option(names = "--factor", defaultValue = "2", description = "2 or 4 (default: ${DEFAULT-VALUE}).")
    int factor;

    @Option(names = {"-t", "--temperature"}, defaultValue = "0",
            description = "0 for the prior's mean; >0 samples detail (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed for sampling.")
    long seed;

    @Option(names = "--from", paramLabel = "KIND", defaultValue = "level", description = "What the input is a "
            + "downscale of: level (a level of an .nwf file: the codec's 5/3 low-pass, as a truncated file's preview "
            + "and `nwf decode --level` give) or box (2x2 averages, an area downscale) (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--compare", paramLabel = "STRIP", description = "Also write a PNG of the output's centre (at most "
            + "256x256) enlarged four ways, left to right: nearest neighbour, Lanczos (on the input's sample grid), nwf "
            + "at temperature 0, nwf at --temperature (1 where that is 0).")
    Path compare;

    @Option(names = {"-m", "--model"}, paramLabel = "ID", defaultValue = ModelZoo.DEFAULT_MODEL,
            description = "Model id.")
    String model;

    @Mixin
    ModelOptions models;

    @Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (factor != 2 && factor != 4) throw new ParameterException(spec.commandLine(), "--factor must be 2 or 4");
        if (temperature < 0) throw new ParameterException(spec.commandLine(), "--temperature must be >= 0");
        NwfCodec.UpsampleFrom kind = switch (from) {
            case "level" -> NwfCodec.UpsampleFrom.CODEC_LEVEL;
            case "box" -> NwfCodec.UpsampleFrom.BOX;
            default -> throw new ParameterException(spec.commandLine(), "--from must be level or box: " + from);
        };
        Image img = ImageFiles.read(new java.io.ByteArrayInputStream(Streams.readAll(input)), input.toString());
        NwfCodec codec = new NwfCodec(models.zoo().get(model).model(), models.evaluator()).withThreads(threads.get());
        int doublings = factor == 2 ? 1 : 2;
        Image big = codec.upsample(img, doublings, temperature, seed, kind);
        Path out = output != null ? output : Streams.isStd(input) ? Path.of("-")
                : Streams.defaultOutput(input, "-x" + factor + ".png");
        Streams.write(out, force, o -> ImageFiles.writePng(big, o));
        System.err.printf("%s -> %s: %dx%d%n", input, out, big.width(), big.height());
        if (compare != null) {
            Image sampled = codec.upsample(img, doublings, temperature > 0 ? temperature : 1, seed, kind);
            Image mean = temperature == 0 ? big : codec.upsample(img, doublings, 0, seed, kind);
            List<Image> panels = new ArrayList<>();
            // Lanczos on the input's own sample grid: a 5/3 low-pass keeps the even samples, an average sits between
            Image lanczos = ImageOps.lanczos(img, factor, kind == NwfCodec.UpsampleFrom.CODEC_LEVEL);
            for (Image i : List.of(ImageOps.nearest(img, factor), lanczos, mean, sampled)) {
                panels.add(centre(i, COMPARE_SIDE));
            }
            Streams.write(compare, force, o -> ImageFiles.writePng(ImageOps.sideBySide(panels, 4), o));
            System.err.printf("%s: nearest | Lanczos | nwf mean | nwf sampled%n", compare);
        }
        return ExitCodes.OK;
    }

    /** The side of the comparison's panels at most. */
    static final int COMPARE_SIDE = 256;

    private static Image centre(Image i, int side) {
        int w = Math.min(side, i.width());
        int h = Math.min(side, i.height());
        return ImageOps.crop(i, (i.width() - w) / 2, (i.height() - h) / 2, w, h);
    }
}
