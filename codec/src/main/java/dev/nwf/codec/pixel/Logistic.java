package dev.nwf.codec.pixel;

/**
 * The logistic domain of the pixel model (SPEC.md §4.4.3) as integer tables: {@link #squash} maps a stretched value
 * d (in 1/256 units, -2047..2047) to a 12-bit probability 4096 / (1 + e^(-d/256)), {@link #stretch} is its inverse.
 * Built once with {@link StrictMath}, whose results are the same on every machine, then used as integers only.
 */
final class Logistic {
    static final int LIMIT = 2047;
    private static final int[] SQUASH = new int[2 * LIMIT + 1];
    private static final int[] STRETCH = new int[4096];

    static {
        for (int d = -LIMIT; d <= LIMIT; d++) {
            long p = StrictMath.round(4096.0 / (1.0 + StrictMath.exp(-d / 256.0)));
            SQUASH[d + LIMIT] = (int) Math.max(1, Math.min(4095, p));
        }
        // stretch(p): the smallest d whose squash reaches p, so that squash(stretch(p)) is close to p
        int p = 0;
        for (int d = -LIMIT; d <= LIMIT; d++) {
            int v = SQUASH[d + LIMIT];
            for (; p <= v; p++) STRETCH[p] = d;
        }
        for (; p < 4096; p++) STRETCH[p] = LIMIT;
    }

    private Logistic() {
    }

    /** A 12-bit probability (1..4095) from a stretched value, clamped to ±{@value #LIMIT}. */
    static int squash(int d) {
        if (d > LIMIT) d = LIMIT;
        if (d < -LIMIT) d = -LIMIT;
        return SQUASH[d + LIMIT];
    }

    /** The stretched value of a 12-bit probability (0..4095). */
    static int stretch(int p12) {
        return STRETCH[p12];
    }
}
