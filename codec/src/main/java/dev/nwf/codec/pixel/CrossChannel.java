package dev.nwf.codec.pixel;

/**
 * What a level's later channels read of its earlier ones (SPEC.md §4.4.2), indexed by channel and the pixel's place
 * in the level: how each sample was coded ({@link #results}), and the difference from its prediction of each sample
 * coded as one, 0 for the others ({@link #differences}); both kept for every channel but the last, which none reads.
 */
final class CrossChannel {
    final byte[][] results;
    final short[][] differences;

    CrossChannel(int channels, int pixels) {
        results = new byte[Math.max(0, channels - 1)][pixels];
        differences = new short[Math.max(0, channels - 1)][pixels];
    }
}
