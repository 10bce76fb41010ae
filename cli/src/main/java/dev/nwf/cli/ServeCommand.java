package dev.nwf.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nwf serve DIR}: the browser viewer and a folder's .nwf files over HTTP, until interrupted. */
@Command(name = "serve",
        description = "Serve a folder's .nwf files and the browser viewer (decoder compiled to JavaScript) over HTTP.")
final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Folder whose .nwf files (and subfolders') are served.")
    Path dir;

    @Option(names = "--port", defaultValue = "8080", description = "Port (0: any free one; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--throttle", paramLabel = "KB/s", defaultValue = "0",
            description = "Send each served file at most this many kilobytes a second, to watch levels arrive "
                    + "(0: no cap).")
    long throttle;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0..65535: " + port);
        if (throttle < 0) throw new IllegalArgumentException("--throttle must not be negative: " + throttle);
        NwfServer server = new NwfServer(dir, bind, port, throttle * 1000);
        System.err.printf("serving %s at http://%s:%d/ (viewer; files at /files/NAME)%s; Ctrl-C stops%n", dir, bind,
                server.port(), throttle > 0 ? ", files at " + throttle + " KB/s" : "");
        Thread.currentThread().join();
        return ExitCodes.OK;
    }
}
