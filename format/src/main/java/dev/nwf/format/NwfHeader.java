package dev.nwf.format;

import java.util.Arrays;
import java.util.Objects;

/**
 * The HEAD chunk (SPEC.md §2.4). The container stores the model identity and the coding-tool list but interprets
 * neither: the tool list is bytes the codec parses (SPEC.md §2.4.1).
 *
 * @param width       image width in pixels, at least 1
 * @param height      image height in pixels, at least 1
 * @param channels    1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA)
 * @param bitDepth    bits per sample, 1..16
 * @param modelId     model-zoo id of the model that coded the levels
 * @param modelDigest SHA-256 of that model's weights (32 bytes)
 * @param levels      number of level chunks, 1..{@value NwfContainer#MAX_LEVELS}
 * @param tools       the coding-tool list (SPEC.md §2.4.1), at most {@value #MAX_TOOL_BYTES} bytes; empty for none
 */
public record NwfHeader(int width, int height, int channels, int bitDepth, String modelId, byte[] modelDigest,
        int levels,
                        byte[] tools) {
    /** Length of the model digest (SHA-256). */
    public static final int DIGEST_BYTES = 32;
    /** Longest model id in UTF-8 bytes. */
    public static final int MAX_MODEL_ID_BYTES = 255;
    /** The tool list runs to HEAD's end; below 2^24 bytes (a value map may hold 2^16 values per channel). */
    public static final int MAX_TOOL_BYTES = (1 << 24) - 1;

    /** Checks every field against SPEC.md §2.4 and copies the arrays. */
    public NwfHeader {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelDigest, "modelDigest");
        Objects.requireNonNull(tools, "tools");
        modelDigest = modelDigest.clone();
        tools = tools.clone();
        if (width < 1 || height < 1) throw new IllegalArgumentException("image size must be at least 1x1: " + width
                + "x" + height);
        if (channels < 1 || channels > 4) throw new IllegalArgumentException("channels must be 1..4: " + channels);
        if (bitDepth < 1 || bitDepth > 16) throw new IllegalArgumentException("bit depth must be 1..16: " + bitDepth);
        if (modelDigest.length != DIGEST_BYTES) throw new IllegalArgumentException("model digest must be 32 bytes: "
                + modelDigest.length);
        int idBytes = modelId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (idBytes < 1 || idBytes > MAX_MODEL_ID_BYTES) throw new IllegalArgumentException("model id must be 1.."
                + MAX_MODEL_ID_BYTES + " UTF-8 bytes: '" + modelId + "'");
        if (levels < 1 || levels > NwfContainer.MAX_LEVELS) throw new IllegalArgumentException("levels must be 1.."
                + NwfContainer.MAX_LEVELS + ": " + levels);
        if (tools.length > MAX_TOOL_BYTES) throw new IllegalArgumentException("tool list must be at most "
                + MAX_TOOL_BYTES + " bytes: " + tools.length);
    }

    /** The same header with another coding-tool list. */
    public NwfHeader withTools(byte[] newTools) {
        return new NwfHeader(width, height, channels, bitDepth, modelId, modelDigest, levels, newTools);
    }

    /** A copy of the model's SHA-256 digest. */
    @Override
    public byte[] modelDigest() {
        return modelDigest.clone();
    }

    /** A copy of the coding-tool list's bytes. */
    @Override
    public byte[] tools() {
        return tools.clone();
    }

    /** The model digest as 64 lower-case hex digits. */
    public String modelDigestHex() {
        return Hex.of(modelDigest);
    }

    /** Width of level {@code i}: the image's divided by 2^(levels - 1 - i), rounded up (SPEC.md §4.3, §2.5). */
    public int levelWidth(int i) {
        return levelWidth(i, 1);
    }

    /** Height of level {@code i}: the image's divided by 2^(levels - 1 - i), rounded up. */
    public int levelHeight(int i) {
        return levelHeight(i, 1);
    }

    /**
     * Width of level {@code i} where the finest level follows a jump of {@code jump} halvings (SPEC.md §2.5): level
     * i &lt; levels − 1 is the image's divided by 2^(levels − 2 − i + jump), rounded up; the finest is the
     * image's.
     */
    public int levelWidth(int i, int jump) {
        return levelSide(width, levels, i, jump);
    }

    /** Height of level {@code i} where the finest level follows a jump of {@code jump} halvings. */
    public int levelHeight(int i, int jump) {
        return levelSide(height, levels, i, jump);
    }

    /**
     * The jump before the finest level that the level before it, {@code width} x {@code height}, shows: the least j
     * of 1..{@value #MAX_JUMP} at which that level has that size, 1 where none has (or where there is one level).
     */
    public int finestJump(int width, int height) {
        if (levels < 2) return 1;
        for (int j = 1; j <= MAX_JUMP; j++) {
            if (levelWidth(levels - 2, j) == width && levelHeight(levels - 2, j) == height) return j;
        }
        return 1;
    }

    /** The largest jump before the finest level: a level of stride 2^31 is one pixel of any image. */
    public static final int MAX_JUMP = 31;

    /** Side of level {@code i} of {@code n}: {@code side} divided by 2^(n-1-i), rounded up. */
    static int levelSide(int side, int n, int i) {
        return levelSide(side, n, i, 1);
    }

    /** Side of level {@code i} of {@code n}, the finest after a jump of {@code jump} halvings. */
    static int levelSide(int side, int n, int i, int jump) {
        int shift = i == n - 1 ? 0 : n - 2 - i + jump;
        if (shift >= 31) return 1;
        return (int) (((long) side + (1L << shift) - 1) >> shift);
    }

    /** Width times height. */
    public long pixelCount() {
        return (long) width * height;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NwfHeader h && width == h.width && height == h.height && channels == h.channels
                && bitDepth == h.bitDepth && modelId.equals(h.modelId) && Arrays.equals(modelDigest, h.modelDigest)
                && levels == h.levels && Arrays.equals(tools, h.tools);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, bitDepth, modelId, Arrays.hashCode(modelDigest), levels,
                Arrays.hashCode(tools));
    }

    @Override
    public String toString() {
        return "NwfHeader[" + width + "x" + height + ", channels=" + channels + ", bitDepth=" + bitDepth + ", model="
                + modelId
                + "@" + modelDigestHex().substring(0, 12) + ", levels=" + levels + ", tools="
                        + Hex.of(tools) + "]";
    }
}
