package dev.nwf.codec;

import static dev.nwf.codec.CodingToolException.Kind.INVALID_TOOLS;
import static dev.nwf.codec.CodingToolException.Kind.UNKNOWN_TOOL;

import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.level.RgFlowLevels;
import dev.nwf.codec.nwf.DetailContext;
import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.pixel.PixelLevels;
import dev.nwf.codec.pixel.PixelTools;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.Lifting;
import dev.nwf.codec.transform.Palette;
import dev.nwf.codec.transform.ValueMap;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A file's coding tools (SPEC.md §2.4.1), parsed once from the header's tool list into named values: nothing downstream
 * sees the list's bytes. The list is a set of {@link CodingTool} ids ({@link ToolSet}) followed by each listed
 * tool's parameters in id order; it ends with the last tool's parameters.
 */
public final class CodingTools {
    /** The colour transform the planes are coded under: {@link ColourTransform#NONE} without the tool. */
    final ColourTransform colourTransform;
    /** The value map, or null. */
    final ValueMap valueMap;
    /** The palette, or null. */
    final Palette palette;
    /** The block grid, or null: of wavelet levels tool block-grid's, of pixel levels tool pixel-grid's. */
    final BlockGrid blockGrid;
    final boolean haarSplit;
    final boolean adaptiveMean;
    final boolean zeroContext;
    final boolean biasCorrection;
    final boolean errorFeedback;
    final boolean scaleBlend;
    /** Of rgflow levels: whether the latents' mean filter reads the kept grid (SPEC.md §8.3). */
    final boolean keptContext;
    /** Log2 of the fewest band samples that get a stream of their own, or {@link #NO_BAND_STREAMS}. */
    final int bandStreamsLog2;
    /**
     * With pixel levels (SPEC.md §4.4) rather than wavelet bands, how many of §4.3's coarsest levels are left out
     * (0 for none); {@link #NO_PIXEL_LEVELS} for wavelet bands.
     */
    final int pixelLevelsSkipped;
    /** With pixel levels, level 0's period (SPEC.md §4.4.1), 0 for none. */
    final int pixelLevelsPeriod;
    /**
     * With pixel levels, candidates or differences only (SPEC.md §4.4), the expert (§4.4.5) and the tools of the expert
     * and the differences (§4.4.7–§4.4.13); {@link PixelTools#CANDIDATES} for wavelet bands and rows.
     */
    final PixelTools pixel;
    /** Whether the one level is rows in a DEFLATE stream (SPEC.md §4.5). */
    final boolean deflateRows;
    /** With pixel levels, the raster finish's t (SPEC.md §4.4.1), 0 for none. */
    final int rasterFinish;

    static final int NO_PIXEL_LEVELS = -1;
    /** The bit of pixel-levels' first parameter byte that says differences only (SPEC.md §2.4.1, §4.4). */
    static final int DIFFERENCES_ONLY = 0x80;
    /** The bit of pixel-levels' first parameter byte that says the expert is on (SPEC.md §2.4.1, §4.4.5). */
    static final int EXPERT = 0x40;

    static final int NO_BAND_STREAMS = -1;
    /** Band streams above this log2 would never apply: a band holds fewer than 2^31 samples. */
    static final int MAX_BAND_STREAMS_LOG2 = 30;

    CodingTools(ColourTransform colourTransform, ValueMap valueMap, BlockGrid blockGrid, boolean haarSplit,
            boolean adaptiveMean, boolean zeroContext, boolean biasCorrection, boolean errorFeedback,
            boolean scaleBlend, boolean keptContext, int bandStreamsLog2, Palette palette) {
        this(colourTransform, valueMap, blockGrid, haarSplit, adaptiveMean, zeroContext, biasCorrection, errorFeedback,
                scaleBlend, keptContext, bandStreamsLog2, palette, NO_PIXEL_LEVELS, 0, false, 0, PixelTools.CANDIDATES);
    }

    CodingTools(ColourTransform colourTransform, ValueMap valueMap, BlockGrid blockGrid, boolean haarSplit,
            boolean adaptiveMean, boolean zeroContext, boolean biasCorrection, boolean errorFeedback,
            boolean scaleBlend, boolean keptContext, int bandStreamsLog2, Palette palette, int pixelLevelsSkipped,
            int pixelLevelsPeriod, boolean deflateRows, int rasterFinish, PixelTools pixel) {
        this.pixel = pixel;
        this.rasterFinish = rasterFinish;
        this.colourTransform = colourTransform;
        this.valueMap = valueMap;
        this.blockGrid = blockGrid;
        this.haarSplit = haarSplit;
        this.adaptiveMean = adaptiveMean;
        this.zeroContext = zeroContext;
        this.biasCorrection = biasCorrection;
        this.errorFeedback = errorFeedback;
        this.scaleBlend = scaleBlend;
        this.keptContext = keptContext;
        this.bandStreamsLog2 = bandStreamsLog2;
        this.palette = palette;
        this.pixelLevelsSkipped = pixelLevelsSkipped;
        this.pixelLevelsPeriod = pixelLevelsPeriod;
        this.deflateRows = deflateRows;
    }

    /** Whether the levels are pixel levels (SPEC.md §4.4) rather than wavelet bands. */
    boolean pixelLevels() {
        return pixelLevelsSkipped != NO_PIXEL_LEVELS;
    }

    /**
     * Pixel levels (SPEC.md §4.4) under the given colour transform, with a value map or palette or neither, leaving out
     * the {@code skipped} coarsest levels of §4.3's plan, level 0 with the given period (0: none), the raster finish's
     * t (0: none), the grid of the stride-1 level's positions (null: none), with {@code pixel}'s tools.
     */
    static CodingTools pixelLevels(ColourTransform colourTransform, ValueMap valueMap, Palette palette, int skipped,
            int period, int rasterFinish, BlockGrid grid, PixelTools pixel) {
        return new CodingTools(colourTransform, valueMap, grid, false, false, false, false, false, false, false,
                NO_BAND_STREAMS, palette, skipped, period, false, rasterFinish, pixel);
    }

    /** One level of rows in a DEFLATE stream (SPEC.md §4.5), of the samples, their ranks or a palette's indices. */
    static CodingTools deflateRows(ValueMap valueMap, Palette palette) {
        return new CodingTools(ColourTransform.NONE, valueMap, null, false, false, false, false, false, false, false,
                NO_BAND_STREAMS, palette, NO_PIXEL_LEVELS, 0, true, 0, PixelTools.CANDIDATES);
    }

    /** The tools listed, in id order. */
    public Set<CodingTool> tools() {
        Set<CodingTool> out = EnumSet.noneOf(CodingTool.class);
        if (colourTransform != ColourTransform.NONE) out.add(CodingTool.COLOUR_TRANSFORM);
        if (valueMap != null) out.add(CodingTool.VALUE_MAP);
        if (haarSplit) out.add(CodingTool.HAAR_SPLIT);
        if (adaptiveMean) out.add(CodingTool.ADAPTIVE_MEAN);
        if (blockGrid != null && !pixelLevels()) out.add(CodingTool.BLOCK_GRID);
        if (zeroContext) out.add(CodingTool.ZERO_CONTEXT);
        if (biasCorrection) out.add(CodingTool.BIAS_CORRECTION);
        if (errorFeedback) out.add(CodingTool.ERROR_FEEDBACK);
        if (scaleBlend) out.add(CodingTool.SCALE_BLEND);
        if (bandStreamsLog2 != NO_BAND_STREAMS) out.add(CodingTool.BAND_STREAMS);
        if (palette != null) out.add(CodingTool.PALETTE);
        if (pixelLevels()) out.add(CodingTool.PIXEL_LEVELS);
        if (deflateRows) out.add(CodingTool.DEFLATE_ROWS);
        if (keptContext) out.add(CodingTool.KEPT_CONTEXT);
        if (rasterFinish > 0) out.add(CodingTool.RASTER_FINISH);
        if (blockGrid != null && pixelLevels()) out.add(CodingTool.PIXEL_GRID);
        if (pixel.ownErrors()) out.add(CodingTool.EXPERT_ERRORS);
        if (pixel.classes()) out.add(CodingTool.EXPERT_CLASSES);
        if (pixel.farContexts()) out.add(CodingTool.FAR_CONTEXTS);
        if (pixel.gridClasses()) out.add(CodingTool.GRID_CLASSES);
        if (pixel.packedLines()) out.add(CodingTool.PACKED_LINES);
        if (pixel.colourGradients()) out.add(CodingTool.COLOUR_GRADIENTS);
        if (pixel.leanModel()) out.add(CodingTool.LEAN_MODEL);
        return Collections.unmodifiableSet(out);
    }

    /** The colour transform's name: none, YCoCg-R, subtract-green or green-first. */
    public String colourTransformName() {
        return colourTransform.displayName;
    }

    /** Each listed tool with its parameters, as `nwf info` shows them. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (CodingTool t : tools()) {
            out.add(switch (t) {
                case COLOUR_TRANSFORM -> t.toolName + " " + colourTransform.displayName;
                case VALUE_MAP -> t.toolName + " " + valueMap.codedDepth() + "-bit ranks, " + valueMap.describeCounts()
                        + " values";
                case BLOCK_GRID, PIXEL_GRID -> t.toolName + " period " + blockGrid.period + " from ("
                        + blockGrid.startX + ", " + blockGrid.startY + ")";
                case BAND_STREAMS -> t.toolName + " from 2^" + bandStreamsLog2 + " samples per band";
                case PALETTE -> t.toolName + " of " + palette.size() + " colours, " + palette.codedDepth()
                        + "-bit indices";
                case PIXEL_LEVELS -> t.toolName + (pixelLevelsSkipped == 0 ? "" : ", the " + pixelLevelsSkipped
                        + " coarsest level" + (pixelLevelsSkipped == 1 ? "" : "s") + " of the plan left out")
                        + (pixelLevelsPeriod == 0 ? "" : ", level 0 with period " + pixelLevelsPeriod)
                        + (pixel.candidates() ? "" : ", differences only")
                        + (pixel.expert() ? ", expert" : "");
                case RASTER_FINISH -> t.toolName + " from stride " + (1 << rasterFinish);
                default -> t.toolName;
            });
        }
        return out;
    }

    /** Each listed tool as `nwf info --json` shows it: its name and its parameters by name. */
    public List<java.util.Map<String, Object>> toJson() {
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        for (CodingTool t : tools()) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", t.toolName);
            m.put("id", t.id);
            switch (t) {
                case COLOUR_TRANSFORM -> m.put("transform", colourTransform.displayName);
                case VALUE_MAP -> {
                    m.put("codedDepth", valueMap.codedDepth());
                    m.put("valuesPerChannel", valueMap.counts());
                }
                case BLOCK_GRID, PIXEL_GRID -> {
                    m.put("period", blockGrid.period);
                    m.put("startX", blockGrid.startX);
                    m.put("startY", blockGrid.startY);
                }
                case BAND_STREAMS -> m.put("minBandSamplesLog2", bandStreamsLog2);
                case PIXEL_LEVELS -> {
                    m.put("coarsestLeftOut", pixelLevelsSkipped);
                    m.put("period", pixelLevelsPeriod);
                    m.put("candidates", pixel.candidates());
                    m.put("expert", pixel.expert());
                }
                case RASTER_FINISH -> m.put("fromStride", 1 << rasterFinish);
                case PALETTE -> {
                    m.put("colours", palette.size());
                    m.put("codedDepth", palette.codedDepth());
                }
                default -> {
                }
            }
            out.add(m);
        }
        return out;
    }

    /** The split filter the levels use (SPEC.md §4.2). */
    Lifting.Filter filter() {
        return haarSplit ? Lifting.Filter.HAAR : Lifting.Filter.LE_GALL_53;
    }

    /** What shapes the detail levels' context (SPEC.md §6.3). */
    DetailContext detailContext() {
        return new DetailContext(adaptiveMean, zeroContext, biasCorrection, errorFeedback, scaleBlend, blockGrid,
                filter());
    }

    /** What shapes an rgflow file's latent context (SPEC.md §8.3). */
    RgFlowLevels.LatentTools latentContext() {
        return new RgFlowLevels.LatentTools(adaptiveMean, zeroContext, biasCorrection, scaleBlend, keptContext);
    }

    /** The depth the levels code samples at: the palette's indices', the value map's ranks', or the image's. */
    int codedDepth(int bitDepth) {
        return palette != null ? palette.codedDepth() : valueMap == null ? bitDepth : valueMap.codedDepth();
    }

    /** The channels the levels code: one plane of indices with a palette, else the image's. */
    int codedChannels(int channels) {
        return palette != null ? 1 : channels;
    }

    /** The tool list's bytes (SPEC.md §2.4.1). */
    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ToolSet.write(out, tools().stream().mapToInt(t -> t.id).toArray());
        for (CodingTool t : tools()) {
            switch (t) {
                case COLOUR_TRANSFORM -> out.write(colourTransform.code);
                case VALUE_MAP -> {
                    byte[] map = valueMap.toBytes();
                    ValueMap.writeVarint(out, map.length);
                    out.writeBytes(map);
                }
                case BLOCK_GRID, PIXEL_GRID -> out.writeBytes(blockGrid.bytes());
                case BAND_STREAMS -> out.write(bandStreamsLog2);
                case PIXEL_LEVELS -> {
                    out.write(pixelLevelsSkipped | (pixel.candidates() ? 0 : DIFFERENCES_ONLY)
                            | (pixel.expert() ? EXPERT : 0));
                    ValueMap.writeVarint(out, pixelLevelsPeriod);
                }
                case RASTER_FINISH -> out.write(rasterFinish);
                case PALETTE -> {
                    byte[] colours = palette.toBytes();
                    ValueMap.writeVarint(out, colours.length);
                    out.writeBytes(colours);
                }
                default -> {
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * Parses a header's tool list for an image of this many channels and depth coded by a model of this family,
     * checking the table's rules: ids known, parameters whole and valid with no byte after them, needed tools present,
     * the family supports every tool, the colour transform has three channels to work on.
     */
    static CodingTools parse(byte[] list, int channels, int bitDepth, String family) throws CodingToolException {
        ColourTransform colour = ColourTransform.NONE;
        ValueMap map = null;
        BlockGrid grid = null;
        Palette palette = null;
        int bandStreams = NO_BAND_STREAMS;
        int pixelSkipped = NO_PIXEL_LEVELS;
        int pixelPeriod = 0;
        boolean pixelCandidates = true;
        boolean pixelExpert = false;
        int finish = 0;
        Set<CodingTool> seen = EnumSet.noneOf(CodingTool.class);
        ToolSet.Read set = list.length == 0 ? new ToolSet.Read(new int[0], 0) : ToolSet.read(list);
        int pos = set.end();
        for (int id : set.ids()) {
            int at = pos;
            CodingTool t = CodingTool.ofId(id);
            if (t == null) {
                throw new CodingToolException(UNKNOWN_TOOL, 0, "coding tool " + id
                        + " is not known to this decoder (it knows "
                        + String.join(", ", CodingTool.names()) + ")");
            }
            if (family != null && !t.supportedBy(family)) throw new CodingToolException(INVALID_TOOLS, 0,
                    "tool " + t.toolName + " is not defined for " + family + " models");
            seen.add(t);
            try {
                switch (t) {
                    case COLOUR_TRANSFORM -> {
                        if (!ColourTransform.appliesTo(channels)) {
                            throw new CodingToolException(INVALID_TOOLS, at,
                                    "colour-transform needs 3 or 4 channels, the file has " + channels);
                        }
                        int code = param(list, pos++, t);
                        colour = ColourTransform.ofCode(code);
                        if (colour == null || colour == ColourTransform.NONE) {
                            throw new CodingToolException(INVALID_TOOLS, pos - 1, "colour transform code " + code
                                    + " is not defined");
                        }
                    }
                    case VALUE_MAP, PALETTE -> {
                        long length = 0;
                        for (int i = 0; ; i++) {
                            if (i == 4) {
                                throw new CodingToolException(INVALID_TOOLS, pos,
                                        t.toolName + " length is longer than 4 bytes");
                            }
                            int x = param(list, pos++, t);
                            length |= (long) (x & 0x7F) << (7 * i);
                            if ((x & 0x80) == 0) break;
                        }
                        if (length > list.length - pos) {
                            throw new CodingToolException(INVALID_TOOLS, pos,
                                    t.toolName + " of " + length + " bytes runs past the tool list's end");
                        }
                        if (t == CodingTool.VALUE_MAP) {
                            map = ValueMap.read(list, pos, pos + (int) length, channels, bitDepth);
                        } else {
                            if (channels < 2) {
                                throw new CodingToolException(INVALID_TOOLS, at,
                                        "palette needs 2 to 4 channels, the file has " + channels);
                            }
                            palette = Palette.read(list, pos, pos + (int) length, channels, bitDepth);
                        }
                        pos += (int) length;
                    }
                    case BLOCK_GRID, PIXEL_GRID -> {
                        if (list.length - pos < BlockGrid.BYTES) throw truncated(t, list.length);
                        grid = BlockGrid.read(list, pos);
                        pos += BlockGrid.BYTES;
                    }
                    case BAND_STREAMS -> {
                        bandStreams = param(list, pos++, t);
                        if (bandStreams > MAX_BAND_STREAMS_LOG2) {
                            throw new CodingToolException(INVALID_TOOLS, pos - 1, "band streams from 2^" + bandStreams
                                    + " samples would never apply (at most 2^" + MAX_BAND_STREAMS_LOG2 + ")");
                        }
                    }
                    case PIXEL_LEVELS -> {
                        int first = param(list, pos++, t);
                        pixelSkipped = first & ~(DIFFERENCES_ONLY | EXPERT);
                        pixelCandidates = (first & DIFFERENCES_ONLY) == 0;
                        pixelExpert = (first & EXPERT) != 0;
                        long period = 0;
                        for (int i = 0; ; i++) {
                            if (i == 5) throw new CodingToolException(INVALID_TOOLS, pos, "pixel-levels period is "
                                    + "longer than 5 bytes");
                            int x = param(list, pos++, t);
                            period |= (long) (x & 0x7F) << (7 * i);
                            if ((x & 0x80) == 0) break;
                        }
                        if (period > Integer.MAX_VALUE) throw new CodingToolException(INVALID_TOOLS, pos - 1,
                                "pixel-levels period " + period + " is above 2^31 - 1");
                        pixelPeriod = (int) period;
                        if (period != 0 && !pixelCandidates) throw new CodingToolException(INVALID_TOOLS, pos - 1,
                                "pixel-levels of differences only has no candidates to take a period's sample");
                    }
                    case RASTER_FINISH -> {
                        finish = param(list, pos++, t);
                        if (finish < 1 || finish > PixelLevels.MAX_FINISH) {
                            throw new CodingToolException(INVALID_TOOLS, pos - 1, "raster-finish from stride 2^"
                                    + finish + ": t must be 1.." + PixelLevels.MAX_FINISH);
                        }
                    }
                    default -> {
                    }
                }
            } catch (CorruptStreamException e) {
                throw new CodingToolException(INVALID_TOOLS, (int) e.offset(), t.toolName + ": " + e.reason());
            }
        }
        if (pos < list.length) {
            int extra = list.length - pos;
            throw new CodingToolException(INVALID_TOOLS, pos, extra + (extra == 1 ? " byte follows" : " bytes follow")
                    + " the last tool's parameters");
        }
        if (palette != null && (map != null || colour != ColourTransform.NONE)) {
            throw new CodingToolException(INVALID_TOOLS, 0, "palette codes whole colours: it cannot go with "
                    + (map != null ? "value-map" : "colour-transform"));
        }
        if (seen.contains(CodingTool.PIXEL_LEVELS)) {
            for (CodingTool t : seen) {
                if (CodingTool.WAVELET_ONLY.contains(t)) throw new CodingToolException(INVALID_TOOLS, 0,
                        "pixel-levels replaces the wavelet levels: it cannot go with " + t.toolName);
            }
        }
        if (seen.contains(CodingTool.DEFLATE_ROWS)) {
            for (CodingTool t : seen) {
                if (CodingTool.WAVELET_ONLY.contains(t) || t == CodingTool.PIXEL_LEVELS
                        || t == CodingTool.COLOUR_TRANSFORM) {
                    throw new CodingToolException(INVALID_TOOLS, 0,
                            "deflate-rows codes untransformed rows: it cannot go with " + t.toolName);
                }
            }
        }
        for (CodingTool t : seen) {
            if (t.needs != null && !seen.contains(t.needs)) {
                throw new CodingToolException(INVALID_TOOLS, 0, "tool " + t.toolName + " needs " + t.needs.toolName
                        + ", which the list lacks");
            }
        }
        for (CodingTool t : seen) {
            if (CodingTool.NEEDS_EXPERT.contains(t) && !pixelExpert) throw new CodingToolException(INVALID_TOOLS, 0,
                    t.toolName + " needs pixel-levels' expert, which its first byte does not set");
        }
        PixelTools pixel = PixelTools.CANDIDATES.withCandidates(pixelCandidates).withExpert(pixelExpert)
                .withOwnErrors(seen.contains(CodingTool.EXPERT_ERRORS))
                .withClasses(seen.contains(CodingTool.EXPERT_CLASSES))
                .withFarContexts(seen.contains(CodingTool.FAR_CONTEXTS))
                .withGridClasses(seen.contains(CodingTool.GRID_CLASSES))
                .withPackedLines(seen.contains(CodingTool.PACKED_LINES))
                .withColourGradients(seen.contains(CodingTool.COLOUR_GRADIENTS))
                .withLeanModel(seen.contains(CodingTool.LEAN_MODEL));
        return new CodingTools(colour, map, grid, seen.contains(CodingTool.HAAR_SPLIT),
                seen.contains(CodingTool.ADAPTIVE_MEAN),
                seen.contains(CodingTool.ZERO_CONTEXT), seen.contains(CodingTool.BIAS_CORRECTION),
                        seen.contains(CodingTool.ERROR_FEEDBACK),
                seen.contains(CodingTool.SCALE_BLEND), seen.contains(CodingTool.KEPT_CONTEXT), bandStreams, palette,
                pixelSkipped, pixelPeriod, seen.contains(CodingTool.DEFLATE_ROWS), finish, pixel);
    }

    private static int param(byte[] list, int pos, CodingTool t) throws CodingToolException {
        if (pos >= list.length) throw truncated(t, list.length);
        return list[pos] & 0xFF;
    }

    private static CodingToolException truncated(CodingTool t, int end) {
        return new CodingToolException(INVALID_TOOLS, end, "the tool list ends inside " + t.toolName + "'s parameters");
    }
}
