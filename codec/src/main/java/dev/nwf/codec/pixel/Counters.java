package dev.nwf.codec.pixel;

/**
 * Adaptive bit probabilities (SPEC.md §4.4.3). The model's large tables hold short entries — a 12-bit probability of
 * a 1 and, in the low 4 bits, how often it was updated, up to 15 — half the memory of int entries, so that decoding
 * waits less on memory, and 0.4 % fewer bytes on set G's development half (faster adaptation). The flat counters keep
 * int entries: a 16-bit probability and a count up to 1023 in the low 10 bits. Either probability is stored
 * exclusive-or one half, so that a zero entry is a fresh one at one half; an update moves it by 1/(n + 1.5) of its
 * error.
 */
final class Counters {
    private static final int[] RATE = new int[1024];

    static {
        for (int n = 0; n < RATE.length; n++) RATE[n] = (int) (65536L / (2 * n + 3));
    }

    private Counters() {
    }

    /** A short counter's 12-bit probability of a 1 (stored exclusive-or 2^11: a zero entry is one half). */
    static int p12(short entry) {
        return (entry >>> 4 & 0xFFF) ^ 0x800;
    }

    /** A short counter's probability, stretched (for the mixer). */
    static int stretched(short entry) {
        return Logistic.stretch(p12(entry));
    }

    /**
     * A short counter after the bit: its probability, as 16 bits with four zero low bits, moves as an int entry's;
     * its low 4 bits count updates up to 15, so its rate falls to 1/16.5 and no lower.
     */
    static short updated(short entry, int bit) {
        int p = p12(entry) << 4;
        int n = entry & 15;
        p += ((bit != 0 ? 65535 : 0) - p) * RATE[n] >> 15;
        if (n < 15) n++;
        return (short) (((p >> 4) ^ 0x800) << 4 | n);
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
