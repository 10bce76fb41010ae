package dev.nwf.cli;

import dev.nwf.conformance.CaseResult;
import dev.nwf.conformance.Conformance;
import dev.nwf.conformance.Reliability;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "conformance",
        description = "Conformance vectors: generate them, check a decoder, print reliability figures.",
        subcommands = {ConformanceCommand.Generate.class, ConformanceCommand.Run.class,
                ConformanceCommand.ReliabilityRun.class,
                ConformanceCommand.Nets.class})
final class ConformanceCommand {
    static final String DEFAULT_VECTORS = "conformance/vectors";

    @Command(name = "generate", description = "Write the conformance vectors (reproducible byte for byte).")
    static final class Generate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", defaultValue = DEFAULT_VECTORS,
                description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Mixin
        ModelOptions models;

        @Override
        public Integer call() throws Exception {
            ModelZoo zoo = models.zoo();
            List<String> names = Conformance.generate(zoo.get(ModelZoo.DEFAULT_MODEL).model(),
                    zoo.get(ModelZoo.RGFLOW_MODEL).model(), dir);
            System.err.printf("wrote %d cases to %s%n", names.size(), dir);
            return ExitCodes.OK;
        }
    }

    @Command(name = "run", description = "Check a decoder against the vectors; exit 7 if any case fails.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--vectors", paramLabel = "DIR", defaultValue = DEFAULT_VECTORS,
                description = "Vectors (default: ${DEFAULT-VALUE}).")
        Path vectors;

        @Option(names = "--decoder", paramLabel = "CMD",
                description = "External decoder, e.g. \"mydec {in} {out}\" writing PNG; default: built-in.")
        String decoder;

        @Option(names = "--json", paramLabel = "FILE", description = "Write results as JSON.")
        Path json;

        @Mixin
        ModelOptions models;

        @Override
        public Integer call() throws Exception {
            List<CaseResult> results;
            if (decoder == null) {
                results = Conformance.runBuiltin(vectors, models.zoo(), models.evaluator());
            } else {
                Path work = Files.createTempDirectory("nwf-conformance");
                results = Conformance.runExternal(vectors, decoder, work);
            }
            long failed = results.stream().filter(r -> !r.passed()).count();
            for (CaseResult r : results) System.out.printf("%-4s %-26s %s%n", r.passed() ? "ok" : "FAIL", r.name(),
                    r.detail());
            System.out.printf("%d of %d cases passed%n", results.size() - failed, results.size());
            if (json != null) {
                String text = Conformance.toJson(results);
                Streams.write(json, true, o -> o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            if (failed > 0) throw new VerifyFailedException(failed + " conformance case(s) failed");
            return ExitCodes.OK;
        }
    }

    @Command(name = "reliability",
            description = "Random round trips, mutated inputs, and engine equality; prints the figures.")
    static final class ReliabilityRun implements Callable<Integer> {
        @Option(names = "--images", defaultValue = "200",
                description = "Random images to round-trip (default: ${DEFAULT-VALUE}).")
        int images;

        @Option(names = "--mutations", defaultValue = "2000",
                description = "Mutated inputs to decode (default: ${DEFAULT-VALUE}).")
        int mutations;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Option(names = "--compare-djl", description = "Also decode with DJL and compare with the pure-Java reference.")
        boolean compareDjl;

        @Option(names = {"-m", "--model"}, paramLabel = "ID", defaultValue = ModelZoo.DEFAULT_MODEL,
                description = "Model to exercise (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--regressions", paramLabel = "DIR", defaultValue = "conformance/regressions",
                description = "Where crashing inputs are saved (default: ${DEFAULT-VALUE}).")
        Path regressions;

        @Mixin
        ModelOptions models;

        @Override
        public Integer call() throws Exception {
            var m = models.zoo().get(model).model();
            var other = compareDjl ? new dev.nwf.djl.DjlEvaluator(null, dev.nwf.djl.DjlEvaluator.Precision.AUTO,
                    dev.nwf.codec.NwfModel.MAX_INPUT_BOUND) : null;
            long t0 = System.nanoTime();
            Reliability.Report r = Reliability.run(m, other, images, mutations, seed, regressions);
            System.out.printf("round trips (random images, then %d with band streams and %d graphics in pixel levels):"
                    + " %d, bit-exact: %d%n", Reliability.LARGE_IMAGES, Reliability.GRAPHICS, r.roundTrips(),
                    r.roundTripsExact());
            System.out.printf("mutated inputs: %d (named errors %d, decoded anyway %d), crashes %d, hangs %d%n",
                    r.mutations(),
                    r.namedErrors(), r.decodedAnyway(), r.crashes().size(), r.hangs());
            for (String c : r.crashes()) System.out.println("  crash: " + c);
            System.out.printf("cross-engine decode equality (java vs %s): %d of %d files%n", other == null ? "none"
                    : other.name(),
                    r.engineEqual(), r.engineFiles());
            System.out.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
            if (!r.clean()) throw new VerifyFailedException("reliability run found problems");
            return ExitCodes.OK;
        }
    }

    @Command(name = "nets", description = {
        "Write network vectors: each bundled model's networks, the inputs they see coding an image, and the reference",
        "outputs, for checking another evaluator (conformance/gpu/check_nets.py runs them on PyTorch, CPU or GPU)."})
    static final class Nets implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "Output directory.")
        Path dir;

        @Option(names = "--image", paramLabel = "IN", description = "Image to code (default: the bundled sample).")
        Path image;

        @Option(names = "--calls", defaultValue = "2",
                description = "Largest network calls kept per network (default: ${DEFAULT-VALUE}).")
        int calls;

        @Mixin
        ModelOptions models;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (calls < 0) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--calls must be >= 0");
            ModelZoo zoo = models.zoo();
            var img = image == null ? DemoCommand.sample() : dev.nwf.files.ImageFiles.read(image);
            var list = List.of(zoo.get(ModelZoo.DEFAULT_MODEL).model(), zoo.get(ModelZoo.RGFLOW_MODEL).model());
            int n = dev.nwf.conformance.NetVectors.write(list, img, dir, calls);
            System.err.printf("wrote %d network cases to %s%n", n, dir);
            return ExitCodes.OK;
        }
    }
}
