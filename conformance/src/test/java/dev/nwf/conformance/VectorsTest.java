package dev.nwf.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorsTest {
    static final Path COMMITTED = Path.of("vectors");

    @Test
    void regeneratingReproducesTheCommittedVectorsByteForByte(@TempDir Path tmp) throws Exception {
        List<String> names = Conformance.generate(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model(),
                ModelZoo.builtin().get(ModelZoo.RGFLOW_MODEL).model(), tmp);
        assertEquals(Conformance.cases(COMMITTED).size(), names.size(), "case count");
        for (String name : names) {
            for (String file : new String[] {"input.nwf", "test.json"}) {
                assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(name).resolve(file)),
                        Files.readAllBytes(tmp.resolve(name).resolve(file)),
                        name + "/" + file
                                + " (run `nwf conformance generate` after an intended format or model change)");
            }
        }
    }

    @Test
    void builtInDecoderPassesEveryCase() throws Exception {
        List<CaseResult> results = Conformance.runBuiltin(COMMITTED, ModelZoo.builtin(), ReferenceEvaluator.INSTANCE);
        assertTrue(results.size() >= 20);
        for (CaseResult r : results) assertTrue(r.passed(), r.name() + ": " + r.detail());
    }

    @Test
    void aWrongDecoderIsCaught(@TempDir Path tmp) throws Exception {
        // an "external decoder" that always writes the same PNG must fail the decode cases and the error cases alike
        Path png = tmp.resolve("fixed.png");
        Files.write(png, dev.nwf.files.ImageFiles.pngBytes(dev.nwf.codec.SyntheticImages.fixedWaves(3, 3, 1, 8, 1)));
        List<CaseResult> results = Conformance.runExternal(COMMITTED, "cp " + png + " {out}", tmp);
        assertTrue(results.stream().noneMatch(CaseResult::passed), results.toString());
        // a cut file's case says what it expects of a decoder that does not know about cut files
        CaseResult cut = results.stream().filter(r -> r.name().equals("truncated-after-level-1")).findFirst()
                .orElseThrow();
        assertTrue(cut.detail().contains("cut after level 1") && cut.detail().contains("--allow-partial"),
                cut.detail());
        CaseResult whole = results.stream().filter(r -> r.name().equals("gray16-31x29")).findFirst().orElseThrow();
        assertTrue(!whole.detail().contains("cut after"), whole.detail());
    }

    /** Inputs that once misbehaved stay in regressions/, named after the failure; each must give a named error. */
    @Test
    void regressionInputsGiveNamedErrors() throws Exception {
        Path dir = Path.of("regressions");
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".nwf")).sorted().toList();
        }
        assertTrue(!files.isEmpty());
        var zoo = ModelZoo.builtin();
        for (Path f : files) {
            try (var in = Files.newInputStream(f)) {
                dev.nwf.codec.NwfDecoder.of(zoo).allowingPartial(true).decode(in);
                throw new AssertionError(f + " decoded without error");
            } catch (dev.nwf.format.NwfFormatException | dev.nwf.codec.CorruptLevelException |
                    dev.nwf.codec.UnknownModelException expected) {
                // named error: what a regression input must produce
            }
        }
    }
}
