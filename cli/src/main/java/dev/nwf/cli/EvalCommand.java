package dev.nwf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nwf.codec.Image;
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
    @Option(names = {"-m", "--model"}, paramLabel = "ID", defaultValue = ModelZoo.DEFAULT_MODEL, split = ",",
            description =
                    "Model id; repeat or separate with commas to compare models side by side (default: ${DEFAULT-VALUE}).")
    List<String> modelIds;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Images to measure.")
    Path data;

    @Option(names = "--sizes", defaultValue = "32,64,full", split = ",",
            description = "Resolutions (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--plot", paramLabel = "PNG", description = "Also draw bits per subpixel per resolution, a line "
            + "per model, as a PNG chart.")
    Path plot;

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing --plot file.")
    boolean force;

    @picocli.CommandLine.Mixin
    ToolsOption tools;

    @Mixin
    ModelOptions models;

    @Mixin
    ThreadsOption threads;

    /** One resolution's result: total coded bits over total subpixels. */
    record Row(String size, int images, long subpixels, long bytes, double bpsp) {
    }

    /** One model's rows. */
    record ModelRows(String model, String family, List<Row> rows) {
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (String size : sizes) {
            if (!size.trim().matches("full|[1-9][0-9]{0,5}")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--sizes takes 'full' or side lengths of 1 or more pixels: " + size);
            }
        }
        if (plot != null) Streams.checkWritable(plot, force); // before the work, not after it
        List<ModelRows> results = new ArrayList<>();
        ModelZoo zoo = models.zoo(); // loads every model file: once, not per model
        NetEvaluator evaluator = models.evaluator();
        for (String id : modelIds) {
            NwfModel m = zoo.get(id.trim()).model();
            results.add(new ModelRows(m.id(), m.family(), measure(tools.apply(new NwfCodec(m,
                    evaluator).withThreads(threads.get())), data, sizes)));
        }
        if (plot != null) {
            var chart = EvalPlot.chart("bits per subpixel on " + data.getFileName(), results);
            Streams.write(plot, force, o -> EvalPlot.write(chart, o));
        }
        if (json) {
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
            return ExitCodes.OK;
        }
        System.out.printf("bits per subpixel on %s%n%-8s %7s %12s", data, "size", "images", "subpixels");
        for (ModelRows r : results) System.out.printf(" %20s", r.model());
        System.out.println();
        for (int j = 0; j < sizes.size(); j++) {
            Row first = results.get(0).rows().get(j);
            System.out.printf("%-8s %7d %12d", first.size(), first.images(), first.subpixels());
            for (ModelRows r : results) System.out.printf(" %20.4f", r.rows().get(j).bpsp());
            System.out.println();
        }
        return ExitCodes.OK;
    }

    static List<Row> measure(NwfModel model, NetEvaluator eval, Path dir, List<String> sizes) throws Exception {
        return measure(new NwfCodec(model, eval), dir, sizes);
    }

    static List<Row> measure(NwfCodec codec, Path dir, List<String> sizes) throws Exception {
        List<Path> files = ImageSets.list(dir);
        if (files.isEmpty()) throw new java.io.IOException(dir + ": no images found");
        int k = sizes.size();
        long[] bytes = new long[k];
        long[] sub = new long[k];
        int[] n = new int[k];
        int read = 0;
        for (Path f : files) {
            Image full = ImageSets.readOrSkip(f); // read once, measured at every size
            if (full == null) continue;
            read++;
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
        if (read == 0) throw new java.io.IOException(dir + ": none of its " + files.size()
                + " image files could be read");
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < k; j++) rows.add(new Row(sizes.get(j), n[j], sub[j], bytes[j],
                sub[j] == 0 ? Double.NaN : bytes[j] * 8.0 / sub[j]));
        return rows;
    }
}
