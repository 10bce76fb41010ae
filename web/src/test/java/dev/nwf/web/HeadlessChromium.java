package dev.nwf.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Headless Chromium driven over the DevTools protocol (its WebSocket, with the JDK's client): open a page, evaluate
 * JavaScript in it, take screenshots, in real time (a throttled stream cannot be waited for in virtual time).
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> replies = new ConcurrentHashMap<>();

    public HeadlessChromium(Path work, String url) throws Exception {
        String browser = Stream.of("chromium", "chromium-browser", "google-chrome")
                .filter(b -> Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(
                        Path.of(d, b)))).findFirst().orElseThrow(() -> new AssertionError(
                        "no Chromium on the PATH: install the Debian package chromium (.ci/run does)"));
        process = new ProcessBuilder(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=900,900", "--remote-debugging-port=0",
                "--user-data-dir=" + work.resolve("profile"), url)).redirectOutput(work.resolve("chromium.out")
                .toFile()).start();
        String browserSocket = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
        for (String line; browserSocket == null && (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) browserSocket = m.group(1);
        }
        if (browserSocket == null) throw new AssertionError("Chromium did not start its DevTools endpoint");
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        // the page's own endpoint, from the list of targets
        URI http = URI.create(browserSocket.replace("ws://", "http://"));
        String targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.resolve("/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher page = Pattern.compile("\"type\":\\s*\"page\"[\\s\\S]*?\"webSocketDebuggerUrl\":\\s*\"([^\"]+)\"")
                .matcher(targets);
        if (!page.find()) throw new AssertionError("no page target: " + targets);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(page.group(1)),
                new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String message = text.toString();
                            text.setLength(0);
                            Matcher id = Pattern.compile("^\\{\"id\":(\\d+)").matcher(message);
                            if (id.find()) {
                                CompletableFuture<String> f = replies.remove(Integer.parseInt(id.group(1)));
                                if (f != null) f.complete(message);
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
    }

    /** The value of a JavaScript expression in the page, as JSON text (a string comes with its quotes). */
    public String evaluate(String expression) throws Exception {
        String reply = call("Runtime.evaluate", "{\"expression\":" + quote(expression) + ",\"returnByValue\":true}");
        var value = JSON.readTree(reply).path("result").path("result").get("value");
        return value == null ? "undefined" : JSON.writeValueAsString(value);
    }

    /** Waits until {@code condition} is true in the page, checking every 100 ms. */
    public void await(String condition, long timeoutMillis) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!evaluate("Boolean(" + condition + ")").equals("true")) {
            if (System.currentTimeMillis() > end) throw new AssertionError("the page did not reach " + condition
                    + " within " + timeoutMillis + " ms");
            Thread.sleep(100);
        }
    }

    /** The page as it looks now, as a PNG. */
    public void screenshot(Path png) throws Exception {
        var data = JSON.readTree(call("Page.captureScreenshot", "{\"format\":\"png\"}")).path("result").get("data");
        if (data == null) throw new AssertionError("no screenshot");
        Files.write(png, Base64.getDecoder().decode(data.asText()));
    }

    private String call(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true)
                .get(30, TimeUnit.SECONDS);
        return reply.get(60, TimeUnit.SECONDS);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        if (socket != null) socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
