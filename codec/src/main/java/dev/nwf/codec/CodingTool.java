package dev.nwf.codec;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The coding-tool table (SPEC.md §2.4.1): the one place that defines each tool a file can list — its id in the tool
 * list, its name, the parameters it carries, the tool it needs and the model families that support it. A decoder
 * refuses a tool id it does not know, so a new tool is a new row here and old decoders reject files that use it.
 * Declared in id order, which is the order of a list's parameters. {@link CodingTools} parses a header's list into
 * named values; `nwf info`, the CLI and the conformance vectors read this table.
 */
public enum CodingTool {
    /** §4.1: one byte, the colour transform's code (1 YCoCg-R, 2 subtract green, 3 green first); 3 or 4 channels. */
    COLOUR_TRANSFORM(1, "colour-transform", "§4.1", "reversible colour transform of the first three planes", null,
            true),
    /** §4.0: a LEB128 length, then the per-channel value lists (raw DEFLATE); the levels code ranks. */
    VALUE_MAP(2, "value-map", "§4.0", "levels code each sample's rank among its channel's values", null, true),
    /**
     * §6.3.3-6.3.4: the online mean filter and scale calibration; of rgflow files, the latents' (§8.3): the only
     * wavelet tool both families have.
     */
    ADAPTIVE_MEAN(3, "adaptive-mean", "§6.3.3", "online mean filter and scale calibration", null, true, false),
    /** §4.2: every level is split with the integer Haar filter instead of the 5/3; Haar levels evaluate no network. */
    HAAR_SPLIT(4, "haar-split", "§4.2", "split with Haar instead of the 5/3; no network on its levels", ADAPTIVE_MEAN,
            false),
    /** §6.3.5: three bytes, period and start of the image's block grid; the context keeps state per grid position. */
    BLOCK_GRID(5, "block-grid", "§6.3.5", "context state per position in a JPEG-like block grid", ADAPTIVE_MEAN, false),
    /** §6.3.6: the value 0 is coded with an adaptive frequency; of rgflow files, the latents' (§8.3). */
    ZERO_CONTEXT(6, "zero-context", "§6.3.6", "adaptive frequency of exact zeros", ADAPTIVE_MEAN, true, false),
    /** §6.3.7: means corrected by context-wise running errors; of rgflow files, the latents' (§8.3). */
    BIAS_CORRECTION(7, "bias-correction", "§6.3.7", "means corrected by context-wise running errors", ADAPTIVE_MEAN,
            true, false),
    /** §6.3.8: the mean filter also reads its own earlier errors. */
    ERROR_FEEDBACK(8, "error-feedback", "§6.3.8", "the mean filter reads its own earlier errors", ADAPTIVE_MEAN, false),
    /**
     * §6.3.9: the local scale blends its magnitudes with weights learnt inside the image; of rgflow files, the
     * latents' (§8.3).
     */
    SCALE_BLEND(9, "scale-blend", "§6.3.9", "local-scale blend learnt inside the image", ADAPTIVE_MEAN, true, false),
    /** §6.5: one byte, log2 of the fewest band samples for which a detail level codes each band in its own stream. */
    BAND_STREAMS(10, "band-streams", "§6.5", "large levels code each band in its own stream, decoded side by side",
            null, false),
    /**
     * §4.0.1: a LEB128 length, then the colour list (raw DEFLATE); 2 to 4 channels, whose colours the levels code as
     * one plane of indices. Neither with a value map nor a colour transform, which work on the samples it replaces.
     */
    PALETTE(11, "palette", "§4.0.1", "one plane of indices into the image's colours", null, true),
    /**
     * §4.4: one byte, bit 7 differences only (no candidate decisions), bit 6 the expert (§4.4.5) and below them how
     * many of §4.3's coarsest levels are left out, then level 0's period (LEB128); levels hold the image decimated by
     * powers of two, pixel by pixel, under an exact-context mixing model, instead of wavelet bands under the family's
     * prior; no network is evaluated.
     * Not with the wavelet's tools.
     */
    PIXEL_LEVELS(12, "pixel-levels", "§4.4", "levels of decimated pixels under an exact-context model (graphics)",
            null, true),
    /**
     * §4.5: no parameters; one level of the planes' rows as PNG stores them (a filter type, the filtered row) in one
     * raw DEFLATE stream, instead of wavelet bands or pixel levels: PNG's coding, for what it codes smaller. Not with
     * the wavelet's tools, pixel levels or a colour transform.
     */
    DEFLATE_ROWS(13, "deflate-rows", "§4.5", "one level of PNG-filtered rows in a DEFLATE stream (PNG's coding)", null,
            true),
    /**
     * §8.3: rgflow only; the latents' mean filter also reads the kept grid around each block (the next level's
     * samples, which the decoder has), where the couplings, seeing only their own block, extrapolate.
     */
    KEPT_CONTEXT(14, "kept-context", "§8.3", "the latents' mean filter reads the kept grid around their block",
            ADAPTIVE_MEAN, false, true, false),
    /**
     * §4.4.1: one byte, t (1 to 30); the last pixel level codes in raster order every pixel that the levels down to
     * stride 2^t do not hold, instead of the finer levels' two passes each: a preview at 1/2^t, then rows; where
     * decimated pixels predict poorly (renders, camera photos), most of what progression costs.
     */
    RASTER_FINISH(15, "raster-finish", "§4.4.1", "the last pixel level finishes the image in raster order",
            PIXEL_LEVELS, true),
    /**
     * §4.4.6: three bytes, period and start of the image's block grid, as block-grid's; the stride-1 pixel level keeps
     * its correction, expert and first mixer per position in the grid's blocks, where JPEG's quantisation left
     * position-dependent traces (set A's JPEG-decoded photos 0.1-5.5 % smaller as pixel levels).
     */
    PIXEL_GRID(16, "pixel-grid", "§4.4.6", "the finest pixel level keeps state per position in a JPEG-like block grid",
            PIXEL_LEVELS, true),
    /**
     * §4.4.7: no parameters; with pixel-levels' expert only. The expert reads its own errors at the sample's causal
     * neighbours: its location moves by a bias kept per pattern of them, its scale is kept by their level, and the
     * context h5 is their pattern.
     */
    EXPERT_ERRORS(17, "expert-errors", "§4.4.7", "the pixel levels' expert reads its own errors around each sample",
            PIXEL_LEVELS, true),
    /**
     * §4.4.8: no parameters; with pixel-levels' expert only. The expert's least squares learn per class of the
     * sample's neighbourhood (its error level's quarter and its orientation), each class started from the state
     * set's first samples.
     */
    EXPERT_CLASSES(18, "expert-classes", "§4.4.8",
            "the pixel levels' expert learns its location per class of neighbourhood", PIXEL_LEVELS, true),
    /**
     * §4.4.9: no parameters; with pixel-levels. A difference's first counter is keyed by the far neighbours' offsets
     * from the prediction instead of the direct index, the later channels' h5 by the earlier channels' exact
     * differences, and mixer B's weight sets also by the neighbourhood's orientation.
     */
    FAR_CONTEXTS(19, "far-contexts", "§4.4.9",
            "the pixel levels' differences read the far neighbours, the earlier channels and the orientation",
            PIXEL_LEVELS, true),
    /**
     * §4.4.10: no parameters; with pixel-grid and pixel-levels' expert only. A grid position's expert learns its
     * location per quarter of the sample's error level, each quarter started from the set's first samples.
     */
    GRID_CLASSES(20, "grid-classes", "§4.4.10",
            "the pixel levels' expert learns a grid position's location per quarter of the error level", PIXEL_GRID,
            true),
    /**
     * §4.4.11: no parameters; with pixel-levels. A difference of 2 to 4 bits (fewer with samples of more than 10 bits)
     * takes its mantissa's counters from the free entries of its exponent steps' line in each table instead of a line
     * of their own: one cache line a table for most of a photo's differences, and fewer lines to collide.
     */
    PACKED_LINES(21, "packed-lines", "§4.4.11",
            "a short difference's mantissa shares its exponent steps' line in the pixel levels' tables", PIXEL_LEVELS,
            true),
    /**
     * §4.4.12: no parameters; with pixel-levels. The colours after the first also read channel 0's gradients, its
     * sample at the pixel less its samples at the pixel's first six neighbours: in their correction, so that a colour
     * steps with the first channel where the two move together, and in a context of their differences.
     */
    COLOUR_GRADIENTS(22, "colour-gradients", "§4.4.12",
            "the pixel levels' colours are predicted and coded knowing channel 0's gradients at the pixel",
            PIXEL_LEVELS, true),
    /**
     * §4.4.13: no parameters; with pixel-levels. A decision's probability is refined by one secondary estimation, of
     * 2^10 contexts by the direct index, instead of two; the expert's least squares, once a state set has learnt
     * from its first samples, learn from every fourth sample: a photo decodes about a tenth faster for about 0.2 %.
     */
    LEAN_MODEL(23, "lean-model", "§4.4.13",
            "the pixel levels' model keeps one secondary estimation and learns least squares every fourth sample",
            PIXEL_LEVELS, true);

    /** The tools that work on pixel-levels' expert: a list must set its flag (bit 6 of the tool's byte) with them. */
    static final Set<CodingTool> NEEDS_EXPERT = EnumSet.of(EXPERT_ERRORS, EXPERT_CLASSES, GRID_CLASSES);

    /** The tools that shape wavelet levels, which pixel levels replace. */
    static final Set<CodingTool> WAVELET_ONLY = EnumSet.of(HAAR_SPLIT, ADAPTIVE_MEAN, BLOCK_GRID, ZERO_CONTEXT,
            BIAS_CORRECTION, ERROR_FEEDBACK, SCALE_BLEND, BAND_STREAMS, KEPT_CONTEXT);

    /** The tool's id in the tool list: fixed forever once the format is released. */
    public final int id;
    /** The name `nwf info`, the CLI and the conformance manifests use. */
    public final String toolName;
    /** The SPEC.md section that defines the tool. */
    public final String section;
    /** One line on what the tool does. */
    public final String summary;
    /** The tool this one works through and needs in the same list, or null. */
    public final CodingTool needs;
    /** Whether every model family supports it; else those of {@link #nwf} and {@link #rgflow} that are set. */
    private final boolean allFamilies;
    private final boolean nwf;
    private final boolean rgflow;

    CodingTool(int id, String toolName, String section, String summary, CodingTool needs, boolean allFamilies) {
        this(id, toolName, section, summary, needs, allFamilies, allFamilies);
    }

    CodingTool(int id, String toolName, String section, String summary, CodingTool needs, boolean rgflow,
            boolean allFamilies) {
        this(id, toolName, section, summary, needs, true, rgflow, allFamilies);
    }

    CodingTool(int id, String toolName, String section, String summary, CodingTool needs, boolean nwf, boolean rgflow,
            boolean allFamilies) {
        this.nwf = nwf;
        this.id = id;
        this.toolName = toolName;
        this.section = section;
        this.summary = summary;
        this.needs = needs;
        this.allFamilies = allFamilies;
        this.rgflow = rgflow;
    }

    /** Whether models of this family may code with the tool. */
    public boolean supportedBy(String family) {
        return allFamilies || nwf && NwfModel.FAMILY_NWF.equals(family)
                || rgflow && NwfModel.FAMILY_RGFLOW.equals(family);
    }

    /** Every tool models of this family support. */
    public static Set<CodingTool> supportedBy(NwfModel model) {
        Set<CodingTool> out = EnumSet.noneOf(CodingTool.class);
        for (CodingTool t : values()) if (t.supportedBy(model.family())) out.add(t);
        return out;
    }

    /** The tool with this id, or null where the table has none. */
    public static CodingTool ofId(int id) {
        for (CodingTool t : values()) if (t.id == id) return t;
        return null;
    }

    /** The tool with this name, or null. */
    public static CodingTool ofName(String name) {
        for (CodingTool t : values()) if (t.toolName.equals(name)) return t;
        return null;
    }

    /** Every tool's name, in id order. */
    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(t -> t.toolName).toList();
    }
}
