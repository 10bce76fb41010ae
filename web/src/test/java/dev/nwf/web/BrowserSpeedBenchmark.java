package dev.nwf.web;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Decoding speed in headless Chromium (real time, over the DevTools protocol) against the JVM on the same files, same
 * run (a table, not a test): photos of data/eval when fetched (scripts/fetch-images.sh), else synthetic images. The JVM
 * decodes on one thread too, as the page does.
 *   mvn -B -o -ntp -pl web surefire:test -Dgroups=benchmark -DexcludedGroups=none -Dtest=BrowserSpeedBenchmark
 */
@Tag("benchmark")
class BrowserSpeedBenchmark {
    @Test
    void decodingSpeedInChromiumAndOnTheJvm() throws Exception {
        Path repo = BrowserPages.repo();
        Path work = BrowserPages.workDir("browser-speed");
        ModelZoo zoo = ModelZoo.builtin();
        NwfCodec codec = new NwfCodec(zoo.get(ModelZoo.DEFAULT_MODEL).model());
        List<String> names = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        List<Long> pixels = new ArrayList<>();
        for (String n : List.of("astronaut.png", "chelsea.png", "coffee.png")) {
            Path p = repo.resolve("data/eval").resolve(n);
            Image img = Files.exists(p) ? ImageFiles.read(p) : SyntheticImages.synthetic(512, 384, 3, 8, n.length());
            names.add(Files.exists(p) ? n : "synthetic-" + n);
            files.add(NwfContainer.toBytes(codec.encode(img)));
            pixels.add(img.pixels());
        }
        StringBuilder data = new StringBuilder(BrowserPages.modelsConstant()).append("const FILES = [");
        for (byte[] f : files) data.append('"').append(Base64.getEncoder().encodeToString(f)).append("\",");
        Files.writeString(work.resolve("data.js"), data.append("];\n"));
        Files.writeString(work.resolve("index.html"), """
                <!DOCTYPE html><html><head><script src="wasm-gc-runtime.min.js"></script><script src="nwf.js">
                </script><script src="data.js"></script></head>
                <body><pre id="result"></pre><script>
                const bytes = b => { const s = atob(b), a = new Int8Array(s.length);
                  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i); return a; };
                let nwf;
                const decode = f => new Promise(r => nwf.nwfDecode(f, () => {}, e => r(e)));
                (async () => {
                  nwf = location.search.includes("wasm") ? (await TeaVM.wasmGC.load("nwf.wasm")).exports : window;
                  nwf.nwfLoadModels(bytes(MODELS));
                  const ms = [];
                  for (const f of FILES) {
                    const b = bytes(f);
                    await decode(b); // warm-up
                    const t = performance.now(); const e = await decode(b); ms.push(e ? -1 : performance.now() - t);
                  }
                  document.getElementById("result").textContent = ms.join(",");
                })();
                </script></body></html>
                """);
        String[][] browserMs = new String[2][];
        for (int k = 0; k < 2; k++) {
            browserMs[k] = BrowserPages.result(work, "index.html?" + (k == 0 ? "wasm" : "js"), 600_000).split(",");
        }
        NwfDecoder jvm = NwfDecoder.of(zoo).withThreads(1);
        System.out.printf("%-24s %7s %15s %15s %15s %9s%n", "image", "MP", "Chromium wasm", "Chromium js",
                "JVM 1 thread", "wasm/JVM");
        double totalMp = 0;
        double[] total = new double[3];
        for (int i = 0; i < files.size(); i++) {
            for (int k = 0; k < 2; k++) jvm.decode(files.get(i)); // warm-up
            long t = System.nanoTime();
            jvm.decode(files.get(i));
            double[] s = {Double.parseDouble(browserMs[0][i]) / 1000, Double.parseDouble(browserMs[1][i]) / 1000,
                    (System.nanoTime() - t) / 1e9};
            double mp = pixels.get(i) / 1e6;
            totalMp += mp;
            for (int k = 0; k < 3; k++) total[k] += s[k];
            System.out.printf("%-24s %7.3f %10.3f MP/s %10.3f MP/s %10.3f MP/s %9.3f%n", names.get(i), mp, mp / s[0],
                    mp / s[1], mp / s[2], s[2] / s[0]);
        }
        System.out.printf("%-24s %7.3f %10.3f MP/s %10.3f MP/s %10.3f MP/s %9.3f%n", "total", totalMp,
                totalMp / total[0], totalMp / total[1], totalMp / total[2], total[2] / total[0]);
        System.out.printf("nwf.wasm: %d bytes, %d gzipped (with its loader %d, %d gzipped)%n",
                Files.size(work.resolve("nwf.wasm")), gzipped(Files.readAllBytes(work.resolve("nwf.wasm"))),
                Files.size(work.resolve("wasm-gc-runtime.min.js")),
                gzipped(Files.readAllBytes(work.resolve("wasm-gc-runtime.min.js"))));
        System.out.printf("nwf.js: %d bytes, %d gzipped%n", Files.size(work.resolve("nwf.js")),
                gzipped(Files.readAllBytes(work.resolve("nwf.js"))));
    }

    private static int gzipped(byte[] b) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.size();
    }
}
