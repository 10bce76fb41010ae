package dev.nwf.codec.nwf.context;

import dev.nwf.codec.entropy.CodingTables;

/**
 * Online calibration of the local scale inside an image (SPEC.md §6.3.4): for each (channel, band, grid class, local
 * index), the running mean of the residual magnitudes actually coded under that index, weighted against the index's
 * nominal MAD as if it had been seen {@value #PRIOR} times, picks the index used instead. Counts halve at {@value
 * #HALVE_AT} so the calibration follows the image. Integer-only; encoder and decoder update it in the same order.
 */
public final class ScaleCalibration implements ContextStage {
    static final int PRIOR = 16;
    static final int HALVE_AT = 256;

    private final long[][][] sums;
    private final int[][][] counts;

    /** @param slots per channel: the three bands times their block-grid classes (SPEC.md §6.3.5) */
    public ScaleCalibration(int channels, int slots) {
        this.sums = new long[channels][slots][CodingTables.SCALES];
        this.counts = new int[channels][slots][CodingTables.SCALES];
    }

    /** The calibration keeps no per-sample state: every band shares it, each writing slots of its own. */
    @Override
    public ScaleCalibration forBand() {
        return this;
    }

    /** Sets the index the sample is coded with, calibrated from its local index (SPEC.md §6.3.4). */
    @Override
    public void predict(Sample s) {
        s.scale = calibrated(s.c, s.slot, s.local);
    }

    /** Records the magnitude coded under the sample's local index. */
    @Override
    public void learn(Sample s) {
        record(s.c, s.slot, s.local, s.magnitude);
    }

    /** The index to code with in place of the local index {@code local}; {@code b} is the band's slot. */
    public int calibrated(int c, int b, int local) {
        if (counts[c][b][local] == 0) return local; // no evidence yet (and the lowest indices share one nominal MAD)
        long sum = sums[c][b][local] + (long) PRIOR * LocalScale.mad(local);
        return LocalScale.index((sum << 10) / (counts[c][b][local] + PRIOR));
    }

    /** A sample whose local index was {@code local} was coded with residual magnitude {@code magnitude}. */
    public void record(int c, int b, int local, int magnitude) {
        sums[c][b][local] += magnitude;
        if (++counts[c][b][local] == HALVE_AT) {
            sums[c][b][local] >>= 1;
            counts[c][b][local] >>= 1;
        }
    }
}
