package dev.nwf.web;

import dev.nwf.codec.CodingToolException;
import dev.nwf.codec.CorruptLevelException;
import dev.nwf.codec.Image;
import dev.nwf.codec.LevelListener;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.codec.UnknownModelException;
import dev.nwf.format.NwfFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The decoder as a browser sees it (TeaVM compiles this class and what it reaches to {@code nwf.js}): the codec's own
 * {@link NwfDecoder}, no second decoder. {@code nwfLoadModels(blob)} once with a {@link ModelBlob}, then
 * {@code nwfDecode(bytes, onLevel, onDone)}: each level's samples as soon as it is decoded (a cut file gives the
 * levels that arrived whole), then the end with an error name or null. One thread: the decoding runs in a TeaVM
 * thread so that it may block on the codec's monitors without blocking the page's own calls.
 */
public final class WebDecoder {
    private static final List<ModelBlob.Entry> MODELS = new ArrayList<>();

    private WebDecoder() {
    }

    /** Told each decoded level: its samples in raster order, channels interleaved. */
    @JSFunctor
    public interface LevelCallback extends JSObject {
        /** Level {@code level} of {@code levels}, {@code width x height}, as samples of {@code bitDepth} bits. */
        void level(int level, int levels, int width, int height, int channels, int bitDepth, Int32Array samples);
    }

    /** Told once decoding has ended. */
    @JSFunctor
    public interface DoneCallback extends JSObject {
        /**
         * @param error null when every level (or every whole level of a cut file) decoded, else the error's stable
         *              name (as the conformance manifests use), a colon and its message
         * @param levels the levels decoded
         */
        void done(String error, int levels);
    }

    /** Adds the models of a {@link ModelBlob}; returns how many there are now. */
    @JSExport
    public static int nwfLoadModels(Int8Array blob) {
        MODELS.addAll(ModelBlob.read(bytes(blob)));
        return MODELS.size();
    }

    /** Decodes a whole or cut .nwf file, level by level. */
    @JSExport
    public static void nwfDecode(Int8Array file, LevelCallback onLevel, DoneCallback onDone) {
        byte[] bytes = bytes(file);
        new Thread(() -> decode(bytes, onLevel, onDone)).start();
    }

    private static void decode(byte[] bytes, LevelCallback onLevel, DoneCallback onDone) {
        int[] levels = {0};
        LevelListener listener = new LevelListener() {
            @Override
            public void levelDecoded(int level, int totalLevels, Image image) {
                levels[0] = level + 1;
                onLevel.level(level, totalLevels, image.width(), image.height(), image.channels(), image.bitDepth(),
                        interleaved(image));
            }

            @Override
            public boolean wantsImages() {
                return true;
            }
        };
        String error = null;
        try {
            NwfDecoder.of(WebDecoder::resolve).withThreads(1).allowingPartial(true).withListener(listener)
                    .decode(bytes);
        } catch (Exception e) {
            error = errorName(e) + ": " + e.getMessage();
        }
        onDone.done(error, levels[0]);
    }

    private static dev.nwf.codec.NwfModel resolve(String id, byte[] digest) throws UnknownModelException {
        for (ModelBlob.Entry e : MODELS) {
            if (e.model().id().equals(id) && Arrays.equals(e.digest(), digest)) return e.model();
        }
        throw new UnknownModelException("model " + id + " is not among the page's " + MODELS.size() + " models");
    }

    /** The stable names of the conformance manifests (Conformance.errorKind). */
    static String errorName(Exception e) {
        if (e instanceof NwfFormatException f) return f.kind().name();
        if (e instanceof CorruptLevelException) return "CORRUPT_LEVEL";
        if (e instanceof CodingToolException t) return t.kind().name();
        if (e instanceof UnknownModelException) return "UNKNOWN_MODEL";
        return e.getClass().getSimpleName();
    }

    private static Int32Array interleaved(Image img) {
        int c = img.channels();
        int n = img.width() * img.height();
        Int32Array out = new Int32Array(n * c);
        for (int k = 0; k < c; k++) {
            int[] p = img.plane(k);
            for (int i = 0; i < n; i++) out.set(i * c + k, p[i]);
        }
        return out;
    }

    private static byte[] bytes(Int8Array a) {
        byte[] b = new byte[a.getLength()];
        for (int i = 0; i < b.length; i++) b[i] = a.get(i);
        return b;
    }
}
