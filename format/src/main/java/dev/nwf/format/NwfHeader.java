package dev.nwf.format;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The HEAD chunk (SPEC.md §2.4). The container stores the model identity but does not interpret it.
 *
 * @param width            image width in pixels, at least 1
 * @param height           image height in pixels, at least 1
 * @param channels         1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA)
 * @param bitDepth         bits per sample, 1..16
 * @param colourTransform  colour transform code (SPEC.md §2.4: 0 none, 1 YCoCg-R, 2 subtract green)
 * @param modelId          model-zoo id of the model that coded the levels
 * @param modelDigest      SHA-256 of that model's weights (32 bytes)
 * @param levels           number of level chunks, 1..{@value NwfContainer#MAX_LEVELS}
 * @param requiredFeatures bitset of features a decoder must implement (SPEC.md §2.4.1)
 */
public record NwfHeader(int width, int height, int channels, int bitDepth, int colourTransform, String modelId,
                        byte[] modelDigest, int levels, long requiredFeatures) {

    public static final int COLOUR_NONE = 0;
    public static final int COLOUR_YCOCG_R = 1;
    /** Since 1.2, with required-feature bit 1: G, R - G, B - G (SPEC.md §4.1). */
    public static final int COLOUR_SUBTRACT_GREEN = 2;
    /** Since 1.10, with required-feature bit 10: G, R, B, untransformed but green first (SPEC.md §4.1). */
    public static final int COLOUR_GREEN_FIRST = 3;

    /** The name of a colour transform code, as SPEC.md §2.4 lists them; undefined codes as "code N". */
    public static String colourTransformName(int code) {
        return switch (code) {
            case COLOUR_NONE -> "none";
            case COLOUR_YCOCG_R -> "YCoCg-R";
            case COLOUR_SUBTRACT_GREEN -> "subtract-green";
            case COLOUR_GREEN_FIRST -> "green-first";
            default -> "code " + code;
        };
    }
    public static final int DIGEST_BYTES = 32;
    public static final int MAX_MODEL_ID_BYTES = 255;

    public NwfHeader {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelDigest, "modelDigest");
        modelDigest = modelDigest.clone();
        if (width < 1 || height < 1) throw new IllegalArgumentException("image size must be at least 1x1: " + width + "x" + height);
        if (channels < 1 || channels > 4) throw new IllegalArgumentException("channels must be 1..4: " + channels);
        if (bitDepth < 1 || bitDepth > 16) throw new IllegalArgumentException("bit depth must be 1..16: " + bitDepth);
        if (colourTransform < 0 || colourTransform > 255) throw new IllegalArgumentException("colour transform code must be a byte: " + colourTransform);
        if (modelDigest.length != DIGEST_BYTES) throw new IllegalArgumentException("model digest must be 32 bytes: " + modelDigest.length);
        int idBytes = modelId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (idBytes < 1 || idBytes > MAX_MODEL_ID_BYTES) throw new IllegalArgumentException("model id must be 1.." + MAX_MODEL_ID_BYTES + " UTF-8 bytes: '" + modelId + "'");
        if (levels < 1 || levels > NwfContainer.MAX_LEVELS) throw new IllegalArgumentException("levels must be 1.." + NwfContainer.MAX_LEVELS + ": " + levels);
    }

    /** The same header with other required-feature bits (SPEC.md §2.4.1). */
    public NwfHeader withRequiredFeatures(long features) {
        return new NwfHeader(width, height, channels, bitDepth, colourTransform, modelId, modelDigest, levels, features);
    }

    @Override
    public byte[] modelDigest() {
        return modelDigest.clone();
    }

    public String modelDigestHex() {
        return HexFormat.of().formatHex(modelDigest);
    }

    public long pixelCount() {
        return (long) width * height;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NwfHeader h && width == h.width && height == h.height && channels == h.channels
                && bitDepth == h.bitDepth && colourTransform == h.colourTransform && modelId.equals(h.modelId)
                && Arrays.equals(modelDigest, h.modelDigest) && levels == h.levels && requiredFeatures == h.requiredFeatures;
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, bitDepth, colourTransform, modelId, Arrays.hashCode(modelDigest), levels, requiredFeatures);
    }

    @Override
    public String toString() {
        return "NwfHeader[" + width + "x" + height + ", channels=" + channels + ", bitDepth=" + bitDepth + ", colourTransform="
                + colourTransform + ", model=" + modelId + "@" + modelDigestHex().substring(0, 12) + ", levels=" + levels
                + ", features=0x" + Long.toHexString(requiredFeatures) + "]";
    }
}
