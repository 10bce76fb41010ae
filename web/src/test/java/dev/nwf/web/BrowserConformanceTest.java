package dev.nwf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every conformance vector decoded by the TeaVM-compiled decoder, its WebAssembly GC build and its JavaScript build,
 * inside headless Chromium (Debian package
 * {@code chromium}): each level's size and the SHA-256 of its samples (computed in the page by the browser's own
 * crypto.subtle) must equal the manifest's, and each file to refuse must be refused with the manifest's error name.
 * The page and its data stay in web/target/browser-conformance/ for a person to open (over HTTP).
 */
class BrowserConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyVectorDecodesInChromiumAsOnTheJvm() throws Exception {
        Path vectors = BrowserPages.repo().resolve("conformance/vectors");
        Path work = BrowserPages.workDir("browser-conformance");
        StringBuilder data = new StringBuilder(BrowserPages.modelsConstant()).append("const CASES = [\n");
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
        for (String backend : List.of("wasm", "js")) {
            JsonNode results = JSON.readTree(BrowserPages.result(work, "index.html?backend=" + backend, 480_000));
            List<String> failed = new ArrayList<>();
            for (JsonNode r : results) if (!r.get("passed").asBoolean()) failed.add(r.get("name").asText() + ": "
                    + r.get("detail").asText());
            assertEquals(names.size(), results.size(), "cases the page ran (" + backend + ")");
            assertEquals(List.of(), failed, backend);
        }
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
