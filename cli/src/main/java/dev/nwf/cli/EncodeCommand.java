package dev.nwf.cli;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.ImageFiles;
import dev.nwf.files.PngChunks;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import dev.nwf.zoo.ModelZoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "encode", description = "Compress an image (" + ImageFiles.INPUT_FORMATS + ") losslessly to .nwf.")
final class EncodeCommand implements Callable<Integer> {
    /** Key of the meta chunk entry holding the input file's text entries (PNG tEXt/iTXt/zTXt). */
    static final String TEXT_KEY = PngChunks.TEXT_META_KEY;
    static final String PNG_KEY = PngChunks.META_KEY;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "Input images (- for stdin), or folders with -r.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output .nwf of a single input (default: IN with .nwf; - for stdout).")
    Path output;

    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Refuse images larger than N pixels before reading them (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + dev.nwf.format.ReadOptions.DEFAULT_MAX_PIXELS)
    long maxPixels;

    /**
     * Java heap an encoding needs per pixel, about (docs/memory.md, at 16-18 MP: 35 bytes for a photo with Haar levels,
     * 40 with 5/3 levels, 45 for a large graphic): an image that cannot fit is refused before its pixels are read, with
     * the heap to ask for.
     */
    static final long HEAP_BYTES_PER_PIXEL = 45;

    @Option(names = {"-r", "--recursive"}, description = "Code the images (" + ImageFiles.INPUT_FORMATS
            + ") in folders given as inputs, and in their subfolders.")
    boolean recursive;

    @Option(names = {"-d", "--out-dir"}, paramLabel = "DIR", description = "Write the .nwf files into this existing "
            + "folder (a folder's images keep their paths below it) instead of next to their inputs.")
    Path outDir;

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing output.")
    boolean force;

    @Option(names = {"-m", "--model"}, paramLabel = "ID", description = "Model id (default: ${DEFAULT-VALUE}).",
            defaultValue = ModelZoo.DEFAULT_MODEL)
    String model;

    @Mixin
    ToolsOption tools;

    @Option(names = "--levels", paramLabel = "N", description = "At most N levels where the image takes pixel levels "
            + "(graphics): fewer, larger progressive steps for a smaller file; 1 is not progressive and smallest "
            + "(default: every level of the plan; photographs' wavelet levels always have every level).")
    Integer levels;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
    boolean quiet;

    @Option(names = {"-e", "--effort"}, paramLabel = "N", defaultValue = "7", description = "How hard to search, 1 "
            + "(one coding, by the image's kind) to 9 (every trial), as cjxl -e (default: ${DEFAULT-VALUE}). Decoding "
            + "costs the same at any effort.")
    int effort;

    @Option(names = "--strip", description = "Leave the input's metadata out (ICC profile, text, EXIF, XMP, PNG "
            + "chunks): only the pixels are kept.")
    boolean strip;

    @Option(names = {"-v", "--verbose"}, description = "Report each level as it is coded.")
    boolean verbose;

    @Mixin
    ModelOptions models;

    @Mixin
    ThreadsOption threads;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Images from this size on show a progress bar on a terminal (a few seconds of work). */
    static final long BAR_MIN_PIXELS = 4_000_000;

    @Override
    public Integer call() throws Exception {
        if (levels != null && (levels < 1 || levels > 255)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--levels must be 1 to 255: " + levels);
        }
        if (effort < dev.nwf.codec.Effort.MIN || effort > dev.nwf.codec.Effort.MAX) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--effort must be "
                    + dev.nwf.codec.Effort.MIN + " to " + dev.nwf.codec.Effort.MAX + ": " + effort);
        }
        List<Batch.Job> jobs = Batch.jobs(inputs, recursive, outDir, ".nwf");
        boolean batch = jobs.size() != 1 || inputs.size() > 1 || Files.isDirectory(inputs.get(0));
        if (batch && output != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "-o names one output; with several inputs use --out-dir");
        }
        NwfCodec codec = tools.apply(new NwfCodec(models.zoo().get(model).model(),
                models.evaluator()).withThreads(threads.get()).withLevels(levels == null ? 0 : levels)
                .withEffort(new dev.nwf.codec.Effort(effort)));
        if (!batch) {
            Path in = inputs.get(0);
            Path out = output != null ? output : Streams.isStd(in) ? Path.of("-") : jobs.get(0).output();
            encodeOne(codec, in, out, !quiet, verbose);
            return ExitCodes.OK;
        }
        // several files: each on a thread of its own (the codec one thread each: the same bytes), a line per file
        // as it is done, a table at the end, and a failed file leaves no output and makes the exit code non-zero
        NwfCodec single = codec.withThreads(1);
        return Batch.run(jobs, threads.get(), quiet, job -> encodeOne(single, job.input(), job.output(), false,
                false));
    }

    /** Codes one file; returns what the batch summary shows. Checks the output is free before the work. */
    private Batch.Result encodeOne(NwfCodec codec, Path input, Path out, boolean report, boolean levelLines)
            throws Exception {
        long start = System.nanoTime();
        Streams.checkWritable(out, force);
        byte[] inBytes = Streams.readAll(input);
        ImageFiles.Picture picture = ImageFiles.readPicture(inBytes, input.toString(),
                (w, h) -> checkSize(input, w, h));
        Image img = picture.image();
        // nothing lost: the ICC profile travels in the container's iccp chunk, text entries and a PNG's other
        // ancillary chunks in its meta object
        java.util.Map<String, Object> meta = strip ? picture.formMetadata() : picture.containerMetadata();
        if (!strip) {
            for (String what : PngChunks.of(inBytes, img.channels()).dropped()) {
                String why = what.length() == 4 ? "its bytes depend on how the PNG stored its pixels"
                        : what.startsWith("TIFF") ? "only TIFF's text tags, XMP, resolution and chromaticities are carried"
                        : "a PNG has no place for it";
                System.err.printf("note: %s: %s is not kept (%s)%n", input, what, why);
            }
        }
        byte[] icc = strip ? null : picture.icc();
        byte[] exif = strip ? null : picture.exif();
        // a bar only where someone watches a terminal, and only for images that take a while
        boolean bar = report && !verbose && System.console() != null && img.pixels() >= BAR_MIN_PIXELS;
        NwfFile file = codec.encode(img, meta, icc, exif, new NwfCodec.EncodeProgress() {
            @Override
            public void levelCoded(int level, int total) {
                if (levelLines) System.err.printf("level %d/%d coded%n", level + 1, total);
            }

            @Override
            public void workDone(long done, long total) {
                if (bar) ProgressBar.show(100 * done / total, 100, "% coded", start);
            }
        });
        if (bar) ProgressBar.clear();
        byte[] bytes = NwfContainer.toBytes(file);
        Streams.write(out, force, o -> o.write(bytes));
        double secs = (System.nanoTime() - start) / 1e9;
        if (report) {
            System.err.printf("%s: %dx%d, %d channel(s), %d bit -> %s: %d bytes, %.3f bpsp (input %d bytes), %d levels, %.2f s%n",
                    input, img.width(), img.height(), img.channels(), img.bitDepth(), out, bytes.length,
                    bytes.length * 8.0 / (img.pixels() * img.channels()), inBytes.length, file.header().levels(), secs);
            if (bytes.length > inBytes.length) System.err.println(largerThanInputNote(inBytes, bytes.length));
        }
        return new Batch.Result(inBytes.length, bytes.length, img.pixels(), secs);
    }

    /** Refuses an image above --max-pixels, or one whose encoding cannot fit in this JVM's heap. */
    private void checkSize(Path input, int width, int height) throws IOException {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new ImageTooLarge(input + ": " + width + "x" + height + " is " + pixels
                    + " pixels, above the limit of " + maxPixels + " (--max-pixels)");
        }
        long need = pixels * HEAP_BYTES_PER_PIXEL;
        long heap = Runtime.getRuntime().maxMemory();
        if (need > heap) {
            long gib = (need + (1L << 30) - 1) >> 30;
            throw new ImageTooLarge(input + ": " + width + "x" + height + " needs about " + gib
                    + " GiB of Java heap to encode, this JVM has " + (heap >> 20) + " MiB: run java -Xmx" + (gib + 1)
                    + "g -jar nwf.jar ...");
        }
    }

    /** An input image refused for its size before it was read. */
    static final class ImageTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        ImageTooLarge(String message) {
            super(message);
        }
    }

    /** Why a lossless file can come out larger than its input, so that the user knows which tool fits better. */
    static String largerThanInputNote(byte[] input, long outBytes) {
        long more = Math.round(100.0 * (outBytes - input.length) / input.length);
        boolean jpeg = input.length >= 3 && (input[0] & 0xFF) == 0xFF && (input[1] & 0xFF) == 0xD8 && (input[2] & 0xFF)
                == 0xFF;
        if (jpeg) {
            return "note: the input is a JPEG, a lossy format; nwf keeps its decoded pixels exactly, which takes "
                    + more + " % more bytes here";
        }
        return "note: the .nwf file is " + more
                + " % larger than its input; nwf's model is trained on photographs, and graphics, "
                + "text or images with few colours usually code smaller as PNG or WebP lossless";
    }
}
