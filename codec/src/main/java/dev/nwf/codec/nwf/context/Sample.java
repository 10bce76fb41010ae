package dev.nwf.codec.nwf.context;

import dev.nwf.codec.nwf.LevelResiduals;

/**
 * The sample a detail band is coding, as every {@link ContextStage} sees it (SPEC.md §6.3): one object per band, its
 * band fields set once, its sample fields advanced sample by sample and refined stage by stage. It replaces the 9 to
 * 13 arguments each stage's calls used to take. Fields are public: it is the internal parameter block of a hot loop.
 */
public final class Sample {
    // the band: fixed while it is coded (the creator sets what its stages read)
    /** Channel and band (0 HL, 1 LH, 2 HH). */
    public final int c;
    public final int b;
    /** The band's size (the low-pass size of the level). */
    public final int w;
    public final int h;
    /** Whether this is the finest detail level. */
    public boolean finest;
    /** The band's samples, valid before {@link #i}. */
    public int[] v;
    /**
     * The network's means of this band in 1/16 units, before any correction; null under Haar (all zero) and without
     * the adaptive mean.
     */
    public PackedInts netMean;
    /** The network's scale indices of this band; null without the network (every one 16, as under Haar). */
    public byte[] netScale;
    /** The band's residuals (16·v − mean), valid before {@link #i}. */
    public PackedInts res;
    /**
     * The magnitudes coded at the same positions before this band (SPEC.md §6.3.1), and under Haar the low-pass slope.
     */
    public PackedInts[] co;
    /**
     * How many co-located magnitudes the coder gives per sample instead of as arrays in {@link #co} (the parent level's
     * residual, under Haar the low-pass slope), and their sum at the current sample.
     */
    public int coExtraCount;
    public long coExtra;
    /** This channel's bands (complete before {@link #b}) and channel 0's (complete; null for channel 0). */
    public int[][] ownBands;
    public int[][] lumaBands;
    /** This channel's low-pass at this level (the bands' LL). */
    public int[] low;
    /** The residuals of this level and the one before it. */
    public LevelResiduals levels;
    /**
     * The filter's errors in this band and in the bands before it (SPEC.md §6.3.8); null without the error feedback.
     */
    public PackedInts errors;
    public PackedInts[] coErrors;
    /** Where the low-pass is flat (the zero context's pattern); null without the zero context. */
    public boolean[] flat;
    /** The local scale's weights of the left and upper neighbours for this band (SPEC.md §6.3.1). */
    public int leftWeight;
    public int upWeight;

    // the sample: set by the coder, then refined by the stages in order
    /** Index in the band, and its column and row. */
    public int i;
    public int x;
    public int y;
    /** Block-grid class (SPEC.md §6.3.5), 0 without a grid. */
    public int gridClass;
    /** The mean, 1/16 units, as the stages so far have refined it. */
    public int mean;
    /** The adaptive mean's own mean: before the bias correction, what the filter's errors are taken from. */
    public int filterMean;
    /** The local scale index (SPEC.md §6.3.1, §6.3.9), before calibration. */
    public int local;
    /** The calibration's slot: band and grid class, with the bias correction also the mean's class. */
    public int slot;
    /** The scale index to code with (after calibration, before the band's offset). */
    public int scale;
    /** Once coded: the value and its residual's magnitude (1/16 units). */
    public int value;
    public int magnitude;

    public Sample(int c, int b, int w, int h) {
        this.c = c;
        this.b = b;
        this.w = w;
        this.h = h;
    }

    /** Moves to sample {@code index} of the band. */
    public void at(int index) {
        i = index;
        x = index % w;
        y = index / w;
    }
}
