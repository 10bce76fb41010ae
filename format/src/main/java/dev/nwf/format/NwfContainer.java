package dev.nwf.format;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code .nwf} container (SPEC.md §2): the single public entry point of this module. It frames opaque level
 * payloads; it knows nothing of models or pixels.
 */
public final class NwfContainer {
    /** Non-ASCII first byte, the name, then CR LF, Ctrl-Z, LF to detect text-mode and 7-bit transfer damage. */
    static final byte[] SIGNATURE = {(byte) 0x8E, 'N', 'W', 'F', 0x0D, 0x0A, 0x1A, 0x0A};
    public static final int VERSION_MAJOR = 1;
    public static final int VERSION_MINOR = 11;
    /** Signature and the two version bytes: the first chunk starts here (SPEC.md §2.1). */
    public static final int PREAMBLE_BYTES = SIGNATURE.length + 2;
    /** Largest chunk payload: 2^31 - 1 bytes. */
    public static final long MAX_CHUNK_BYTES = Integer.MAX_VALUE;
    public static final int MAX_LEVELS = 255;
    /**
     * Required-feature bit 0 (SPEC.md §2.4.1, since 1.1): the levels are coded with the codec's adaptive context. The
     * container only registers the bit; what it means is the codec's business.
     */
    public static final long FEATURE_ADAPTIVE_CONTEXT = 1L;
    /**
     * Required-feature bit 1 (SPEC.md §2.4.1, since 1.2): the colour transform is subtract green (header code 2).
     * Registered here so that readers that predate it refuse such files by the bit, before any pixel work.
     */
    public static final long FEATURE_SUBTRACT_GREEN = 1L << 1;
    /**
     * Required-feature bit 2 (SPEC.md §2.4.1, since 1.3): level 0's payload starts with a value map per channel and the
     * levels code ranks into it. The container only registers the bit.
     */
    public static final long FEATURE_VALUE_MAP = 1L << 2;
    /**
     * Required-feature bit 3 (SPEC.md §2.4.1, since 1.3): level 0 names a block grid and the adaptive context keeps its
     * state per position in the grid. The container only registers the bit.
     */
    public static final long FEATURE_BLOCK_GRID = 1L << 3;
    /**
     * Required-feature bit 4 (SPEC.md §2.4.1, since 1.4): every level is split with the integer Haar filter instead of
     * the 5/3. The container only registers the bit.
     */
    public static final long FEATURE_HAAR_SPLIT = 1L << 4;
    /**
     * Required-feature bit 5 (SPEC.md §2.4.1, since 1.5): detail levels code the value 0 with an adaptive frequency.
     * The container only registers the bit.
     */
    public static final long FEATURE_ZERO_CONTEXT = 1L << 5;
    /**
     * Required-feature bit 6 (SPEC.md §2.4.1, since 1.6): the Haar levels' scales start from a constant instead of the
     * prior network's, so no network is evaluated. The container only registers the bit.
     */
    public static final long FEATURE_NETWORK_FREE_HAAR = 1L << 6;
    /**
     * Required-feature bit 7 (SPEC.md §2.4.1, since 1.7): detail levels correct their means by context-wise running
     * errors. The container only registers the bit.
     */
    public static final long FEATURE_BIAS_CORRECTION = 1L << 7;
    /**
     * Required-feature bit 8 (SPEC.md §2.4.1, since 1.8): the detail levels' mean filter also reads its own earlier
     * errors. The container only registers the bit.
     */
    public static final long FEATURE_ERROR_FEEDBACK = 1L << 8;
    /**
     * Required-feature bit 9 (SPEC.md §2.4.1, since 1.9): each detail level holds one entropy-coded stream per band, so
     * that bands decode on several cores. The container only registers the bit.
     */
    public static final long FEATURE_BAND_STREAMS = 1L << 9;
    /**
     * Required-feature bit 10 (SPEC.md §2.4.1, since 1.10): the colour transform is green first (header code 3).
     * Registered here so that readers that predate it refuse such files by the bit, before any pixel work.
     */
    public static final long FEATURE_GREEN_FIRST = 1L << 10;
    /**
     * Required-feature bit 11 (SPEC.md §2.4.1, since 1.11): the detail levels' local scale blends its magnitudes with
     * weights learnt inside the image. The container only registers the bit.
     */
    public static final long FEATURE_SCALE_BLEND = 1L << 11;

    /** Required-feature bits by the minor version that defined them: bit i of {@code FEATURES_BY_MINOR[m]} since 1.m. */
    private static final long[] FEATURES_BY_MINOR = {0, FEATURE_ADAPTIVE_CONTEXT, FEATURE_SUBTRACT_GREEN,
        FEATURE_VALUE_MAP | FEATURE_BLOCK_GRID, FEATURE_HAAR_SPLIT, FEATURE_ZERO_CONTEXT, FEATURE_NETWORK_FREE_HAAR, FEATURE_BIAS_CORRECTION,
        FEATURE_ERROR_FEEDBACK, FEATURE_BAND_STREAMS, FEATURE_GREEN_FIRST, FEATURE_SCALE_BLEND};

    /** The required-feature bits defined up to format 1.{@code minor}: 1.0 none, then more bits with each minor version. */
    public static long featuresUpTo(int minor) {
        if (minor < 0 || minor > VERSION_MINOR) throw new IllegalArgumentException("format 1." + minor + " is not defined; the newest is 1." + VERSION_MINOR);
        long bits = 0;
        for (int m = 0; m <= minor; m++) bits |= FEATURES_BY_MINOR[m];
        return bits;
    }

    /** Required-feature bits defined by this version of the spec. */
    public static final long KNOWN_FEATURES = FEATURE_ADAPTIVE_CONTEXT | FEATURE_SUBTRACT_GREEN | FEATURE_VALUE_MAP
            | FEATURE_BLOCK_GRID | FEATURE_HAAR_SPLIT | FEATURE_ZERO_CONTEXT | FEATURE_NETWORK_FREE_HAAR
            | FEATURE_BIAS_CORRECTION | FEATURE_ERROR_FEEDBACK | FEATURE_BAND_STREAMS | FEATURE_GREEN_FIRST | FEATURE_SCALE_BLEND;

    private NwfContainer() {
    }

    /** The names of the set feature bits, as SPEC.md §2.4.1 lists them; undefined bits as "bit N". */
    public static java.util.List<String> featureNames(long features) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int bit = 0; bit < Long.SIZE; bit++) {
            if ((features >>> bit & 1) == 0) continue;
            long b = 1L << bit;
            names.add(b == FEATURE_ADAPTIVE_CONTEXT ? "adaptive-context" : b == FEATURE_SUBTRACT_GREEN ? "subtract-green"
                    : b == FEATURE_VALUE_MAP ? "value-map" : b == FEATURE_BLOCK_GRID ? "block-grid" : b == FEATURE_HAAR_SPLIT ? "haar-split"
                    : b == FEATURE_ZERO_CONTEXT ? "zero-context" : b == FEATURE_NETWORK_FREE_HAAR ? "network-free-haar"
                    : b == FEATURE_BIAS_CORRECTION ? "bias-correction" : b == FEATURE_ERROR_FEEDBACK ? "error-feedback"
                    : b == FEATURE_BAND_STREAMS ? "band-streams" : b == FEATURE_GREEN_FIRST ? "green-first"
                    : b == FEATURE_SCALE_BLEND ? "scale-blend" : "bit " + bit);
        }
        return names;
    }

    public static byte[] signature() {
        return SIGNATURE.clone();
    }

    public static void write(NwfFile file, OutputStream out) throws IOException {
        ContainerWriter.write(file, out);
    }

    public static byte[] toBytes(NwfFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ContainerWriter.write(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes atomically: temp file in the same directory, then rename. */
    public static void write(NwfFile file, Path target, boolean overwrite) throws IOException {
        AtomicFiles.write(target, overwrite, out -> ContainerWriter.write(file, out));
    }

    /** Reads what the stream holds; a truncated stream yields its verified levels (see {@link NwfRead}). */
    public static NwfRead read(InputStream in, ReadOptions options) throws IOException {
        return NwfStreamReader.open(in, options).readRest();
    }

    public static NwfRead read(byte[] bytes, ReadOptions options) throws IOException {
        return read(new ByteArrayInputStream(bytes), options);
    }

    public static NwfRead read(Path path, ReadOptions options) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            return read(in, options);
        }
    }

    /** Opens a stream for level-by-level reading. */
    public static NwfStreamReader open(InputStream in, ReadOptions options) throws IOException {
        return NwfStreamReader.open(in, options);
    }
}
