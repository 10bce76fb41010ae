package dev.nwf.cli;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.net.IntNet;
import dev.nwf.zoo.ModelManifest;
import dev.nwf.zoo.ModelZoo;
import dev.nwf.zoo.ZooModel;
import dev.nwf.zoo.train.PriorTrainer;
import dev.nwf.zoo.train.RgFlowTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train",
        description = "Train a model on a directory of images (DJL, quantisation-aware) and write a model file.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--family", defaultValue = "nwf",
            description = "Model family: nwf (wavelet flow prior) or rgflow (default: ${DEFAULT-VALUE}).")
    String family;

    @Option(names = "--rg-steps", defaultValue = "3",
            description = "rgflow: RG steps per training crop (default: ${DEFAULT-VALUE}).")
    int rgSteps;

    @Option(names = "--prior", defaultValue = "conditional",
            description =
                    "rgflow: conditional (mean and scale from neighbouring kept sites) or sparse (one learned mean and scale per latent site, as the paper) (default: ${DEFAULT-VALUE}).")
    String prior;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Training images.")
    Path data;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Model file to write (*.nwfmodel).")
    Path output;

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing output.")
    boolean force;

    @Option(names = "--id", required = true, description = "Model id to record in the manifest.")
    String id;

    @Option(names = "--steps", defaultValue = "1500", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--hidden", defaultValue = "16", description = "Hidden channels (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--batch", defaultValue = "16", description = "Crops per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--crop",
            description = "Crop side: nwf at the low-pass resolution (default 32), rgflow in pixels (default 64).")
    Integer crop;

    @Option(names = "--lr", defaultValue = "0.003", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--context-loss",
            description =
            "nwf: train against the coder's local context (teacher-forced) instead of the network's own scale.")
    boolean contextLoss;

    @Option(names = "--max-side", defaultValue = "0",
            description =
                    "Shrink training images by an integer factor until the long side is at most this (0: as they are; default: ${DEFAULT-VALUE}).")
    int maxSide;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval", paramLabel = "DIR",
            description = "Images to measure bpsp on after training, recorded in the manifest.")
    Path evalDir;

    private static final int SHIFT = 6;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!family.equals(NwfModel.FAMILY_NWF) && !family.equals(NwfModel.FAMILY_RGFLOW)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown family '" + family
                    + "' (nwf or rgflow)");
        }
        boolean rg = family.equals(NwfModel.FAMILY_RGFLOW);
        if (!prior.equals("conditional") && !prior.equals("sparse")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--prior must be conditional or sparse: " + prior);
        }
        int side = crop != null ? crop : rg ? 64 : 32;
        List<Image> images = ImageSets.load(data, maxSide);
        System.err.printf("training %s on %d images from %s%n", family, images.size(), data);
        long start = System.nanoTime();
        Bar bar = new Bar(start);
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("hidden", hidden);
        hyper.put("steps", steps);
        hyper.put("batch", batch);
        hyper.put("crop", side);
        hyper.put("learningRate", lr);
        hyper.put("shift", SHIFT);
        hyper.put("seed", seed);
        if (maxSide > 0) hyper.put("maxSide", maxSide);
        NwfModel model;
        if (rg) {
            hyper.put("rgSteps", rgSteps);
            hyper.put("prior", prior);
            model = new RgFlowTrainer(new RgFlowTrainer.Config(hidden, steps, batch, side, rgSteps, lr, SHIFT, seed,
                    prior.equals("conditional")))
                    .train(id, images, bar);
            hyper.put("fp32Exact",
                    model.nets().stream().allMatch(n -> n.fp32Exact(dev.nwf.codec.rgflow.RgFlow.INPUT_BOUND)));
        } else {
            hyper.put("contextLoss", contextLoss);
            IntNet net = new PriorTrainer(new PriorTrainer.Config(hidden, steps, batch, side, lr, SHIFT, seed,
                    contextLoss)).train(images, bar);
            model = new NwfModel(id, NwfModel.FAMILY_NWF, net);
            hyper.put("fp32Exact", net.fp32Exact(dev.nwf.zoo.train.PriorTrainingData.INPUT_BOUND));
        }
        System.err.println();
        if (bar.skipped > 0) {
            System.err.printf("%d of %d steps skipped: a non-finite loss or gradient (a degenerate batch)%n",
                    bar.skipped, steps);
        }
        Map<String, Double> bpsp = new LinkedHashMap<>();
        String trainingData = data.getFileName() + " (" + images.size() + " images)";
        if (evalDir != null) {
            for (EvalCommand.Row row : EvalCommand.measure(model, dev.nwf.codec.net.ReferenceEvaluator.INSTANCE,
                    evalDir, List.of("32", "64", "full"))) {
                bpsp.put(evalDir.getFileName() + "@" + row.size(), row.bpsp());
            }
        }
        ModelManifest manifest = ModelZoo.manifest(model, "1", hyper, trainingData, bpsp, null);
        ZooModel zm = new ZooModel(manifest, model);
        ModelZoo.save(zm, output, force);
        System.err.printf("wrote %s (model %s, sha256 %s)%s%n", output, id, manifest.weightsSha256().substring(0, 12),
                bpsp.isEmpty() ? "" : ", bpsp " + bpsp);
        return ExitCodes.OK;
    }

    /**
     * Training progress as a bar: a class of its own rather than a lambda, whose method would make reflecting on this
     * command (picocli does, for every command) load the training classes, absent from the light distribution.
     */
    private static final class Bar implements Consumer<PriorTrainer.Progress> {
        private final long start;
        private int skipped;

        Bar(long start) {
            this.start = start;
        }

        @Override
        public void accept(PriorTrainer.Progress p) {
            skipped = p.skipped();
            ProgressBar.show(p.step(), p.steps(), String.format("%.3f bits/sample%s", p.bits(), p.skipped() == 0 ? ""
                    : ", " + p.skipped() + " skipped"), start);
        }
    }
}
