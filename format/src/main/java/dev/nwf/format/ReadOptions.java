package dev.nwf.format;
/**
 * Limits a reader enforces before allocating anything, so hostile files fail with
 * {@link NwfFormatException.Kind#LIMIT_EXCEEDED} instead of exhausting memory.
 *
 * @param maxPixels largest width x height accepted
 */
public record ReadOptions(long maxPixels) {
    /** 2^28 pixels (16384 x 16384). */
    public static final long DEFAULT_MAX_PIXELS = 1L << 28;
    /** The default limits. */
    public static final ReadOptions DEFAULT = new ReadOptions(DEFAULT_MAX_PIXELS);

    /** Checks the limit is positive. */
    public ReadOptions {
        if (maxPixels < 1) throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }

    /** The same options with another pixel limit. */
    public ReadOptions withMaxPixels(long newMaxPixels) {
        return new ReadOptions(newMaxPixels);
    }
}
