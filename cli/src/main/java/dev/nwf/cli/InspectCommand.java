package dev.nwf.cli;

import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.rgflow.ReceptiveField;
import dev.nwf.files.ImageFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Looks inside models; for now the receptive fields of an rgflow model's latents, as in the RG-Flow paper. */
@Command(name = "inspect", description = "Look inside a model.",
        subcommands = InspectCommand.ReceptiveFieldCommand.class)
final class InspectCommand {
    @Command(name = "receptive-field", description = {
        "Draw which pixels move the latents of one block per RG step (rgflow models), as a PNG: one panel per step,",
        "the image in gray, the field in red (log scale), the probed block outlined in blue."})
    static final class ReceptiveFieldCommand implements Callable<Integer> {
        static final int GAP = 4;

        @Option(names = {"-m", "--model"}, paramLabel = "ID", defaultValue = dev.nwf.zoo.ModelZoo.RGFLOW_MODEL,
                description = "An rgflow model id (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
                description = "PNG to write (- for stdout).")
        Path output;

        @Option(names = {"-f", "--force"}, description = "Overwrite an existing output.")
        boolean force;

        @Option(names = "--image", paramLabel = "IN",
                description = "Image to probe (default: the bundled sample), centre-cropped to --size.")
        Path image;

        @Option(names = "--size", defaultValue = "64",
                description = "Probe window side in pixels (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--steps", defaultValue = "3", description = "RG steps to show (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--scale", defaultValue = "4",
                description = "Pixels per probed pixel in the PNG (default: ${DEFAULT-VALUE}).")
        int scale;

        @Mixin
        ModelOptions models;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (steps < 1 || size % (1 << (steps + 1)) != 0) {
                throw new ParameterException(spec.commandLine(), "--size must be a multiple of 2^(steps + 1) = "
                        + (1 << (steps + 1)));
            }
            if (scale < 1 || scale > 16) throw new ParameterException(spec.commandLine(), "--scale must be 1..16");
            NwfModel m = models.zoo().get(model).model();
            if (!NwfModel.FAMILY_RGFLOW.equals(m.family())) {
                throw new ParameterException(spec.commandLine(), "model " + model + " is of family " + m.family()
                        + "; receptive fields need an rgflow model");
            }
            Image src = image != null ? ImageFiles.read(image) : DemoCommand.sample();
            if (Math.min(src.width(), src.height()) < size) throw new ParameterException(spec.commandLine(),
                    "image is smaller than --size " + size);
            Image crop = ImageOps.squareAt(src, size);
            int[] gray = luma(crop);
            long start = System.nanoTime();
            long[][] field = ReceptiveField.measure(models.evaluator(), m, gray, size, steps);
            Image png = render(gray, field);
            Streams.write(output, force, o -> ImageFiles.writePng(png, o));
            System.err.printf("%s: receptive fields of %s, %d steps on %dx%d px, %.1f s%n", output, model, steps, size,
                    size,
                    (System.nanoTime() - start) / 1e9);
            return ExitCodes.OK;
        }

        /** 8-bit luma (R + 2G + B) / 4 of the image (gray images as they are). */
        static int[] luma(Image img) {
            int n = (int) img.pixels();
            int[] out = new int[n];
            int shift = img.bitDepth() - 8;
            for (int i = 0; i < n; i++) {
                int v = img.channels() >= 3 ? (img.at(0, i) + 2 * img.at(1, i) + img.at(2, i)) >> 2 : img.at(0, i);
                out[i] = shift >= 0 ? v >> shift : v << -shift;
            }
            return out;
        }

        private Image render(int[] gray, long[][] field) {
            int panel = size * scale;
            int w = field.length * panel + (field.length - 1) * GAP;
            int[][] rgb = new int[3][w * panel];
            for (int[] p : rgb) java.util.Arrays.fill(p, 255);
            for (int s = 0; s < field.length; s++) {
                double max = 0;
                for (long v : field[s]) max = Math.max(max, Math.log1p(v));
                int[] block = ReceptiveField.block(size, s);
                int x0 = s * (panel + GAP);
                for (int y = 0; y < panel; y++) {
                    for (int x = 0; x < panel; x++) {
                        int i = (y / scale) * size + x / scale;
                        double heat = max == 0 ? 0 : Math.log1p(field[s][i]) / max;
                        int g = 96 + gray[i] * 3 / 8; // a faint image behind the field
                        int o = y * w + x0 + x;
                        rgb[0][o] = (int) Math.round(g + (255 - g) * heat);
                        rgb[1][o] = (int) Math.round(g * (1 - heat));
                        rgb[2][o] = (int) Math.round(g * (1 - heat));
                        if (onOutline(x / scale, y / scale, x % scale, y % scale, block)) {
                            rgb[0][o] = 0;
                            rgb[1][o] = 64;
                            rgb[2][o] = 255;
                        }
                    }
                }
            }
            return new Image(w, panel, 8, rgb);
        }

        /** True on the one-pixel outline of the probed block. */
        private boolean onOutline(int px, int py, int sx, int sy, int[] block) {
            int lo = block[0];
            int hi = block[0] + block[1] - 1;
            boolean inX = px >= lo && px <= hi;
            boolean inY = py >= lo && py <= hi;
            return inX && inY && ((px == lo && sx == 0) || (px == hi && sx == scale - 1) || (py == lo && sy == 0) || (py
                    == hi && sy == scale - 1));
        }
    }
}
