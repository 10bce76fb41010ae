package dev.nwf.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nwf.codec.CodingToolException;
import dev.nwf.codec.CorruptLevelException;
import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.ModelResolver;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.UnknownModelException;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The conformance suite's entry point: generate the vectors, and check a decoder against them. A decoder is either
 * this codec in-process (which also checks every intermediate level and the error kind) or an external command
 * {@code "CMD {in} {out}"} that must write a PNG to {out}, or fail without writing it for error cases.
 */
public final class Conformance {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EXTERNAL_TIMEOUT_S = 120;

    private Conformance() {
    }

    /**
     * Writes every vector under {@code dir} (most with {@code model}, a few with {@code rgflow}); returns the case
     * names.
     */
    public static List<String> generate(NwfModel model, NwfModel rgflow, Path dir) throws IOException {
        return new VectorGenerator(model, rgflow, dir).generate();
    }

    /** The case folders under {@code dir}, sorted by name. */
    public static List<Path> cases(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new java.nio.file.NoSuchFileException(dir.toString());
        try (var s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("test.json"))).sorted().toList();
        }
    }

    /** Runs the built-in decoder on every case. */
    public static List<CaseResult> runBuiltin(Path dir, ModelResolver models,
            NetEvaluator evaluator) throws IOException {
        List<CaseResult> out = new ArrayList<>();
        for (Path c : cases(dir)) out.add(builtin(c, read(c), models, evaluator));
        return out;
    }

    /** Runs an external decoder command on every case. */
    public static List<CaseResult> runExternal(Path dir, String command, Path work) throws IOException {
        List<CaseResult> out = new ArrayList<>();
        for (Path c : cases(dir)) out.add(external(c, read(c), command, work));
        return out;
    }

    static CaseManifest read(Path caseDir) throws IOException {
        return JSON.readValue(caseDir.resolve("test.json").toFile(), CaseManifest.class);
    }

    static CaseResult builtin(Path dir, CaseManifest m, ModelResolver models, NetEvaluator evaluator) {
        List<CaseManifest.Level> seen = new ArrayList<>();
        Decoded d;
        try (InputStream in = Files.newInputStream(dir.resolve("input.nwf"))) {
            d = NwfDecoder.of(models).withEvaluator(evaluator).allowingPartial(true)
                    .withListener((level, total, image) -> seen.add(new CaseManifest.Level(level, image.width(),
                            image.height(), PixelHash.of(image))))
                    .decode(in);
        } catch (Exception e) {
            String kind = errorKind(e);
            if (CaseManifest.EXPECT_ERROR.equals(m.expect())) {
                return new CaseResult(m.name(), kind.equals(m.errorKind()),
                        "rejected with " + kind + (kind.equals(m.errorKind()) ? "" : ", expected " + m.errorKind())
                                + ": " + e.getMessage());
            }
            return new CaseResult(m.name(), false, "expected a decode, failed with " + kind + ": " + e.getMessage());
        }
        if (CaseManifest.EXPECT_ERROR.equals(m.expect())) {
            return new CaseResult(m.name(), false, "expected " + m.errorKind() + ", decoded a " + d.image().width()
                    + "x" + d.image().height() + " image");
        }
        if (!seen.equals(m.levels())) return new CaseResult(m.name(), false,
                "levels differ: got " + seen + ", expected " + m.levels());
        return new CaseResult(m.name(), true, seen.size() + " level(s) match");
    }

    static CaseResult external(Path dir, CaseManifest m, String command, Path work) {
        Path out = work.resolve(m.name() + ".png");
        try {
            Files.deleteIfExists(out);
            List<String> cmd = new ArrayList<>();
            for (String part : command.trim().split("\\s+")) {
                cmd.add(part.replace("{in}", dir.resolve("input.nwf").toString()).replace("{out}", out.toString()));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve(m.name()
                    + ".log").toFile()).start();
            if (!p.waitFor(EXTERNAL_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new CaseResult(m.name(), false, "decoder did not finish within " + EXTERNAL_TIMEOUT_S + " s");
            }
            boolean wrote = Files.exists(out);
            if (CaseManifest.EXPECT_ERROR.equals(m.expect())) {
                boolean ok = p.exitValue() != 0 && !wrote;
                return new CaseResult(m.name(), ok, ok ? "rejected (exit " + p.exitValue() + ")"
                        : "expected rejection (" + m.errorKind() + "), got exit " + p.exitValue()
                                + (wrote ? " and an output file" : ""));
            }
            if (p.exitValue() != 0 || !wrote) return new CaseResult(m.name(), false,
                    "decoder failed with exit " + p.exitValue() + truncationHint(m));
            Image img = ImageFiles.read(out);
            String hash = PixelHash.of(img);
            boolean ok = hash.equals(m.output().sha256());
            return new CaseResult(m.name(), ok, ok ? "output matches" : "output " + img.width() + "x" + img.height()
                    + " differs from the expected "
                    + m.output().width() + "x" + m.output().height() + truncationHint(m));
        } catch (IOException e) {
            return new CaseResult(m.name(), false, "could not run decoder: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CaseResult(m.name(), false, "interrupted");
        }
    }

    /**
     * What a cut file's case asks of an external decoder, which may not know it: the image of the last level that
     * arrived whole, with success, as {@code nwf decode --allow-partial} does.
     */
    static String truncationHint(CaseManifest m) {
        if (m.features() == null || !m.features().contains("truncation")) return "";
        return "; this file is cut after level " + m.output().level() + ": the decoder must write that level's "
                + m.output().width() + "x" + m.output().height() + " image and exit 0 (as nwf decode --allow-partial)";
    }

    /** The stable error names conformance manifests use. */
    public static String errorKind(Throwable e) {
        if (e instanceof NwfFormatException f) return f.kind().name();
        if (e instanceof CorruptLevelException) return "CORRUPT_LEVEL";
        if (e instanceof CodingToolException t) return t.kind().name();
        if (e instanceof UnknownModelException) return "UNKNOWN_MODEL";
        return e.getClass().getSimpleName();
    }

    /** The results as indented JSON. */
    public static String toJson(List<CaseResult> results) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results);
    }
}
