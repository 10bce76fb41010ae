package dev.nwf.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nwf.codec.NwfModel;
import dev.nwf.web.ModelBlob;
import dev.nwf.web.Site;
import dev.nwf.zoo.ModelZoo;
import dev.nwf.zoo.ZooModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP server of {@code nwf serve} (the JDK's HttpServer): the viewer ({@code /}, the decoder as {@code /nwf.wasm}
 * with its loader and as {@code /nwf.js}), the bundled
 * models' blob ({@code /models.bin}), the list of a folder's .nwf files ({@code /files.json}) and the files themselves
 * ({@code /files/NAME}), with single byte ranges, content types, nothing outside the folder (no {@code ..}, no link
 * leading out: both answered 404 like a missing file) and an optional bandwidth cap on those files for demos.
 */
final class NwfServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Map<String, String> TYPES = Map.of(".nwf", "image/x-nwf", ".png", "image/png", ".html",
            "text/html; charset=utf-8", ".js", "text/javascript; charset=utf-8", ".json",
            "application/json; charset=utf-8", ".bin", "application/octet-stream", ".wasm", "application/wasm");

    private final Path root;
    private final long bytesPerSecond;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "nwf-serve");
        t.setDaemon(true);
        return t;
    });
    private volatile byte[] models;
    /** The viewer's files, read from the jar once each rather than on every request. */
    private final Map<String, byte[]> site = new java.util.concurrent.ConcurrentHashMap<>();

    /** Serves {@code root} on {@code host:port} (port 0: any free one); {@code bytesPerSecond} 0: no cap. */
    NwfServer(Path root, String host, int port, long bytesPerSecond) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) throw new IOException(root + ": not a folder");
        this.bytesPerSecond = bytesPerSecond;
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals("/") || path.equals("/viewer.html")) {
                send(ex, 200, TYPES.get(".html"), site("viewer.html"));
            } else if (path.equals("/nwf.js") || path.equals("/wasm-gc-runtime.min.js")) {
                send(ex, 200, TYPES.get(".js"), site(path.substring(1)));
            } else if (path.equals("/nwf.wasm")) {
                send(ex, 200, TYPES.get(".wasm"), site("nwf.wasm"));
            } else if (path.equals("/models.bin")) {
                send(ex, 200, TYPES.get(".bin"), models());
            } else if (path.equals("/files.json")) {
                send(ex, 200, TYPES.get(".json"), listing());
            } else if (path.startsWith("/files/")) {
                Path file = inside(path.substring("/files/".length()));
                if (file == null) notFound(ex);
                else sendFile(ex, file);
            } else {
                notFound(ex);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or a file vanished while being sent: nothing more to tell anyone
        }
    }

    /** The file {@code name} names under the root, or null for anything else (a missing file, .., a link out). */
    private Path inside(String name) throws IOException {
        if (name.isEmpty() || name.contains("\\") || name.indexOf('\0') >= 0) return null;
        for (String part : name.split("/")) if (part.isEmpty() || part.equals(".") || part.equals("..")) return null;
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) return null;
        Path real = p.toRealPath();
        return real.startsWith(root) ? real : null;
    }

    private byte[] listing() throws IOException {
        List<String> names = new ArrayList<>();
        try (var s = Files.list(root)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".nwf") && inside(n) != null) names.add(n);
            }
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) b.append(',');
            b.append('"').append(names.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] site(String name) throws IOException {
        byte[] b = site.get(name);
        if (b == null) site.put(name, b = Site.read(name));
        return b;
    }

    private byte[] models() throws IOException {
        if (models == null) {
            List<NwfModel> list = new ArrayList<>();
            for (ZooModel m : ModelZoo.builtin().list()) list.add(m.model());
            models = ModelBlob.write(list);
        }
        return models;
    }

    /** A file, whole or one byte range of it (RFC 9110 §14: several ranges are answered with the whole file). */
    private void sendFile(HttpExchange ex, Path file) throws IOException {
        long length = Files.size(file);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String type = TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT),
                "application/octet-stream");
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        long from = 0;
        long to = length - 1;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            if (m.group(1).isEmpty()) {
                from = Math.max(0, length - Long.parseLong(m.group(2)));
            } else {
                from = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) to = Math.min(to, Long.parseLong(m.group(2)));
            }
            if (from >= length || from > to) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + length);
                send(ex, 416, "text/plain; charset=utf-8", "range not satisfiable\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            status = 206;
            ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + length);
        }
        long count = to - from + 1;
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.getResponseHeaders().set("Content-Length", Long.toString(count));
        ex.sendResponseHeaders(status, head ? -1 : count);
        if (head) return;
        try (InputStream in = Files.newInputStream(file); OutputStream out = ex.getResponseBody()) {
            in.skipNBytes(from);
            copy(in, out, count);
        }
    }

    private void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        if (head) ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (head) return;
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body); // the viewer's own files and lists: never throttled, only the files shown are
        }
    }

    private void notFound(HttpExchange ex) throws IOException {
        send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
    }

    /** Copies {@code count} bytes, at most {@link #bytesPerSecond} a second when capped (a tenth each 100 ms). */
    private void copy(InputStream in, OutputStream out, long count) throws IOException {
        int step = bytesPerSecond == 0 ? 1 << 16 : (int) Math.max(1, Math.min(1 << 16, bytesPerSecond / 10));
        byte[] buf = new byte[step];
        long left = count;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(step, left));
            if (n < 0) break;
            out.write(buf, 0, n);
            out.flush();
            left -= n;
            if (bytesPerSecond > 0 && left > 0) {
                try {
                    Thread.sleep(1000L * n / bytesPerSecond);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }
}
