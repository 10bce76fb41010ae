package dev.nwf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference codec the benchmarks run as a whole process.
 *
 * @param command its encoding command, {@code {in}} and {@code {out}} standing for the input PNG and the output file
 */
record ReferenceCodec(String name, List<String> command, String extension) {
    /** Codes {@code png} into a file in {@code tmp}; that file, or null where the codec failed or is not installed. */
    Path encode(Path png, Path tmp) throws IOException, InterruptedException {
        Path out = tmp.resolve("out" + extension);
        Files.deleteIfExists(out);
        List<String> cmd = new ArrayList<>();
        for (String a : command) cmd.add(a.replace("{in}", png.toString()).replace("{out}", out.toString()));
        return run(cmd) && Files.exists(out) ? out : null;
    }

    /** Runs a command to its end; false if it failed or is not installed. */
    static boolean run(List<String> cmd) throws InterruptedException {
        try {
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            proc.getInputStream().readAllBytes();
            return proc.waitFor() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}
