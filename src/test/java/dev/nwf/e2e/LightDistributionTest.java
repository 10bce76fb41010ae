package dev.nwf.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.files.ImageFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #22: the light distribution (cli/target/lite, built at package: the same nwf.jar, its lib/ without DJL, the
 * PyTorch natives and training; 8 MB against 121) codes and decodes exactly, and says what it cannot do. Run by
 * {@code mvn verify}, the README's test command; skipped by a bare {@code mvn test}, which builds no jar.
 */
class LightDistributionTest {
    private static Path lightJar() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path jar = p.resolve("cli/target/lite/nwf.jar");
            if (Files.exists(jar)) return jar;
        }
        return null;
    }

    private static int run(Path jar, StringBuilder out, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return p.waitFor();
    }

    @Test
    void codesWithoutDjlAndSaysWhatItCannotDo(@TempDir Path dir) throws Exception {
        Path jar = lightJar();
        Assumptions.assumeTrue(jar != null, "cli/target/lite is built by mvn package / verify");
        try (var libs = Files.list(jar.resolveSibling("lib"))) {
            assertTrue(libs.noneMatch(l -> l.getFileName().toString().matches("(pytorch|api-|jna|nwf-djl).*")),
                    "no DJL in the light lib/");
        }
        Path png = dir.resolve("photo.png");
        Image img = SamplePhoto.write(png, 0, 0, 64, 48);
        StringBuilder out = new StringBuilder();
        assertEquals(0, run(jar, out, "encode", png.toString(), "-o", dir.resolve("p.nwf").toString()),
                out.toString());
        assertEquals(0, run(jar, out, "decode", dir.resolve("p.nwf").toString(), "-o",
                dir.resolve("b.png").toString()), out.toString());
        assertTrue(img.sameAs(ImageFiles.read(dir.resolve("b.png"))));
        StringBuilder cpu = new StringBuilder();
        assertEquals(2, run(jar, cpu, "encode", png.toString(), "-o", dir.resolve("q.nwf").toString(), "--device",
                "cpu"), cpu.toString());
        assertTrue(cpu.toString().contains("light distribution"), cpu.toString());
        StringBuilder train = new StringBuilder();
        assertEquals(2, run(jar, train, "train", "--data", dir.toString(), "--id", "x", "-o",
                dir.resolve("x.nwfmodel").toString(), "--steps", "1"), train.toString());
        assertTrue(train.toString().contains("light distribution"), train.toString());
    }
}
