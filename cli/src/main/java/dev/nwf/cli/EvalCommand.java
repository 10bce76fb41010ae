package dev.nwf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nwf.codec.Image;
import dev.nwf.codec.ImageFiles;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.format.NwfContainer;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", description = {"Measure bits per subpixel of a model on a directory of images, per resolution.",
        "Size N: each image shrunk by an integer factor and centre-cropped to NxN; 'full': the image as is."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, paramLabel = "ID", defaultValue = ModelZoo.DEFAULT_MODEL, description = "Model id (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Images to measure.")
    Path data;

    @Option(names = "--sizes", defaultValue = "32,64,full", split = ",", description = "Resolutions (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    ModelOptions models;

    /** One resolution's result: total coded bits over total subpixels. */
    record Row(String size, int images, long subpixels, long bytes, double bpsp) {
    }

    @Override
    public Integer call() throws Exception {
        List<Row> rows = measure(models.zoo().get(model).model(), models.evaluator(), data, sizes);
        if (json) {
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            System.out.printf("model %s on %s%n%-8s %7s %12s %12s %8s%n", model, data, "size", "images", "subpixels", "bytes", "bpsp");
            for (Row r : rows) System.out.printf("%-8s %7d %12d %12d %8.4f%n", r.size(), r.images(), r.subpixels(), r.bytes(), r.bpsp());
        }
        return ExitCodes.OK;
    }

    static List<Row> measure(NwfModel model, NetEvaluator eval, Path dir, List<String> sizes) throws Exception {
        NwfCodec codec = new NwfCodec(model, eval);
        List<Path> files = ImageSets.list(dir);
        if (files.isEmpty()) throw new java.io.IOException(dir + ": no images found");
        int k = sizes.size();
        long[] bytes = new long[k];
        long[] sub = new long[k];
        int[] n = new int[k];
        for (Path f : files) {
            Image full = ImageFiles.read(f); // read once, measured at every size
            for (int j = 0; j < k; j++) {
                Image img = full;
                if (!sizes.get(j).equals("full")) {
                    int s = Integer.parseInt(sizes.get(j).trim());
                    if (Math.min(img.width(), img.height()) < s) continue;
                    img = ImageOps.squareAt(img, s);
                }
                bytes[j] += NwfContainer.toBytes(codec.encode(img)).length;
                sub[j] += img.pixels() * img.channels();
                n[j]++;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < k; j++) rows.add(new Row(sizes.get(j), n[j], sub[j], bytes[j], sub[j] == 0 ? Double.NaN : bytes[j] * 8.0 / sub[j]));
        return rows;
    }
}
