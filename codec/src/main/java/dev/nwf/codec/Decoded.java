package dev.nwf.codec;

/**
 * The result of a decode: the image at the finest level reached.
 *
 * @param levelsDecoded levels decoded (the image is the full image when this equals totalLevels)
 * @param stopReason    null when the whole file was decoded, otherwise why decoding stopped early
 */
public record Decoded(Image image, int levelsDecoded, int totalLevels, String stopReason) {
    public boolean isFull() {
        return levelsDecoded == totalLevels;
    }
}
