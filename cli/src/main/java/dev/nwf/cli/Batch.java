package dev.nwf.cli;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Several files in one command, as oxipng and cwebp batch use goes: inputs and (with -r) folders expanded to files,
 * outputs next to them or below an output folder, files coded side by side, a line per file as it is done, a summary
 * table, and a non-zero exit (the first failure's code) if any failed — which leaves no output of its own.
 */
final class Batch {
    private Batch() {
    }

    /** One file to code, and where its output goes. */
    record Job(Path input, Path output) {
    }

    /** What coding one file gave. */
    record Result(long bytesIn, long bytesOut, long pixels, double seconds) {
    }

    /** The work on one file. */
    @FunctionalInterface
    interface Work {
        Result run(Job job) throws Exception;
    }

    private static final List<String> IMAGE_SUFFIXES = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif",
            ".tiff");

    /**
     * The files the inputs name: a file as it is; a folder, with {@code recursive}, its images (by suffix) in its
     * subfolders too, in name order. Outputs take {@code extension}, next to their input or below {@code outDir}.
     */
    static List<Job> jobs(List<Path> inputs, boolean recursive, Path outDir, String extension) throws IOException {
        if (outDir != null && !Files.isDirectory(outDir)) {
            throw new NoSuchFileException(outDir.toString(), null, "the output folder does not exist");
        }
        List<Job> jobs = new ArrayList<>();
        for (Path in : inputs) {
            if (Streams.isStd(in) || !Files.isDirectory(in)) {
                Path out = Streams.isStd(in) ? in : outDir == null ? Streams.defaultOutput(in, extension)
                        : outDir.resolve(Streams.defaultOutput(in, extension).getFileName());
                jobs.add(new Job(in, out));
                continue;
            }
            if (!recursive) throw new IOException(in + " is a directory (use -r to code the images in it)");
            try (Stream<Path> files = Files.walk(in, FileVisitOption.FOLLOW_LINKS)) {
                for (Path f : files.filter(Files::isRegularFile).filter(Batch::isImage).sorted().toList()) {
                    Path out = Streams.defaultOutput(f, extension);
                    if (outDir != null) {
                        out = outDir.resolve(in.relativize(out).toString());
                        Files.createDirectories(out.getParent());
                    }
                    jobs.add(new Job(f, out));
                }
            }
        }
        if (jobs.isEmpty()) throw new NoSuchFileException(inputs.toString(), null, "no image files found");
        return jobs;
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** Codes every job on {@code threads} threads (0: one per core); prints and returns as the class says. */
    static int run(List<Job> jobs, int threads, boolean quiet, Work work) throws InterruptedException {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, jobs.size()), r -> {
            Thread t = new Thread(r, "nwf-batch");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        List<Future<Result>> futures = new ArrayList<>();
        Object print = new Object();
        for (Job job : jobs) {
            futures.add(pool.submit(() -> {
                try {
                    Result r = work.run(job);
                    if (!quiet) {
                        synchronized (print) {
                            System.err.printf("%s -> %s: %d -> %d bytes (%.3f)%n", job.input(), job.output(),
                                    r.bytesIn(), r.bytesOut(), (double) r.bytesOut() / r.bytesIn());
                        }
                    }
                    return r;
                } catch (Exception e) {
                    synchronized (print) {
                        String message = Nwf.messageOf(e);
                        System.err.println("nwf: " + (message.contains(job.input().toString()) ? message
                                : job.input() + ": " + message));
                    }
                    throw e;
                }
            }));
        }
        pool.shutdown();
        int failed = 0;
        int code = ExitCodes.OK;
        long in = 0;
        long out = 0;
        long pixels = 0;
        for (Future<Result> f : futures) {
            try {
                Result r = f.get();
                in += r.bytesIn();
                out += r.bytesOut();
                pixels += r.pixels();
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
                if (code == ExitCodes.OK) code = ExitCodes.of(e.getCause());
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (!quiet || failed > 0) {
            System.err.printf("%d file(s), %d coded, %d failed: %d -> %d bytes (%.3f), %.2f MP/s%n", jobs.size(),
                    jobs.size() - failed, failed, in, out, in == 0 ? 0.0 : (double) out / in, pixels / 1e6 / secs);
        }
        return code;
    }
}
