package dev.nwf.codec;

import java.util.Map;

/**
 * The result of a decode: the image at the finest level reached, and what the file carried besides pixels.
 *
 * @param levelsDecoded levels decoded (the image is the full image when this equals totalLevels)
 * @param stopReason    null when the whole file was decoded, otherwise why decoding stopped early
 * @param metadata      the file's meta JSON object (empty when none)
 * @param icc           ICC profile, or null
 * @param exif          EXIF bytes, or null
 */
public record Decoded(Image image, int levelsDecoded, int totalLevels, String stopReason, Map<String, Object> metadata,
                      byte[] icc, byte[] exif) {
    /** Keeps the metadata in the file's order. */
    public Decoded {
        // in the file's order: Map.copyOf's order changes from run to run
        metadata = metadata == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** Whether every level was decoded (the full-size image). */
    public boolean isFull() {
        return levelsDecoded == totalLevels;
    }
}
