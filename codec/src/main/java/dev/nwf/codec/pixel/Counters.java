package dev.nwf.codec.pixel;

/**
 * Adaptive bit probabilities in int tables (SPEC.md §4.4.3). An entry holds a 16-bit probability of a 1 (stored
 * exclusive-or 2^15, so that a zero entry is a fresh one at one half) and, in its low 10 bits, how often it was
 * updated; the update moves the probability by 1/(n + 1.5) of its error until n reaches the table's limit.
 */
final class Counters {
    private static final int[] RATE = new int[1024];

    static {
        for (int n = 0; n < RATE.length; n++) RATE[n] = (int) (65536L / (2 * n + 3));
    }

    private Counters() {
    }

    static int p16(int entry) {
        return (entry >>> 10) ^ 0x8000;
    }

    /** The entry's probability, stretched (for the mixer). */
    static int stretched(int entry) {
        return Logistic.stretch(p16(entry) >>> 4);
    }

    static int updated(int entry, int bit, int limit) {
        int p = p16(entry);
        int n = entry & 1023;
        p += ((bit != 0 ? 65535 : 0) - p) * RATE[n] >> 15;
        if (n < limit) n++;
        return (p ^ 0x8000) << 10 | n;
    }
}
