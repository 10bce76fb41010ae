package dev.nwf.cli;

import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.djl.DjlEvaluator;
import dev.nwf.zoo.ModelZoo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by commands that run models: where models come from and what evaluates the networks. */
final class ModelOptions {
    @Option(names = "--model-path", paramLabel = "DIR|FILE",
            description = "Extra model files (*.nwfmodel) besides the bundled ones.")
    List<Path> modelPaths = List.of();

    @Option(names = "--device", paramLabel = "DEV", defaultValue = "java",
            description =
                    "Network evaluator: java (pure-Java reference, default), auto (DJL, GPU when present), cpu, gpu.")
    String device;

    /** The command this mixin is part of, for usage errors. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    ModelZoo zoo() throws IOException {
        ModelZoo zoo = ModelZoo.builtin();
        for (Path p : modelPaths) zoo.withPath(p);
        return zoo;
    }

    NetEvaluator evaluator() {
        long bound = dev.nwf.codec.NwfModel.MAX_INPUT_BOUND;
        return switch (device) {
            case "java" -> ReferenceEvaluator.INSTANCE;
            case "auto" -> new DjlEvaluator(null, DjlEvaluator.Precision.AUTO, bound);
            case "cpu" -> new DjlEvaluator(ai.djl.Device.cpu(), DjlEvaluator.Precision.AUTO, bound);
            case "gpu" -> {
                // without this check PyTorch fails deep inside the first network call, with a page of dispatcher text
                if (DjlEvaluator.gpuCount() == 0) {
                    throw new ParameterException(command.commandLine(), "--device gpu: DJL's PyTorch engine sees no GPU"
                            + " (the bundled PyTorch natives are CPU-only); use --device cpu, auto or java");
                }
                yield new DjlEvaluator(ai.djl.Device.gpu(), DjlEvaluator.Precision.AUTO, bound);
            }
            default -> throw new ParameterException(command.commandLine(),
                    "--device must be java, auto, cpu or gpu: " + device);
        };
    }
}
