package dev.nwf.codec.pixel;

/**
 * What a level's later channels read of its earlier ones (SPEC.md §4.4.2, records): per channel but the last (which
 * none reads) and pixel of the level, one record of how its sample was coded — the candidate it equalled (a flat
 * sample counts as equal to nb[0]), or its difference from the prediction, clamped. A byte a record where the depth is
 * at most 8, else two: one array of records where there were two (how, and the difference), so that the correction
 * costs a large graphic no memory.
 */
final class CrossChannel {
    /** Candidate positions a record can hold: the eight neighbours, the match model, the period, the short match. */
    static final int POSITIONS = 11;

    private final byte[][] bytes;
    private final short[][] shorts;
    /** The least record, a match at position 0; differences lie in ±{@link #limit}. */
    private final int match;
    private final int limit;

    CrossChannel(int channels, int pixels, int bitDepth) {
        int kept = Math.max(0, channels - 1);
        boolean narrow = bitDepth <= 8;
        bytes = narrow ? new byte[kept][pixels] : null;
        shorts = narrow ? null : new short[kept][pixels];
        match = narrow ? Byte.MIN_VALUE : Short.MIN_VALUE;
        limit = -match - POSITIONS;
    }

    /** Whether channel {@code c}'s records are kept (every channel but the last). */
    boolean kept(int c) {
        return c < (bytes != null ? bytes.length : shorts.length);
    }

    /** Records that channel {@code c}'s sample at {@code i} equalled the candidate at {@code position}. */
    void matched(int c, int i, int position) {
        put(c, i, match + position);
    }

    /** Records channel {@code c}'s difference {@code d} at {@code i}, clamped. */
    void difference(int c, int i, int d) {
        put(c, i, Math.max(-limit, Math.min(limit, d)));
    }

    private void put(int c, int i, int record) {
        if (bytes != null) bytes[c][i] = (byte) record;
        else shorts[c][i] = (short) record;
    }

    /** Channel {@code c}'s record at {@code i}. */
    int record(int c, int i) {
        return bytes != null ? bytes[c][i] : shorts[c][i];
    }

    /** The candidate position a record holds, -1 where it holds a difference. */
    int position(int record) {
        return record < match + POSITIONS ? record - match : -1;
    }

    /** The difference a record holds, 0 where it holds a candidate. */
    int differenceIn(int record) {
        return record < match + POSITIONS ? 0 : record;
    }
}
