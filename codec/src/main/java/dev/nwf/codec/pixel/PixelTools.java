package dev.nwf.codec.pixel;

/**
 * What pixel levels do besides their levels' shape (SPEC.md §4.4–§4.4.12): compare samples with candidates or code
 * differences only, mix the expert, and the tools that refine the expert or a difference's contexts. One value, so
 * that a new tool is one more component here rather than one more constructor of {@link PixelLevels}; what needs the
 * expert is checked here, what needs a grid by {@link PixelLevels}.
 *
 * @param candidates samples are first compared with candidates (false: differences only, SPEC.md §4.4)
 * @param expert a difference's decisions mix the expert's probability too (SPEC.md §4.4.5)
 * @param ownErrors the expert reads its own errors around each sample (tool expert-errors, SPEC.md §4.4.7)
 * @param classes the expert's location is learnt per class of the sample's neighbourhood (tool expert-classes,
 *     SPEC.md §4.4.8)
 * @param farContexts a difference is coded with the far and cross contexts (tool far-contexts, SPEC.md §4.4.9)
 * @param gridClasses a grid position's expert learns per quarter of the error level (tool grid-classes, SPEC.md
 *     §4.4.10)
 * @param packedLines a short difference's mantissa shares its exponent steps' line (tool packed-lines, SPEC.md
 *     §4.4.11)
 * @param colourGradients the colours' correction and coarse context read channel 0's gradients (tool
 *     colour-gradients, SPEC.md §4.4.12)
 */
public record PixelTools(boolean candidates, boolean expert, boolean ownErrors, boolean classes, boolean farContexts,
        boolean gridClasses, boolean packedLines, boolean colourGradients) {
    /** Candidates, no expert and none of its tools: pixel levels as SPEC.md §4.4 first defined them. */
    public static final PixelTools CANDIDATES = new PixelTools(true, false, false, false, false, false, false, false);
    /** Differences only, no expert. */
    public static final PixelTools DIFFERENCES = CANDIDATES.withCandidates(false);

    public PixelTools {
        if (ownErrors && !expert) throw new IllegalArgumentException("expert-errors needs the expert");
        if (classes && !expert) throw new IllegalArgumentException("expert-classes needs the expert");
        if (gridClasses && !expert) throw new IllegalArgumentException("grid-classes needs the expert");
    }

    /** These tools with or without candidates. */
    public PixelTools withCandidates(boolean on) {
        return new PixelTools(on, expert, ownErrors, classes, farContexts, gridClasses, packedLines, colourGradients);
    }

    /** These tools with or without the expert (without it, none of its tools). */
    public PixelTools withExpert(boolean on) {
        return on ? new PixelTools(candidates, true, ownErrors, classes, farContexts, gridClasses, packedLines,
                colourGradients) : new PixelTools(candidates, false, false, false, farContexts, false, packedLines,
                colourGradients);
    }

    /** These tools with or without tool expert-errors (which needs the expert). */
    public PixelTools withOwnErrors(boolean on) {
        return new PixelTools(candidates, expert, on, classes, farContexts, gridClasses, packedLines, colourGradients);
    }

    /** These tools with or without tool expert-classes (which needs the expert). */
    public PixelTools withClasses(boolean on) {
        return new PixelTools(candidates, expert, ownErrors, on, farContexts, gridClasses, packedLines,
                colourGradients);
    }

    /** These tools with or without tool far-contexts. */
    public PixelTools withFarContexts(boolean on) {
        return new PixelTools(candidates, expert, ownErrors, classes, on, gridClasses, packedLines, colourGradients);
    }

    /** These tools with or without tool grid-classes (which needs the expert, and the levels a grid). */
    public PixelTools withGridClasses(boolean on) {
        return new PixelTools(candidates, expert, ownErrors, classes, farContexts, on, packedLines, colourGradients);
    }

    /** These tools with or without tool packed-lines. */
    public PixelTools withPackedLines(boolean on) {
        return new PixelTools(candidates, expert, ownErrors, classes, farContexts, gridClasses, on, colourGradients);
    }

    /** These tools with or without tool colour-gradients. */
    public PixelTools withColourGradients(boolean on) {
        return new PixelTools(candidates, expert, ownErrors, classes, farContexts, gridClasses, packedLines, on);
    }
}
