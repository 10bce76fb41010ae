package dev.nwf.cli;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Any request path and Range header sent to {@code nwf serve} (raw bytes over a socket, past any client's checks)
 * gets one of the answers it may give, and never a file from outside the served folder: a secret beside the folder,
 * reachable by a link inside it and by every spelling of {@code ..}, must never come back.
 */
class NwfServerFuzzTest {
    private static final String SECRET = "nwf-fuzz-secret-7f3a";
    private static final Set<Integer> ANSWERS = Set.of(200, 206, 400, 404, 405, 416);
    private static final NwfServer SERVER = start();


    private static NwfServer start() {
        try {
            Path top = Files.createTempDirectory("nwf-serve-fuzz");
            Path dir = Files.createDirectories(top.resolve("site"));
            Files.writeString(top.resolve("secret.nwf"), SECRET);
            Files.write(dir.resolve("a.nwf"), new byte[300]);
            Files.createDirectories(dir.resolve("sub"));
            Files.write(dir.resolve("sub/b.nwf"), new byte[10]);
            Files.createSymbolicLink(dir.resolve("link.nwf"), top.resolve("secret.nwf"));
            return new NwfServer(dir, "127.0.0.1", 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "")
    void answers(FuzzedDataProvider data) throws IOException {
        // the requests go to this server only: Jazzer's server-side-request-forgery detector is told so
        try (var allowed = BugDetectors.allowNetworkConnections((host, port) -> port == SERVER.port()
                && (host.equals("127.0.0.1") || host.equals("localhost")))) {
            request(data);
        }
    }

    private static void request(FuzzedDataProvider data) throws IOException {
        String path = data.consumeString(200).replaceAll("[\\s]", "");
        String range = data.consumeRemainingAsString().replaceAll("[\\r\\n]", "");
        try (Socket s = new Socket("127.0.0.1", SERVER.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /" + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + (range.isEmpty() ? "" : "Range: " + range + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = new String(readAll(s.getInputStream()), StandardCharsets.ISO_8859_1);
            if (response.isEmpty()) return; // the JDK's server may close on a request line it cannot parse
            int status = Integer.parseInt(response.substring(9, 12));
            if (!ANSWERS.contains(status)) throw new AssertionError("status " + status + " for /" + path);
            if (response.contains(SECRET)) throw new AssertionError("a file outside the folder for /" + path);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException reset) {
            return new byte[0];
        }
    }
}
