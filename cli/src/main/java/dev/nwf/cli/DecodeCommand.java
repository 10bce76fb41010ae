package dev.nwf.cli;

import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.LevelListener;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfFormatException;
import dev.nwf.format.ReadOptions;
import java.io.InputStream;
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

@Command(name = "decode", description = "Decompress .nwf to PNG, fully or at a reduced size.")
final class DecodeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Input .nwf, or - for stdin.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output PNG (default: IN with .png; - for stdout).")
    Path output;

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing output.")
    boolean force;

    @Option(names = {"-l", "--level"}, paramLabel = "K", defaultValue = "0",
            description = "Drop the K finest levels: the image comes out at 1/2^K size, or smaller after a raster "
                    + "finish, whose level before it is at 1/2^t (`nwf info` lists the sizes; default: "
                    + "${DEFAULT-VALUE}).")
    int dropLevels;

    @Option(names = "--allow-partial",
            description = "Decode a truncated file to its last complete level instead of failing.")
    boolean allowPartial;

    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Refuse images larger than N pixels (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + ReadOptions.DEFAULT_MAX_PIXELS)
    long maxPixels;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
    boolean quiet;

    @Option(names = "--levels-strip", paramLabel = "PNG", description = "Also write the levels side by side as a "
            + "viewer shows them while the file arrives, each blown up to the same panel (nearest neighbour).")
    Path levelsStrip;

    @Option(names = {"-v", "--verbose"}, description = "Report each level as it is decoded.")
    boolean verbose;

    @Mixin
    ModelOptions models;

    @Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    /** The levels as they were decoded, for --levels-strip. */
    private final List<Image> levelsSeen = new ArrayList<>();

    /** A progress bar on a terminal, drawn only once decoding has taken a second (small files finish before). */
    private final DelayedBar bar = new DelayedBar();

    private static final class DelayedBar implements LevelListener {
        private static final long DELAY_NANOS = 1_000_000_000L;
        private final long start = System.nanoTime();
        private boolean drawn;

        @Override
        public void levelDecoded(int level, int totalLevels, dev.nwf.codec.Image image) {
        }

        @Override
        public boolean wantsImages() {
            return false;
        }

        @Override
        public void workDone(long done, long total) {
            if (System.nanoTime() - start < DELAY_NANOS) return;
            ProgressBar.show(100 * done / Math.max(1, total), 100, "% decoded", start);
            drawn = true;
        }

        void clear() {
            if (drawn) ProgressBar.clear();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (dropLevels < 0) throw new ParameterException(spec.commandLine(), "--level must be >= 0");
        Decoded d;
        try (InputStream in = Streams.open(input)) {
            // a listener that wants images makes the decoder build every level's image; only -v needs them
            LevelListener report = verbose
                    ? (level, total, image) -> System.err.printf("level %d/%d: %dx%d%n", level + 1, total,
                            image.width(), image.height())
                    : !quiet && System.console() != null ? bar : LevelListener.NONE;
            LevelListener listener = levelsStrip == null ? report : new LevelListener() {
                @Override
                public void levelDecoded(int level, int total, Image image) {
                    levelsSeen.add(image);
                    if (report.wantsImages()) report.levelDecoded(level, total, image);
                }

                @Override
                public void workDone(long done, long total) {
                    report.workDone(done, total);
                }
            };
            if (levelsStrip != null) Streams.checkWritable(levelsStrip, force);
            try {
                d = NwfDecoder.of(models.zoo()).withEvaluator(models.evaluator())
                        .withReadOptions(ReadOptions.DEFAULT.withMaxPixels(maxPixels)).withThreads(threads.get())
                        .droppingFinest(dropLevels).allowingPartial(allowPartial).withListener(listener).decode(in);
            } catch (NwfFormatException e) {
                // guidance only where a level arrived whole for --allow-partial to write
                if (allowPartial || !e.reason().startsWith("file is truncated")
                        || e.reason().contains("before any level")) throw e;
                throw new NwfFormatException(e.kind(), e.offset(), e.reason() + "; --allow-partial writes that image");
            } finally {
                bar.clear();
            }
        }
        if (dropLevels >= d.totalLevels()) {
            throw new ParameterException(spec.commandLine(), "--level " + dropLevels + ": the file has "
                    + d.totalLevels()
                    + " level(s), so 0 to " + (d.totalLevels() - 1) + " can be dropped");
        }
        Path out = output != null ? output : Streams.isStd(input) ? Path.of("-") : Streams.defaultOutput(input, ".png");
        ImageFiles.Picture picture = ImageFiles.Picture.of(d.image(), d.icc(), d.metadata(), d.exif());
        Streams.write(out, force, o -> ImageFiles.writePng(picture, o));
        if (levelsStrip != null) {
            java.awt.image.BufferedImage strip = LevelStrip.of(levelsSeen, d.image().width(), d.image().height());
            Streams.write(levelsStrip, force, o -> {
                javax.imageio.stream.MemoryCacheImageOutputStream ios = new javax.imageio.stream
                        .MemoryCacheImageOutputStream(o);
                javax.imageio.ImageIO.write(strip, "png", ios);
                ios.flush();
            });
        }
        if (d.isFull() && d.stopReason() != null) System.err.println("nwf: warning: " + d.stopReason());
        if (!quiet) {
            System.err.printf("%s -> %s: %dx%d (%d of %d levels)%s%n", input, out, d.image().width(),
                    d.image().height(),
                    d.levelsDecoded(), d.totalLevels(), d.isFull() ? "" : "; " + d.stopReason());
        }
        return ExitCodes.OK;
    }
}
