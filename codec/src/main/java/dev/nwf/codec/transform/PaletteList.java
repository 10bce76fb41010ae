package dev.nwf.codec.transform;

import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A palette's colours as the tool list carries them (SPEC.md §4.0.1): a LEB128 count, then the colours in order of
 * their key channel (green, or gray beside alpha) and then their samples, each coded against the colour before it by
 * adaptive binary decisions in a rANS stream. In that order the key channel only climbs, and the other colour
 * channels move with it: their differences from the key change little from one colour to the next. On 32×32 crops of
 * set P's renders this takes a third off DEFLATE's bytes for the same lists, where palettes were 2–3 % of the files.
 */
final class PaletteList {
    /** Binary decisions per value: exponent steps (at most depth + 1 bits), sign, mantissa. */
    private static final int MAX_BITS = 18;
    /** Kinds of value: the key's step, then the other channels' (4 of them) by whether the key moved. */
    private static final int KINDS = 9;
    /** Previous values' bit lengths told apart in the exponent's context. */
    private static final int PREVIOUS = 8;
    private static final int LIMIT = 30;
    private static final int MIN_P16 = 16;
    private static final int TOTAL = 1 << 16;
    private static final int[] RATE = new int[LIMIT + 1];

    static {
        for (int n = 0; n <= LIMIT; n++) RATE[n] = 65536 / (2 * n + 3);
    }

    private final int[] exponent = new int[KINDS * PREVIOUS * MAX_BITS];
    private final int[] sign = new int[KINDS * MAX_BITS];
    private final int[] mantissa = new int[KINDS * MAX_BITS * MAX_BITS];
    private final RansEncoder encoder;
    private final RansDecoder decoder;
    private int previousBits;

    private PaletteList(RansEncoder encoder, RansDecoder decoder) {
        this.encoder = encoder;
        this.decoder = decoder;
        // a counter's entry: 16-bit probability of a 1 above, updates so far below
        Arrays.fill(exponent, 32768 << 8);
        Arrays.fill(sign, 32768 << 8);
        Arrays.fill(mantissa, 32768 << 8);
    }

    /** The key channel: green of 3 or 4 channels, else channel 0 (gray beside alpha). */
    static int key(int channels) {
        return channels >= 3 ? 1 : 0;
    }

    /** Whether channel {@code q} of {@code channels} is alpha: the last of 2 or 4. */
    private static boolean alpha(int q, int channels) {
        return (channels == 2 || channels == 4) && q == channels - 1;
    }

    /** The list's bytes (without the tool list's length before them) for colours of this depth, in any order. */
    static byte[] write(int[][] colours, int depth) {
        int channels = colours[0].length;
        int g = key(channels);
        int[][] sorted = colours.clone();
        Arrays.sort(sorted, Comparator.<int[]>comparingInt(c -> c[g]).thenComparing(Palette::samples));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ValueMap.writeVarint(out, colours.length);
        PaletteList list = new PaletteList(new RansEncoder(), null);
        int[] previous = new int[channels];
        try {
            for (int[] colour : sorted) {
                int step = colour[g] - previous[g];
                list.value(step, 0, false, depth);
                for (int q = 0; q < channels; q++) {
                    if (q == g) continue;
                    list.value(difference(colour, previous, q, g, step, channels), kind(q, step), true, depth);
                }
                previous = colour;
            }
        } catch (CorruptStreamException e) {
            throw new IllegalStateException("an encoder reads no stream", e);
        }
        byte[] stream = list.encoder.finish();
        out.write(stream, 0, stream.length);
        return out.toByteArray();
    }

    /**
     * Reads the list in {@code b[start, end)}: {@code count} colours (already read) from {@code streamStart}, of this
     * many channels and depth; errors name offsets into {@code b}.
     */
    static int[][] read(byte[] b, int streamStart, int end, int count, int channels, int depth)
            throws CorruptStreamException {
        PaletteList list = new PaletteList(null, new RansDecoder(b, streamStart, end - streamStart));
        int g = key(channels);
        int max = (1 << depth) - 1;
        int[][] colours = new int[count][channels];
        int[] previous = new int[channels];
        for (int i = 0; i < count; i++) {
            int[] colour = colours[i];
            int step = list.value(0, 0, false, depth);
            colour[g] = check(previous[g] + step, max, i, g, depth, streamStart);
            for (int q = 0; q < channels; q++) {
                if (q == g) continue;
                int r = list.value(0, kind(q, step), true, depth);
                int base = alpha(q, channels) || step == 0 ? previous[q] : previous[q] - previous[g] + colour[g];
                colour[q] = check(base + r, max, i, q, depth, streamStart);
            }
            previous = colour;
        }
        list.decoder.checkEnd();
        return colours;
    }

    private static int check(int s, int max, int colour, int channel, int depth, int at)
            throws CorruptStreamException {
        if (s < 0 || s > max) throw new CorruptStreamException("palette colour " + colour + " sample " + channel
                + " is " + s + ", outside " + depth + "-bit samples", at);
        return s;
    }

    /**
     * A channel's value against the colour before: alpha's and, where the key did not move, every channel's plain
     * difference; else the change of its difference from the key.
     */
    private static int difference(int[] colour, int[] previous, int q, int g, int step, int channels) {
        if (alpha(q, channels) || step == 0) return colour[q] - previous[q];
        return colour[q] - colour[g] - (previous[q] - previous[g]);
    }

    private static int kind(int q, int step) {
        return 1 + (step > 0 ? 4 : 0) + q;
    }

    /**
     * Codes (or, decoding, reads) {@code v}: its bit length e as steps "e > k" (k below depth + 1), its sign if
     * {@code signed} and e > 0, then bits e − 2 … 0.
     */
    private int value(int v, int kind, boolean signed, int depth) throws CorruptStreamException {
        int m = Math.abs(v);
        int e = 32 - Integer.numberOfLeadingZeros(m);
        int context = (kind * PREVIOUS + Math.min(PREVIOUS - 1, previousBits)) * MAX_BITS;
        int got = 0;
        for (int k = 0; k <= depth; k++) {
            if (bit(exponent, context + k, e > k ? 1 : 0) == 0) break;
            got = k + 1;
        }
        e = got;
        int negative = signed && e > 0 ? bit(sign, kind * MAX_BITS + e, v < 0 ? 1 : 0) : 0;
        int magnitude = e == 0 ? 0 : 1;
        for (int b = e - 2; b >= 0; b--) {
            magnitude = magnitude << 1 | bit(mantissa, (kind * MAX_BITS + e) * MAX_BITS + b, m >>> b & 1);
        }
        previousBits = e;
        return negative != 0 ? -magnitude : magnitude;
    }

    /** One decision under counter {@code counters[at]}: a 1 is [0, p), a 0 [p, 2^16), as SPEC.md §4.4.4. */
    private int bit(int[] counters, int at, int bit) throws CorruptStreamException {
        int entry = counters[at];
        int p16 = entry >>> 8;
        int p = Math.max(MIN_P16, Math.min(TOTAL - MIN_P16, p16));
        if (encoder != null) {
            if (bit != 0) encoder.put(0, p);
            else encoder.put(p, TOTAL - p);
        } else {
            bit = decoder.peek() < p ? 1 : 0;
            if (bit != 0) decoder.advance(0, p);
            else decoder.advance(p, TOTAL - p);
        }
        int n = entry & 0xFF;
        p16 += ((bit != 0 ? 65535 : 0) - p16) * RATE[n] >> 15;
        counters[at] = p16 << 8 | Math.min(LIMIT, n + 1);
        return bit;
    }
}
