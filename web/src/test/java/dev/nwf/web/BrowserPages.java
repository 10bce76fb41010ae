package dev.nwf.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nwf.codec.NwfModel;
import dev.nwf.zoo.ModelZoo;
import dev.nwf.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the browser tests share: a folder under web/target with the viewer's files (both builds of the decoder), the
 * bundled models as a script constant, and a page's result read from headless Chromium in real time.
 */
final class BrowserPages {
    private BrowserPages() {
    }

    /** The repository's root (where SPEC.md is). */
    static Path repo() {
        Path repo = Path.of("").toAbsolutePath();
        while (!Files.exists(repo.resolve("SPEC.md"))) repo = repo.getParent();
        return repo;
    }

    /** web/target/{@code name}, holding {@link Site#FILES}. */
    static Path workDir(String name) throws IOException {
        Path work = Files.createDirectories(repo().resolve("web/target").resolve(name));
        for (String f : Site.FILES) Files.write(work.resolve(f), Site.read(f));
        return work;
    }

    /** {@code const MODELS = "..."}: the bundled models' {@link ModelBlob} in base64, for a page's data script. */
    static String modelsConstant() throws IOException {
        List<NwfModel> models = new ArrayList<>();
        for (ZooModel m : ModelZoo.builtin().list()) models.add(m.model());
        return "const MODELS = \"" + Base64.getEncoder().encodeToString(ModelBlob.write(models)) + "\";\n";
    }

    /** Opens {@code file} of {@code work} over HTTP and returns the text the page puts in its element "result". */
    static String result(Path work, String file, long timeoutMillis) throws Exception {
        try (StaticFiles site = new StaticFiles(work);
             HeadlessChromium page = new HeadlessChromium(work, site.url(file))) {
            page.await("document.getElementById('result').textContent !== ''", timeoutMillis);
            return new ObjectMapper().readTree(page.evaluate("document.getElementById('result').textContent"))
                    .asText();
        }
    }
}
