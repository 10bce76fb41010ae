package dev.nwf.codec.nwf;

import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.transform.Lifting;

/**
 * What shapes a detail level's context beyond the network (SPEC.md §6.3), from the file's coding tools: the adaptive
 * mean (§6.3.3-6.3.4), the zero context (§6.3.6), the bias correction (§6.3.7), the error feedback (§6.3.8), the learnt
 * scale blend (§6.3.9), the image's block grid (§6.3.5) and the split filter (§4.2). All but the split filter's 5/3
 * work through the adaptive mean and need it; Haar levels evaluate no network (their scales start from a constant).
 *
 * @param grid the image's block grid, or null
 */
public record DetailContext(boolean adaptive, boolean zero, boolean bias, boolean feedback, boolean scaleBlend,
        BlockGrid grid,
                     Lifting.Filter filter) {
    public DetailContext {
        if (!adaptive) {
            if (grid != null) throw new IllegalArgumentException("a block grid needs the adaptive mean");
            if (filter == Lifting.Filter.HAAR) throw new
                    IllegalArgumentException("the Haar split needs the adaptive mean");
            if (zero) throw new IllegalArgumentException("the zero context needs the adaptive mean");
            if (bias) throw new IllegalArgumentException("the bias correction needs the adaptive mean");
            if (feedback) throw new IllegalArgumentException("the error feedback needs the adaptive mean");
            if (scaleBlend) throw new IllegalArgumentException("the learnt scale blend needs the adaptive mean");
        }
    }

    boolean haar() {
        return filter == Lifting.Filter.HAAR;
    }

    /** Whether the prior network gives the scales: Haar levels go without it (SPEC.md §6.3). */
    boolean network() {
        return !haar();
    }
}
