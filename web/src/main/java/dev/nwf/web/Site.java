package dev.nwf.web;

import java.io.IOException;
import java.io.InputStream;

/**
 * The files of the browser viewer, as resources of this jar: {@code viewer.html}, the decoder TeaVM compiled at build
 * time as a WebAssembly GC module ({@code nwf.wasm}, with TeaVM's loader {@code wasm-gc-runtime.min.js}) and as
 * JavaScript ({@code nwf.js}, for browsers without WebAssembly GC). What {@code nwf serve} hands out next to the .nwf
 * files and the models' blob.
 */
public final class Site {
    /** The files there are. */
    public static final java.util.List<String> FILES = java.util.List.of("viewer.html", "nwf.js", "nwf.wasm",
            "wasm-gc-runtime.min.js");

    private Site() {
    }

    /** The bytes of one of {@link #FILES}. */
    public static byte[] read(String name) throws IOException {
        if (!FILES.contains(name)) throw new IllegalArgumentException("not a file of the viewer: " + name);
        try (InputStream in = Site.class.getResourceAsStream("site/" + name)) {
            if (in == null) throw new IOException(name + " is missing from the nwf-web jar (built without TeaVM?)");
            return in.readAllBytes();
        }
    }
}
