package dev.nwf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nwf.codec.NwfModel;
import dev.nwf.zoo.ModelZoo;
import dev.nwf.zoo.ZooModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every conformance vector decoded by the TeaVM-compiled decoder, its WebAssembly GC build and its JavaScript build,
 * inside headless Chromium (Debian package
 * {@code chromium}): each level's size and the SHA-256 of its samples (computed in the page by the browser's own
 * crypto.subtle) must equal the manifest's, and each file to refuse must be refused with the manifest's error name.
 * The page, its data and Chromium's output stay in target/browser-conformance/ for a person to open.
 */
class BrowserConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyVectorDecodesInChromiumAsOnTheJvm() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        while (!Files.exists(repo.resolve("SPEC.md"))) repo = repo.getParent();
        Path vectors = repo.resolve("conformance/vectors");
        Path work = repo.resolve("web/target/browser-conformance");
        Files.createDirectories(work);
        for (String f : Site.FILES) Files.write(work.resolve(f), Site.read(f));

        List<NwfModel> models = new ArrayList<>();
        for (ZooModel m : ModelZoo.builtin().list()) models.add(m.model());
        StringBuilder data = new StringBuilder("const MODELS = \"")
                .append(Base64.getEncoder().encodeToString(ModelBlob.write(models))).append("\";\nconst CASES = [\n");
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(vectors)) {
            for (Path c : s.filter(Files::isDirectory).sorted().toList()) {
                JsonNode manifest = JSON.readTree(c.resolve("test.json").toFile());
                names.add(c.getFileName().toString());
                data.append("{name: ").append(JSON.writeValueAsString(c.getFileName().toString()))
                        .append(", manifest: ").append(JSON.writeValueAsString(manifest))
                        .append(", file: \"").append(Base64.getEncoder().encodeToString(
                                Files.readAllBytes(c.resolve("input.nwf")))).append("\"},\n");
            }
        }
        data.append("];\n");
        Files.writeString(work.resolve("data.js"), data);
        Files.writeString(work.resolve("index.html"), PAGE);

        // over HTTP (a WebAssembly module is not fetched from file: URLs), once for each build of the decoder
        try (StaticFiles files = new StaticFiles(work)) {
            for (String backend : List.of("wasm", "js")) {
                check(chromium(files.url("index.html?backend=" + backend), work, backend), names, backend);
            }
        }
    }

    private static void check(String dom, List<String> names, String backend) throws IOException {
        int start = dom.indexOf("<pre id=\"result\">");
        assertTrue(start >= 0, "the page wrote no result: " + dom.substring(0, Math.min(2000, dom.length())));
        String json = dom.substring(start + "<pre id=\"result\">".length(), dom.indexOf("</pre>", start))
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        JsonNode results = JSON.readTree(json);
        List<String> failed = new ArrayList<>();
        for (JsonNode r : results) if (!r.get("passed").asBoolean()) failed.add(r.get("name").asText() + ": "
                + r.get("detail").asText());
        assertEquals(names.size(), results.size(), "cases the page ran (" + backend + ")");
        assertEquals(List.of(), failed, backend);
    }

    /** Loads the page in headless Chromium until it is idle and returns its DOM. */
    private static String chromium(String url, Path work, String name) throws IOException, InterruptedException {
        String browser = Stream.of("chromium", "chromium-browser", "google-chrome")
                .filter(b -> Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(
                        Path.of(d, b)))).findFirst().orElseThrow(() -> new AssertionError(
                        "no Chromium on the PATH: install the Debian package chromium (.ci/run does)"));
        Path out = work.resolve("dom-" + name + ".html");
        Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + work.resolve("profile"),
                "--virtual-time-budget=600000", "--dump-dom", url)
                .redirectOutput(out.toFile()).redirectError(work.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(8, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 8 minutes");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Decodes every case in turn, hashing each level as PixelHash does, and writes the results as JSON. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>nwf conformance in the browser</title>
            <script src="wasm-gc-runtime.min.js"></script><script src="data.js"></script></head>
            <body><p id="status">running</p><pre id="result"></pre>
            <script>
            function bytes(b64) {
              const s = atob(b64), a = new Int8Array(s.length);
              for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
              return a;
            }
            async function pixelHash(w, h, c, samples) {
              const head = new TextEncoder().encode(w + "x" + h + "x" + c);
              const buf = new Uint8Array(head.length + 2 * samples.length);
              buf.set(head);
              for (let i = 0; i < samples.length; i++) {
                buf[head.length + 2 * i] = (samples[i] >>> 8) & 255;
                buf[head.length + 2 * i + 1] = samples[i] & 255;
              }
              const d = new Uint8Array(await crypto.subtle.digest("SHA-256", buf));
              return Array.from(d, x => x.toString(16).padStart(2, "0")).join("");
            }
            let nwf;
            async function load() {
              if (new URLSearchParams(location.search).get("backend") === "wasm") {
                nwf = (await TeaVM.wasmGC.load("nwf.wasm")).exports;
                return;
              }
              await new Promise((resolve, reject) => {
                const s = document.createElement("script");
                s.src = "nwf.js"; s.onload = resolve; s.onerror = reject;
                document.head.appendChild(s);
              });
              nwf = window;
            }
            function decode(file) {
              return new Promise(resolve => {
                const levels = [];
                nwf.nwfDecode(file, (level, total, w, h, c, depth, samples) => {
                  levels.push({level: level, width: w, height: h, channels: c, samples: samples.slice()});
                }, (error, n) => resolve({error: error, levels: levels}));
              });
            }
            async function run() {
              try {
                await load();
              } catch (e) {
                document.getElementById("result").textContent = JSON.stringify([{name: "load", passed: false,
                    detail: String(e)}]);
                return;
              }
              nwf.nwfLoadModels(bytes(MODELS));
              const results = [];
              for (const k of CASES) {
                const m = k.manifest;
                let passed = false, detail = "";
                try {
                  const r = await decode(bytes(k.file));
                  if (m.expect === "error") {
                    const kind = r.error === null ? null : r.error.split(":")[0];
                    passed = kind === m.errorKind;
                    detail = r.error === null ? "decoded, expected " + m.errorKind : r.error;
                  } else if (r.error !== null) {
                    detail = "expected a decode: " + r.error;
                  } else {
                    const seen = [];
                    for (const l of r.levels) seen.push({level: l.level, width: l.width, height: l.height,
                        sha256: await pixelHash(l.width, l.height, l.channels, l.samples)});
                    passed = JSON.stringify(seen) === JSON.stringify(m.levels);
                    detail = passed ? seen.length + " level(s) match" : "got " + JSON.stringify(seen);
                  }
                } catch (e) {
                  detail = "page error: " + e;
                }
                results.push({name: k.name, passed: passed, detail: detail});
              }
              document.getElementById("result").textContent = JSON.stringify(results);
              document.getElementById("status").textContent = "done";
            }
            run();
            </script></body></html>
            """;
}
