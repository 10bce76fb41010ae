package dev.nwf.cli;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.ImageFiles;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "upsample", description = "Enlarge an image 2x or 4x, filling detail from the learned prior.")
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
        Image img = ImageFiles.read(new java.io.ByteArrayInputStream(Streams.readAll(input)), input.toString());
        NwfCodec codec = new NwfCodec(models.zoo().get(model).model(), models.evaluator()).withThreads(threads.get());
        Image big = codec.upsample(img, factor == 2 ? 1 : 2, temperature, seed);
        Path out = output != null ? output : Streams.isStd(input) ? Path.of("-")
                : Streams.defaultOutput(input, "-x" + factor + ".png");
        Streams.write(out, force, o -> ImageFiles.writePng(big, o));
        System.err.printf("%s -> %s: %dx%d%n", input, out, big.width(), big.height());
        return ExitCodes.OK;
    }
}
