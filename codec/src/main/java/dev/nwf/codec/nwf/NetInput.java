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
        for (int i = 0; i < v.length; i++) {
            long x = (long) v[i] - (centre == null ? 0 : centre[i]);
            x = shift >= 0 ? x >> shift : x << -shift;
            out[i] = (int) Math.max(-bound, Math.min(bound, x));
        }
        return out;
    }
}
