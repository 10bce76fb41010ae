package dev.nwf.format;
/**
 * One entry of the LIDX level index (SPEC.md §2.5): the size of the image once this level is decoded, and the
 * exact length of its LEVL payload, so a viewer can plan a progressive load before reading any level.
 */
public record LevelInfo(int width, int height, int payloadLength) {
    /** Checks the size is at least 1x1 and the length not negative. */
    public LevelInfo {
        if (width < 1 || height < 1) throw new IllegalArgumentException("level size must be at least 1x1: " + width
                + "x" + height);
        if (payloadLength < 0) throw new IllegalArgumentException("negative payload length: " + payloadLength);
    }
}
