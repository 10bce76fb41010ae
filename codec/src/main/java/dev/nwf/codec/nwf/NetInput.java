package dev.nwf.codec.nwf;
/** Samples scaled to the 8-bit range the networks are trained at (SPEC.md §6.2, §8.2). */
public final class NetInput {
    private NetInput() {
    }

    /**
     * (v - centre) shifted by {@code bitDepth - 8} (floor) and clamped to +-{@code bound}.
     *
     * @param centre subtracted first, sample by sample; null for none
     */
    public static int[] scaled(int[] v, int[] centre, int bitDepth, int bound) {
        int shift = bitDepth - 8;
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = scaled((long) v[i] - (centre == null ? 0 : centre[i]), shift,
                bound);
        return out;
    }

    /** Samples [start, end) of {@code v}, scaled as {@link #scaled(int[], int[], int, int)} does without a centre. */
    public static int[] scaled(int[] v, int start, int end, int bitDepth, int bound) {
        int shift = bitDepth - 8;
        int[] out = new int[end - start];
        for (int i = start; i < end; i++) out[i - start] = scaled(v[i], shift, bound);
        return out;
    }

    private static int scaled(long x, int shift, int bound) {
        long s = shift >= 0 ? x >> shift : x << -shift;
        return (int) Math.max(-bound, Math.min(bound, s));
    }
}
