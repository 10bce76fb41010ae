package dev.nwf.codec.pixel;

import java.util.ArrayList;
import java.util.List;

/**
 * What pixel levels do besides their levels' shape (SPEC.md §4.4–§4.4.13): compare samples with candidates or code
 * differences only, mix the expert, and the tools that refine the expert or a difference's contexts. One immutable
 * value, so that a new tool is one more flag here rather than one more constructor of {@link PixelLevels}; what needs
 * the expert is checked here, what needs a grid by {@link PixelLevels}.
 */
public final class PixelTools {
    /** The switches, one bit each in {@link #flags}. */
    private enum Flag {
        /** Samples are first compared with candidates (off: differences only, SPEC.md §4.4). */
        CANDIDATES,
        /** A difference's decisions mix the expert's probability too (SPEC.md §4.4.5). */
        EXPERT,
        /** The expert reads its own errors around each sample (tool expert-errors, SPEC.md §4.4.7). */
        OWN_ERRORS,
        /** The expert's location is learnt per class of the neighbourhood (tool expert-classes, SPEC.md §4.4.8). */
        CLASSES,
        /** A difference is coded with the far and cross contexts (tool far-contexts, SPEC.md §4.4.9). */
        FAR_CONTEXTS,
        /** A grid position's expert learns per quarter of the error level (tool grid-classes, SPEC.md §4.4.10). */
        GRID_CLASSES,
        /** A short difference's mantissa shares its exponent steps' line (tool packed-lines, SPEC.md §4.4.11). */
        PACKED_LINES,
        /** The colours read channel 0's gradients (tool colour-gradients, SPEC.md §4.4.12). */
        COLOUR_GRADIENTS,
        /** One secondary estimation, and least squares that learn every fourth sample (tool lean-model, §4.4.13). */
        LEAN_MODEL;

        final int bit = 1 << ordinal();
    }

    /** The flags that need the expert. */
    private static final int NEEDS_EXPERT = Flag.OWN_ERRORS.bit | Flag.CLASSES.bit | Flag.GRID_CLASSES.bit;

    /** Candidates, no expert and none of its tools: pixel levels as SPEC.md §4.4 first defined them. */
    public static final PixelTools CANDIDATES = new PixelTools(Flag.CANDIDATES.bit);
    /** Differences only, no expert. */
    public static final PixelTools DIFFERENCES = CANDIDATES.withCandidates(false);

    private final int flags;

    private PixelTools(int flags) {
        if ((flags & NEEDS_EXPERT) != 0 && (flags & Flag.EXPERT.bit) == 0) {
            throw new IllegalArgumentException(names(flags & NEEDS_EXPERT) + " needs the expert");
        }
        this.flags = flags;
    }

    private boolean has(Flag f) {
        return (flags & f.bit) != 0;
    }

    private PixelTools with(Flag f, boolean on) {
        return new PixelTools(on ? flags | f.bit : flags & ~f.bit);
    }

    /** Samples are first compared with candidates (false: differences only, SPEC.md §4.4). */
    public boolean candidates() {
        return has(Flag.CANDIDATES);
    }

    /** A difference's decisions mix the expert's probability too (SPEC.md §4.4.5). */
    public boolean expert() {
        return has(Flag.EXPERT);
    }

    /** The expert reads its own errors around each sample (tool expert-errors, SPEC.md §4.4.7). */
    public boolean ownErrors() {
        return has(Flag.OWN_ERRORS);
    }

    /** The expert's location is learnt per class of the sample's neighbourhood (tool expert-classes, §4.4.8). */
    public boolean classes() {
        return has(Flag.CLASSES);
    }

    /** A difference is coded with the far and cross contexts (tool far-contexts, SPEC.md §4.4.9). */
    public boolean farContexts() {
        return has(Flag.FAR_CONTEXTS);
    }

    /** A grid position's expert learns per quarter of the error level (tool grid-classes, SPEC.md §4.4.10). */
    public boolean gridClasses() {
        return has(Flag.GRID_CLASSES);
    }

    /** A short difference's mantissa shares its exponent steps' line (tool packed-lines, SPEC.md §4.4.11). */
    public boolean packedLines() {
        return has(Flag.PACKED_LINES);
    }

    /** The colours' correction and coarse context read channel 0's gradients (tool colour-gradients, §4.4.12). */
    public boolean colourGradients() {
        return has(Flag.COLOUR_GRADIENTS);
    }

    /**
     * One secondary estimation of 2^10 contexts, and the expert's least squares learn every fourth sample after a
     * state set's first ones (tool lean-model, SPEC.md §4.4.13).
     */
    public boolean leanModel() {
        return has(Flag.LEAN_MODEL);
    }

    /** These tools with or without candidates. */
    public PixelTools withCandidates(boolean on) {
        return with(Flag.CANDIDATES, on);
    }

    /** These tools with or without the expert (without it, none of its tools). */
    public PixelTools withExpert(boolean on) {
        return new PixelTools(on ? flags | Flag.EXPERT.bit : flags & ~(Flag.EXPERT.bit | NEEDS_EXPERT));
    }

    /** These tools with or without tool expert-errors (which needs the expert). */
    public PixelTools withOwnErrors(boolean on) {
        return with(Flag.OWN_ERRORS, on);
    }

    /** These tools with or without tool expert-classes (which needs the expert). */
    public PixelTools withClasses(boolean on) {
        return with(Flag.CLASSES, on);
    }

    /** These tools with or without tool far-contexts. */
    public PixelTools withFarContexts(boolean on) {
        return with(Flag.FAR_CONTEXTS, on);
    }

    /** These tools with or without tool grid-classes (which needs the expert, and the levels a grid). */
    public PixelTools withGridClasses(boolean on) {
        return with(Flag.GRID_CLASSES, on);
    }

    /** These tools with or without tool packed-lines. */
    public PixelTools withPackedLines(boolean on) {
        return with(Flag.PACKED_LINES, on);
    }

    /** These tools with or without tool colour-gradients. */
    public PixelTools withColourGradients(boolean on) {
        return with(Flag.COLOUR_GRADIENTS, on);
    }

    /** These tools with or without tool lean-model. */
    public PixelTools withLeanModel(boolean on) {
        return with(Flag.LEAN_MODEL, on);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PixelTools t && t.flags == flags;
    }

    @Override
    public int hashCode() {
        return flags;
    }

    @Override
    public String toString() {
        return "PixelTools[" + names(flags) + "]";
    }

    private static String names(int flags) {
        List<String> out = new ArrayList<>();
        for (Flag f : Flag.values()) {
            if ((flags & f.bit) != 0) out.add(f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return String.join(", ", out);
    }
}
