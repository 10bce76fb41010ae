package dev.nwf.codec.nwf.context;
/**
 * One stage of the nwf family's detail context (SPEC.md §6.3): something learnt inside the image that refines a
 * sample's prediction before it is coded and learns from its value after, as libjxl's weighted-predictor State does
 * with Predict and UpdateErrors. Encoder and decoder call the stages in the same order with the same {@link Sample}.
 * What a stage learns is kept per channel and band, so bands run side by side (SPEC.md §6.5): each band codes with its
 * own view from {@link #forBand}, which shares the learnt state and holds the per-sample scratch.
 */
public interface ContextStage {
    /** The stage for one band: the image's learnt state, with per-sample state of its own. */
    ContextStage forBand();

    /**
     * Refines the sample's prediction (its mean, local scale, calibration slot or index) from what is known before it.
     */
    void predict(Sample s);

    /** Learns from the sample, whose value and residual magnitude are now set. */
    void learn(Sample s);
}
