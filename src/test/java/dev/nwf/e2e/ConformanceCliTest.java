package dev.nwf.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.cli.Nwf;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nwf conformance run` with this codec's own CLI as the external decoder, the way a third-party decoder is checked. */
class ConformanceCliTest {
    private static final Path VECTORS = Path.of("..", "conformance", "vectors");

    @Test
    void cliDecoderPassesTheSuiteAsAnExternalCommand(@TempDir Path tmp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = java + " -cp " + System.getProperty("java.class.path") + " dev.nwf.cli.Nwf decode --allow-partial {in} -o {out} -q";
        Path json = tmp.resolve("results.json");
        assertEquals(0, Nwf.run("conformance", "run", "--vectors", VECTORS.toString(), "--decoder", cmd, "--json", json.toString()));
        var results = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertTrue(results.size() >= 20);
        for (var r : results) assertTrue(r.get("passed").asBoolean(), r.toString());
    }

    @Test
    void failingDecoderGivesExitCode7(@TempDir Path tmp) throws Exception {
        assertEquals(7, Nwf.run("conformance", "run", "--vectors", VECTORS.toString(), "--decoder", "false {in} {out}"));
        assertTrue(Files.isDirectory(VECTORS));
    }
}
