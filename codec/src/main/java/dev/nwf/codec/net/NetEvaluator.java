package dev.nwf.codec.net;
/** Computes an {@link IntNet}'s integer outputs. Every implementation must agree bit for bit with the reference. */
public interface NetEvaluator {
    /**
     * @param input planes [channel][y * w + x]
     * @return output planes [channel][y * w + x]
     */
    int[][] evaluate(IntNet net, int[][] input, int w, int h);

    /**
     * Rows of the stripes a tall input is best given in ({@link Stripes}): the results are the same with any, the
     * memory and speed are not.
     */
    default int stripeRows() {
        return Stripes.STRIPE_ROWS;
    }

    /** A short name for messages and reports (e.g. "reference", "djl-cpu-fp32"). */
    String name();
}
