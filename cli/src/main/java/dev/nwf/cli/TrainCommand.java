package dev.nwf.cli;

import dev.nwf.codec.Image;
import dev.nwf.codec.net.IntNet;
import dev.nwf.zoo.ModelManifest;
import dev.nwf.zoo.ModelZoo;
import dev.nwf.zoo.ZooModel;
import dev.nwf.zoo.train.PriorTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Train a prior model on a directory of images (DJL, quantisation-aware) and write a model file.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Training images.")
    Path data;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Model file to write (*.nwfmodel).")
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

    @Option(names = "--crop", defaultValue = "32", description = "Crop side at the low-pass resolution (default: ${DEFAULT-VALUE}).")
    int crop;

    @Option(names = "--lr", defaultValue = "0.003", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval", paramLabel = "DIR", description = "Images to measure bpsp on after training, recorded in the manifest.")
    Path evalDir;

    @Override
    public Integer call() throws Exception {
        List<Image> images = ImageSets.load(data);
        System.err.printf("training on %d images from %s%n", images.size(), data);
        PriorTrainer.Config cfg = new PriorTrainer.Config(hidden, steps, batch, crop, lr, 6, seed);
        long start = System.nanoTime();
        IntNet net = new PriorTrainer(cfg).train(images, p -> ProgressBar.show(p.step(), p.steps(),
                String.format("%.3f bits/sample", p.bits()), start));
        System.err.println();
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("hidden", hidden);
        hyper.put("steps", steps);
        hyper.put("batch", batch);
        hyper.put("crop", crop);
        hyper.put("learningRate", lr);
        hyper.put("shift", 6);
        hyper.put("seed", seed);
        hyper.put("fp32Exact", net.fp32Exact(dev.nwf.codec.PriorTrainingData.INPUT_BOUND));
        Map<String, Double> bpsp = new LinkedHashMap<>();
        dev.nwf.codec.NwfModel model = new dev.nwf.codec.NwfModel(id, dev.nwf.codec.NwfModel.FAMILY_NWF, net);
        ModelManifest manifest = ModelZoo.manifest(model, "1", hyper, data.getFileName() + " (" + images.size() + " images)", bpsp, null);
        ZooModel zm = new ZooModel(manifest, model);
        if (evalDir != null) {
            for (EvalCommand.Row row : EvalCommand.measure(zm.model(), dev.nwf.codec.net.ReferenceEvaluator.INSTANCE, evalDir, List.of("64", "full"))) {
                bpsp.put(evalDir.getFileName() + "@" + row.size(), row.bpsp());
            }
            manifest = ModelZoo.manifest(model, "1", hyper, manifest.trainingData(), bpsp, null);
            zm = new ZooModel(manifest, zm.model());
        }
        ModelZoo.save(zm, output, force);
        System.err.printf("wrote %s (model %s, sha256 %s)%s%n", output, id, manifest.weightsSha256().substring(0, 12),
                bpsp.isEmpty() ? "" : ", bpsp " + bpsp);
        return ExitCodes.OK;
    }
}
