package dev.nwf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What nwf serve answers: the viewer, files whole and in ranges, their types, and nothing outside its folder. */
class NwfServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void servesFilesRangesTypesAndNothingOutside(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("site"));
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 7);
        Files.write(dir.resolve("a.nwf"), data);
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(dir.resolve("link.nwf"), tmp.resolve("secret.txt"));
        try (NwfServer server = new NwfServer(dir, "127.0.0.1", 0, 0)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<byte[]> whole = get(base + "/files/a.nwf", null);
            assertEquals(200, whole.statusCode());
            assertArrayEquals(data, whole.body());
            assertEquals("image/x-nwf", whole.headers().firstValue("Content-Type").orElse(""));
            assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));

            HttpResponse<byte[]> part = get(base + "/files/a.nwf", "bytes=100-199");
            assertEquals(206, part.statusCode());
            assertArrayEquals(Arrays.copyOfRange(data, 100, 200), part.body());
            assertEquals("bytes 100-199/1000", part.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(Arrays.copyOfRange(data, 990, 1000), get(base + "/files/a.nwf", "bytes=-10").body());
            assertArrayEquals(Arrays.copyOfRange(data, 995, 1000), get(base + "/files/a.nwf", "bytes=995-").body());
            HttpResponse<byte[]> beyond = get(base + "/files/a.nwf", "bytes=1000-");
            assertEquals(416, beyond.statusCode());
            assertEquals("bytes */1000", beyond.headers().firstValue("Content-Range").orElse(""));

            for (String out : new String[] {"/files/../secret.txt", "/files/%2e%2e/secret.txt", "/files/link.nwf",
                    "/files/", "/files/missing.nwf", "/secret.txt", "/files//etc/passwd"}) {
                assertEquals(404, get(base + out, null).statusCode(), out);
            }
            assertEquals("[\"a.nwf\"]", new String(get(base + "/files.json", null).body()));
            HttpResponse<byte[]> page = get(base + "/", null);
            assertEquals(200, page.statusCode());
            assertTrue(new String(page.body()).contains("nwfDecode"));
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
            assertTrue(get(base + "/nwf.js", null).body().length > 100_000, "the compiled decoder");
            HttpResponse<byte[]> wasm = get(base + "/nwf.wasm", null);
            assertEquals("application/wasm", wasm.headers().firstValue("Content-Type").orElse(""));
            assertEquals(0x6d736100, java.nio.ByteBuffer.wrap(wasm.body()).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .getInt(), "a WebAssembly module");
            assertEquals(200, get(base + "/wasm-gc-runtime.min.js", null).statusCode());
            assertTrue(get(base + "/models.bin", null).body().length > 1000, "the bundled models");
            HttpResponse<byte[]> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/files/a.nwf"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void theThrottleCapsTheRate(@TempDir Path tmp) throws Exception {
        Files.write(tmp.resolve("b.nwf"), new byte[3000]);
        try (NwfServer server = new NwfServer(tmp, "127.0.0.1", 0, 4000)) {
            long start = System.nanoTime();
            assertEquals(3000, get("http://127.0.0.1:" + server.port() + "/files/b.nwf", null).body().length);
            // 3000 bytes at 4000 a second, 400 bytes each 100 ms: at least 0.6 s however fast the machine
            assertTrue(System.nanoTime() - start >= 600_000_000L, "sent too fast for the cap");
        }
    }

    private static HttpResponse<byte[]> get(String url, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (range != null) b.header("Range", range);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
