package dev.nwf.codec;

/**
 * What shapes a detail level's context beyond the network (SPEC.md §6.3): the adaptive context (§6.3.3-6.3.4), the
 * zero context (§6.3.6), the bias correction (§6.3.7), the error feedback (§6.3.8), the image's block grid (§6.3.5) and
 * the split filter (§4.2), the learnt scale blend (§6.3.9).
 * All but the split filter's 5/3 work through the adaptive context and need it.
 *
 * @param grid    the image's block grid, or null
 * @param network whether the prior network gives the scales; only Haar levels go without it (§6.3, feature bit 6)
 */
record DetailContext(boolean adaptive, boolean zero, boolean bias, boolean feedback, boolean scaleBlend, BlockGrid grid, Lifting.Filter filter,
                     boolean network) {
    DetailContext {
        if (!network && filter != Lifting.Filter.HAAR) throw new IllegalArgumentException("only Haar levels go without the network");
        if (!adaptive) {
            if (grid != null) throw new IllegalArgumentException("a block grid needs the adaptive context");
            if (filter == Lifting.Filter.HAAR) throw new IllegalArgumentException("the Haar split needs the adaptive context");
            if (zero) throw new IllegalArgumentException("the zero context needs the adaptive context");
            if (bias) throw new IllegalArgumentException("the bias correction needs the adaptive context");
            if (feedback) throw new IllegalArgumentException("the error feedback needs the adaptive context");
            if (scaleBlend) throw new IllegalArgumentException("the learnt scale blend needs the adaptive context");
        }
    }

    boolean haar() {
        return filter == Lifting.Filter.HAAR;
    }
}
