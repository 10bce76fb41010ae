package dev.nwf.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** A folder over HTTP for test pages (a WebAssembly module is not fetched from file: URLs), with .wasm's type. */
final class StaticFiles implements AutoCloseable {
    private final HttpServer server;

    StaticFiles(Path dir) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                Path f = dir.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
                if (!f.startsWith(dir) || !Files.isRegularFile(f)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                String name = f.getFileName().toString();
                ex.getResponseHeaders().set("Content-Type", name.endsWith(".wasm") ? "application/wasm"
                        : name.endsWith(".js") ? "text/javascript" : "text/html");
                byte[] body = Files.readAllBytes(f);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** The URL of a file of the folder. */
    String url(String file) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + file;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
