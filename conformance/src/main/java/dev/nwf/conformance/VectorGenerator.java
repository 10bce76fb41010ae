package dev.nwf.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nwf.codec.CodingTool;
import dev.nwf.codec.Effort;
import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.ModelResolver;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.ToolLists;
import dev.nwf.format.LevelInfo;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import dev.nwf.format.ReadOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

// StrictMath in the synthetic images keeps the vectors identical on every JVM.
import java.util.zip.CRC32C;

/**
 * Writes the conformance vectors; deterministic, so regenerating reproduces the committed files byte for byte. Every
 * case to reject is decoded here as it is written, and must fail with the kind its manifest names.
 */
final class VectorGenerator {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Every tool the nwf family has but pixel levels, which the cases of the wavelet's tools leave out. */
    private final NwfCodec nwf;
    private final NwfCodec rgflow;
    /** Every tool, pixel levels included. */
    private final NwfCodec nwfAll;
    private final NwfCodec rgflowAll;
    /** The codec of the case being written. */
    private NwfCodec codec;
    private final ModelResolver models;
    private final Path root;
    private final List<String> written = new ArrayList<>();

    VectorGenerator(NwfModel model, NwfModel rgflowModel, Path root) {
        if (!NwfModel.FAMILY_RGFLOW.equals(rgflowModel.family())) throw new IllegalArgumentException(rgflowModel.id()
                + " is not an rgflow model");
        // every level of the plan, so the pixel-level cases keep their levels whatever their size (the encoder's
        // own choice of one level for small images is not a decoder feature)
        // the vectors from before tools packed-lines, colour-gradients and lean-model stay as they were;
        // packedLines(), colourGradients() and leanModel() write their own
        this.nwfAll = without(new NwfCodec(model).withLevels(NwfContainer.MAX_LEVELS), CodingTool.PACKED_LINES,
                CodingTool.COLOUR_GRADIENTS, CodingTool.LEAN_MODEL);
        this.rgflowAll = without(new NwfCodec(rgflowModel).withLevels(NwfContainer.MAX_LEVELS),
                CodingTool.PACKED_LINES, CodingTool.COLOUR_GRADIENTS, CodingTool.LEAN_MODEL);
        this.nwf = without(nwfAll, CodingTool.PIXEL_LEVELS);
        this.rgflow = without(rgflowAll, CodingTool.PIXEL_LEVELS);
        this.codec = nwf;
        this.models = (id, digest) -> {
            for (NwfModel m : List.of(model, rgflowModel)) if (m.id().equals(id) && Arrays.equals(m.digest(),
                    digest)) return m;
            throw new dev.nwf.codec.UnknownModelException("no model " + id);
        };
        this.root = root;
    }

    /** The nwf family with every tool but these and pixel levels (and those that need them). */
    private NwfCodec nwfWithout(CodingTool... tools) {
        return without(nwf, tools);
    }

    /**
     * Every tool of the nwf family but the wavelet's and the rows' that the generator's images would otherwise take
     * (palette, value map, deflate rows, adaptive mean): pixel levels of the samples.
     */
    private NwfCodec pixelLevelsOnly() {
        return without(nwfAll, CodingTool.PALETTE, CodingTool.VALUE_MAP, CodingTool.DEFLATE_ROWS,
                CodingTool.ADAPTIVE_MEAN);
    }

    /** {@link #pixelLevelsOnly()} with a tool the earlier vectors leave out (VectorGenerator's constructor). */
    private NwfCodec pixelLevelsWith(CodingTool tool) {
        Set<CodingTool> tools = EnumSet.copyOf(pixelLevelsOnly().tools());
        tools.add(tool);
        return pixelLevelsOnly().withTools(tools);
    }

    /** The codec with every tool it allows but these (and those that need them). */
    private static NwfCodec without(NwfCodec codec, CodingTool... tools) {
        Set<CodingTool> allowed = EnumSet.noneOf(CodingTool.class);
        allowed.addAll(codec.tools());
        for (CodingTool t : tools) allowed.remove(t);
        allowed.removeIf(t -> t.needs != null && !allowed.contains(t.needs));
        return codec.withTools(allowed);
    }

    List<String> generate() throws IOException {
        image("gray8-1x1", "single pixel", List.of("gray", "8bit", "edge-size"),
                SyntheticImages.fixedWaves(1, 1, 1, 8, 1));
        image("gray8-1x37", "one column", List.of("gray", "8bit", "edge-size"),
                SyntheticImages.fixedWaves(1, 37, 1, 8, 2));
        NwfFile gray = image("gray8-37x1", "one row", List.of("gray", "8bit", "edge-size"),
                SyntheticImages.fixedWaves(37, 1, 1, 8, 3));
        image("rgb8-33x17", "odd sizes, two levels", List.of("rgb", "8bit", "odd-size", "multi-level"),
                SyntheticImages.fixedWaves(33, 17, 3, 8, 4));
        image("rgba8-20x20", "alpha channel", List.of("rgba", "8bit", "multi-level"),
                SyntheticImages.fixedWaves(20, 20, 4, 8, 5));
        image("graya8-18x16", "gray with alpha", List.of("gray-alpha", "8bit", "multi-level"),
                SyntheticImages.fixedWaves(18, 16, 2, 8, 6));
        image("gray16-31x29", "16-bit gray", List.of("gray", "16bit", "odd-size", "multi-level"),
                SyntheticImages.fixedWaves(31, 29, 1, 16, 7));
        image("rgb16-24x18", "16-bit RGB", List.of("rgb", "16bit", "multi-level"),
                SyntheticImages.fixedWaves(24, 18, 3, 16, 8));
        image("gray1-40x24", "1-bit gray", List.of("gray", "1bit", "multi-level"),
                SyntheticImages.fixedWaves(40, 24, 1, 1, 9));
        image("rgb8-noise-19x23", "uniform noise: escape codes", List.of("rgb", "8bit", "escape", "multi-level"),
                SyntheticImages.noise(19, 23, 3, 8, 10));
        NwfFile big = image("rgb8-70x45", "three levels", List.of("rgb", "8bit", "multi-level"),
                SyntheticImages.fixedWaves(70, 45, 3, 8, 11));
        truncations(big);
        errors(big);
        compactForm(big);
        toolListErrors(big, gray);
        colourTransforms();
        valueMaps();
        palettes(gray);
        blockGrids();
        haarSplits();
        zeroContexts();
        biasCorrections();
        errorFeedbacks();
        bandStreams();
        scaleBlends();
        pixelLevels();
        deflateRows();
        codec = nwf.withTools(EnumSet.noneOf(CodingTool.class));
        image("rgb8-no-tools-70x45", "no coding tool: the network's prior alone, planes R, G, B",
                List.of("rgb", "8bit", "multi-level"),
                SyntheticImages.fixedWaves(70, 45, 3, 8, 11));
        image("gray16-no-tools-31x29", "no coding tool, 16-bit gray", List.of("gray", "16bit", "odd-size",
                "multi-level"),
                SyntheticImages.fixedWaves(31, 29, 1, 16, 7));
        codec = nwf.withTools(EnumSet.of(CodingTool.COLOUR_TRANSFORM, CodingTool.ADAPTIVE_MEAN));
        image("rgb8-adaptive-mean-only-48x40", "the colour transform and the adaptive mean, no other tool",
                List.of("rgb", "8bit", "multi-level"), SyntheticImages.greenish(48, 40, 3, 15));
        codec = rgflow;
        image("rgflow-rgb8-70x45", "rgflow family: padding to 80x48, three RG steps, YCoCg-R",
                List.of("rgflow", "rgb", "8bit", "odd-size", "multi-level"),
                        SyntheticImages.fixedWaves(70, 45, 3, 8, 12));
        image("rgflow-gray16-31x29", "rgflow family, 16-bit gray", List.of("rgflow", "gray", "16bit", "odd-size",
                "multi-level"),
                SyntheticImages.fixedWaves(31, 29, 1, 16, 13));
        image("rgflow-gray8-1x37", "rgflow family, one column", List.of("rgflow", "gray", "8bit", "edge-size"),
                SyntheticImages.fixedWaves(1, 37, 1, 8, 14));
        NwfFile rgGray = image("rgflow-gray8-24x20",
                "rgflow family, 8-bit gray (the file the nwf-only tool cases alter)",
                List.of("rgflow", "gray", "8bit", "multi-level"), SyntheticImages.fixedWaves(24, 20, 1, 8, 23));
        codec = without(rgflow, CodingTool.ADAPTIVE_MEAN);
        image("rgflow-without-adaptive-mean-rgb8-40x36", "rgflow family without the adaptive mean: the prior's "
                + "latent means and local scales as they are", List.of("rgflow", "rgb", "8bit", "multi-level"),
                SyntheticImages.fixedWaves(40, 36, 3, 8, 24));
        codec = rgflow.withTools(EnumSet.of(CodingTool.COLOUR_TRANSFORM, CodingTool.ADAPTIVE_MEAN));
        image("rgflow-adaptive-mean-only-rgb8-40x36", "rgflow family with the adaptive mean and no other latent tool",
                List.of("rgflow", "rgb", "8bit", "multi-level"), SyntheticImages.fixedWaves(40, 36, 3, 8, 24));
        codec = rgflow;
        NwfFile rgKept = image("rgflow-kept-context-rgb8-40x36", "rgflow family with every latent tool: the adaptive "
                + "mean, zero context, bias correction, scale blend and the kept grid as the mean filter's features",
                List.of("rgflow", "rgb", "8bit", "multi-level"), SyntheticImages.fixedWaves(40, 36, 3, 8, 24));
        for (CodingTool t : List.of(CodingTool.ZERO_CONTEXT, CodingTool.BIAS_CORRECTION, CodingTool.SCALE_BLEND,
                CodingTool.KEPT_CONTEXT)) {
            cleared("rgflow-", t, rgKept);
        }
        needsAdaptiveMean(CodingTool.KEPT_CONTEXT, rgKept);
        mapped("rgflow-value-map-gray16-29x21", "rgflow family with a value map: 8-bit data stored as v*257",
                List.of("rgflow", "gray", "16bit", "odd-size", "multi-level"),
                        SyntheticImages.times257(SyntheticImages.fixedWaves(29, 21, 1, 8, 19)));
        for (CodingTool t : CodingTool.values()) {
            if (t.supportedBy(NwfModel.FAMILY_RGFLOW)) continue;
            reject(t.toolName + "-on-rgflow", "tool " + t.toolName + " (not of the rgflow family) on an rgflow file",
                    withTools(rgGray, withNeeded(rgGray.header().tools(), t)), "INVALID_TOOLS");
        }
        codec = nwf;
        return written;
    }

    /**
     * {@code list} with {@code tool} added (valid parameters), and the tools it needs where the list lacks them: so
     * that a family's refusal of the tool is what is wrong.
     */
    private static byte[] withNeeded(byte[] list, CodingTool tool) {
        for (CodingTool n = tool.needs; n != null; n = n.needs) {
            if (!ToolLists.lists(list, n)) list = ToolLists.with(list, n, ToolLists.validParams(n));
        }
        return ToolLists.with(list, tool, ToolLists.validParams(tool));
    }

    /** The file with another tool list. */
    private static NwfFile withTools(NwfFile file, byte[] tools) {
        return file.withHeader(file.header().withTools(tools));
    }

    /** Tool lists that break the table's rules, and a tool this decoder does not know (SPEC.md §2.4.1). */
    private void toolListErrors(NwfFile file, NwfFile gray) throws IOException {
        byte[] list = file.header().tools();
        List<ToolLists.Entry> entries = ToolLists.entries(list);
        if (entries.size() < 3) throw new IllegalStateException("rgb8-70x45 lists " + entries.size() + " tools");
        List<ToolLists.Entry> unknown = new ArrayList<>(entries);
        unknown.add(new ToolLists.Entry(200, new byte[0]));
        reject("unknown-tool", "a tool id (200) this decoder's table does not define, after the known ones",
                withTools(file, ToolLists.join(unknown)), "UNKNOWN_TOOL");
        for (CodingTool t : CodingTool.values()) {
            if (t.supportedBy(NwfModel.FAMILY_NWF)) continue;
            reject(t.toolName + "-on-nwf", "tool " + t.toolName + " (of the rgflow family only) on an nwf file",
                    withTools(file, withNeeded(list, t)), "INVALID_TOOLS");
        }
        byte[] trailing = Arrays.copyOf(list, list.length + 1);
        reject("tool-list-trailing-byte", "a zero byte after the last tool's parameters", withTools(file, trailing),
                "INVALID_TOOLS");
        // a needless zero byte after the set's last byte, which then says another byte follows
        int setBytes = ToolLists.setLength(list);
        byte[] notShortest = new byte[list.length + 1];
        System.arraycopy(list, 0, notShortest, 0, setBytes);
        notShortest[setBytes - 1] |= (byte) 0x80;
        System.arraycopy(list, setBytes, notShortest, setBytes + 1, list.length - setBytes);
        reject("tool-set-not-shortest", "the tool set with a needless zero byte at its end",
                withTools(file, notShortest), "INVALID_TOOLS");
        reject("tool-set-empty", "a tool set of no tools (a file without tools has an empty list)",
                withTools(file, new byte[] {0}), "INVALID_TOOLS");
        if (entries.get(0).id()
                != CodingTool.COLOUR_TRANSFORM.id) throw new
                IllegalStateException("rgb8-70x45 has no colour transform");
        reject("tool-list-ends-in-parameters", "a list that ends after the colour transform's id, before its code",
                withTools(file, ToolLists.join(List.of(new ToolLists.Entry(CodingTool.COLOUR_TRANSFORM.id,
                        new byte[0])))), "INVALID_TOOLS");
        reject("colour-transform-on-gray", "the colour transform on a one-channel file",
                withTools(gray, ToolLists.with(gray.header().tools(), CodingTool.COLOUR_TRANSFORM, (byte) 2)),
                        "INVALID_TOOLS");
        for (int code : new int[] {0, 4}) {
            reject("colour-transform-code-" + code, "colour transform code " + code + " (1 to 3 are defined)",
                    withTools(file, ToolLists.with(ToolLists.without(list, CodingTool.COLOUR_TRANSFORM),
                            CodingTool.COLOUR_TRANSFORM,
                            (byte) code)), "INVALID_TOOLS");
        }
        reject("band-streams-from-2-31", "band streams from 2^31 samples per band (at most 2^30 can apply)",
                withTools(file, ToolLists.with(list, CodingTool.BAND_STREAMS, (byte) 31)), "INVALID_TOOLS");
    }

    /**
     * The colour transforms: subtract green where red and blue follow green, green first where the channels share
     * nothing, none without the tool (YCoCg-R, which the encoder no longer tries, is in the rgflow cases).
     */
    private void colourTransforms() throws IOException {
        transform("rgb8-subtract-green-48x40", "colour transform 2, subtract green: planes G, R-G, B-G",
                List.of("rgb", "8bit", "multi-level"), SyntheticImages.greenish(48, 40, 3, 15), "subtract-green");
        transform("rgba8-subtract-green-36x20", "subtract green with an alpha channel (passes through)",
                List.of("rgba", "8bit", "multi-level"), SyntheticImages.greenish(36, 20, 4, 16), "subtract-green");
        transform("rgb8-green-first-48x40",
                "colour transform 3, green first: planes G, R, B (channels with nothing in common)",
                List.of("rgb", "8bit", "multi-level"), SyntheticImages.unrelatedWaves(48, 40, 3, 30), "green-first");
        transform("rgba8-green-first-36x20", "green first with an alpha channel (passes through)",
                List.of("rgba", "8bit", "multi-level"), SyntheticImages.unrelatedWaves(36, 20, 4, 31), "green-first");
        codec = nwfWithout(CodingTool.COLOUR_TRANSFORM, CodingTool.PALETTE);
        transform("rgb8-no-colour-transform-48x40",
                "a colour image without the colour transform: planes R, G, B as they are",
                List.of("rgb", "8bit", "multi-level"), SyntheticImages.greenish(48, 40, 3, 15), "none");
        codec = nwf;
    }

    /** Value maps: images that use few values, and maps a decoder must refuse. */
    private void valueMaps() throws IOException {
        NwfFile gray = mapped("gray16-value-map-40x30",
                "value map: 8-bit data stored as 16 bits (v*257), coded as 8-bit ranks",
                List.of("gray", "16bit", "multi-level"), SyntheticImages.times257(SyntheticImages.fixedWaves(40, 30, 1,
                        8, 17)));
        codec = nwfWithout(CodingTool.PALETTE);
        mapped("rgba8-value-map-palette-45x33", "value map: a few colours with alpha, 2-bit ranks",
                List.of("rgba", "8bit", "odd-size", "multi-level"), SyntheticImages.fourColours(45, 33, 18));
        codec = nwf;
        int values = mapSize(gray, 0);
        int[] zeroGap = new int[values];
        for (int i = 1; i < values; i++) zeroGap[i] = i == values / 2 ? 0 : 257;
        reject("value-map-not-increasing", "a gap of 0 in the value list", withMap(gray, List.of(zeroGap)),
                "INVALID_TOOLS");
        // 8-bit ranks still, so the levels decode; the ranks above the shortened list are out of range
        if (values <= 129) throw new IllegalStateException("gray16-value-map-40x30 has " + values
                + " values, the case needs more than 129");
        int[] shorter = new int[129];
        java.util.Arrays.fill(shorter, 1, shorter.length, 257);
        reject("value-map-rank-out-of-range", "value list shortened to 129 entries: decoded ranks beyond it",
                withMap(gray, List.of(shorter)), "CORRUPT_LEVEL");
        byte[] map = ToolLists.params(gray.header().tools(), CodingTool.VALUE_MAP);
        byte[] cut = ToolLists.join(List.of(new ToolLists.Entry(CodingTool.VALUE_MAP.id, Arrays.copyOf(map,
                map.length - 1))));
        reject("value-map-past-list-end", "a list of the value map alone, cut one byte short of the map's end",
                withTools(gray, cut),
                "INVALID_TOOLS");
    }

    /**
     * Palettes: images of few whole colours coded as one plane of indices (with alpha, a plot, and in the rgflow
     * family), and palettes a decoder must refuse.
     */
    private void palettes(NwfFile gray) throws IOException {
        NwfFile rgba = withTool("rgba8-palette-45x33",
                "palette of four colours, one of them transparent: 2-bit indices",
                List.of("rgba", "8bit", "odd-size", "multi-level"), SyntheticImages.fourColours(45, 33, 18),
                        CodingTool.PALETTE);
        NwfFile plot = withTool("rgb8-palette-plot-96x64", "palette of a plot: coloured curves and an axis on white",
                List.of("rgb", "8bit", "multi-level"), SyntheticImages.plot(96, 64), CodingTool.PALETTE);
        codec = rgflow;
        withTool("rgflow-palette-plot-48x40", "rgflow family with a palette",
                List.of("rgflow", "rgb", "8bit", "multi-level"),
                SyntheticImages.plot(48, 40), CodingTool.PALETTE);
        codec = nwf;
        byte[] list = plot.header().tools();
        reject("palette-with-colour-transform",
                "a palette and a colour transform (which works on the samples it replaces)",
                withTools(plot, ToolLists.with(list, CodingTool.COLOUR_TRANSFORM, (byte) 2)), "INVALID_TOOLS");
        byte[] params = ToolLists.params(list, CodingTool.PALETTE);
        reject("palette-on-gray", "a palette on a one-channel file",
                withTools(gray, ToolLists.with(gray.header().tools(), CodingTool.PALETTE, params)), "INVALID_TOOLS");
        // a palette of two colours in place of the four: indices 2 and 3 point past it
        byte[] two = ToolLists.paletteParams(new int[][] {{0, 0, 0, 255}, {255, 255, 255, 255}}, 8);
        byte[] cut = ToolLists.with(ToolLists.without(rgba.header().tools(), CodingTool.PALETTE), CodingTool.PALETTE,
                two);
        reject("palette-index-out-of-range", "the palette shortened to two colours: indices beyond it",
                withTools(rgba, cut), "CORRUPT_LEVEL");
    }

    /**
     * Pixel levels (SPEC.md §4.4): graphics coded as decimated pixels, of samples (with and without a colour transform,
     * 1 to 16 bits, edge sizes) and of palette indices, in both families; lists and levels a decoder must refuse.
     */
    private void pixelLevels() throws IOException {
        // every finer level in two passes: the raster finish has cases of its own (rasterFinish)
        NwfCodec nwfPlain = without(nwfAll, CodingTool.RASTER_FINISH);
        // the cases of pixel levels on samples code them as they are; the value map's come after
        codec = without(nwfPlain, CodingTool.PALETTE, CodingTool.VALUE_MAP);
        NwfFile plot = withTool("rgb8-pixel-levels-plot-96x64",
                "pixel levels of a plot's samples under subtract green: four levels of decimated pixels",
                List.of("rgb", "8bit", "multi-level", "pixel-levels"), SyntheticImages.plot(96, 64),
                CodingTool.PIXEL_LEVELS, CodingTool.COLOUR_TRANSFORM);
        NwfFile streams = withTool("rgb8-pixel-levels-streams-192x128",
                "pixel levels whose finest level (18 432 pixels) codes each part of each channel in a stream of its"
                        + " own",
                List.of("rgb", "8bit", "multi-level", "pixel-levels"), SyntheticImages.graphic(192, 128, 3, 8, 47),
                CodingTool.PIXEL_LEVELS);
        byte[] cut = chunked(streams);
        int finest = findLastChunk(cut, "LEVL");
        // the first stream's length (the payload's first u32) made larger than the whole payload
        cut[finest + 8 + 1 + 0] = 0x40;
        fixCrc(cut, finest);
        write("pixel-levels-stream-past-end", cut, errorCase("pixel-levels-stream-past-end",
                "the finest level's first channel stream claims more bytes than the level holds", "CORRUPT_LEVEL"));
        NwfFile differences = withTool("rgb8-pixel-levels-differences-only-64x48",
                "pixel levels of a smooth render as differences only: no candidate decisions, every sample that is not"
                        + " flat coded as its difference from the prediction",
                List.of("rgb", "8bit", "multi-level", "pixel-levels"), SyntheticImages.smoothRender(64, 48),
                CodingTool.PIXEL_LEVELS);
        byte[] differencesList = differences.header().tools();
        byte first = ToolLists.params(differencesList, CodingTool.PIXEL_LEVELS)[0];
        if ((first & 0x80) == 0) throw new IllegalStateException("the smooth render came out with candidates");
        reject("pixel-levels-differences-only-with-period",
                "pixel levels of differences only given a period, which only a candidate could take",
                withTools(differences, ToolLists.with(ToolLists.without(differencesList, CodingTool.PIXEL_LEVELS),
                        CodingTool.PIXEL_LEVELS, first, (byte) 24)), "INVALID_TOOLS");
        // the expert (bit 6, SPEC.md §4.4.5): the small render takes it; its flag cleared, or set on a file coded
        // without it (the plot at effort 1, which does not try it), changes every difference's mix, and the levels do
        // not decode
        if ((first & 0x40) == 0) throw new IllegalStateException("the smooth render came out without the expert");
        // (expert-errors and expert-classes, which need the flag, taken out too: SPEC.md §4.4.7, §4.4.8)
        byte[] withoutOwnErrors = ToolLists.without(ToolLists.without(differencesList, CodingTool.EXPERT_ERRORS),
                CodingTool.EXPERT_CLASSES);
        reject("pixel-levels-expert-cleared", "pixel levels coded with the expert, its flag cleared",
                withTools(differences, ToolLists.with(ToolLists.without(withoutOwnErrors, CodingTool.PIXEL_LEVELS),
                        CodingTool.PIXEL_LEVELS, (byte) (first & ~0x40), (byte) 0)), "CORRUPT_LEVEL");
        NwfFile plainPlot = codec.withEffort(new Effort(1)).encode(SyntheticImages.plot(96, 64));
        byte[] plotList = plainPlot.header().tools();
        byte plotFirst = ToolLists.params(plotList, CodingTool.PIXEL_LEVELS)[0];
        if ((plotFirst & 0x40) != 0) throw new IllegalStateException("the plot came out with the expert at effort 1");
        reject("pixel-levels-expert-set", "pixel levels coded without the expert, its flag set",
                withTools(plainPlot, ToolLists.with(ToolLists.without(plotList, CodingTool.PIXEL_LEVELS),
                        CodingTool.PIXEL_LEVELS, (byte) (plotFirst | 0x40), (byte) 0)), "CORRUPT_LEVEL");
        withTool("rgb8-pixel-levels-shared-noise-48x40", "pixel levels of colours sharing green's noise: the"
                + " correction predicts the colour differences from green's recorded differences (one-byte records)",
                List.of("rgb", "8bit", "multi-level", "pixel-levels"),
                SyntheticImages.sharedColourNoise(48, 40, 8, 0.8, 51), CodingTool.PIXEL_LEVELS);
        withTool("rgb16-pixel-levels-shared-noise-48x40", "pixel levels of 16-bit colours sharing green's noise:"
                + " two-byte records of the differences", List.of("rgb", "16bit", "multi-level", "pixel-levels"),
                SyntheticImages.sharedColourNoise(48, 40, 16, 0.8, 52), CodingTool.PIXEL_LEVELS);
        withTool("gray16-pixel-levels-graphic-31x29", "pixel levels of a 16-bit gray graphic",
                List.of("gray", "16bit", "odd-size", "multi-level", "pixel-levels"),
                SyntheticImages.graphic(31, 29, 1, 16, 41), CodingTool.PIXEL_LEVELS);
        withTool("gray1-pixel-levels-graphic-40x24", "pixel levels of a 1-bit graphic",
                List.of("gray", "1bit", "multi-level", "pixel-levels"), SyntheticImages.graphic(40, 24, 1, 1, 42),
                CodingTool.PIXEL_LEVELS);
        withTool("graya8-pixel-levels-graphic-1x37", "pixel levels of one column, gray with alpha",
                List.of("gray-alpha", "8bit", "edge-size", "pixel-levels"), SyntheticImages.graphic(1, 37, 2, 8, 43),
                CodingTool.PIXEL_LEVELS);
        codec = without(nwfPlain, CodingTool.COLOUR_TRANSFORM, CodingTool.VALUE_MAP);
        withTool("rgba8-pixel-levels-graphic-45x33", "pixel levels of an RGBA graphic's planes, untransformed",
                List.of("rgba", "8bit", "odd-size", "multi-level", "pixel-levels"),
                SyntheticImages.graphic(45, 33, 4, 8, 44), CodingTool.PIXEL_LEVELS);
        codec = without(nwfPlain, CodingTool.VALUE_MAP);
        withTool("gray8-pixel-levels-parts-160x140",
                "pixel levels of one channel whose finest level (16 800 pixels) codes each part in a stream of its own",
                List.of("gray", "8bit", "multi-level", "pixel-levels"), SyntheticImages.graphic(160, 140, 1, 8, 48),
                CodingTool.PIXEL_LEVELS);
        withTool("rgba8-pixel-levels-palette-60x40", "pixel levels of palette indices: six colours with alpha",
                List.of("rgba", "8bit", "multi-level", "pixel-levels"), SyntheticImages.graphic(60, 40, 4, 8, 45),
                CodingTool.PIXEL_LEVELS, CodingTool.PALETTE);
        codec = without(nwfPlain, CodingTool.VALUE_MAP, CodingTool.DEFLATE_ROWS).withLevels(1);
        NwfFile one = withTool("rgb8-pixel-levels-one-level-70x50",
                "pixel levels with every coarser level left out: one level in raster order, not progressive",
                List.of("rgb", "8bit", "pixel-levels"), SyntheticImages.graphic(70, 50, 3, 8, 49),
                CodingTool.PIXEL_LEVELS);
        NwfFile strip = withTool("rgb8-pixel-levels-period-240x16",
                "one pixel level of a sprite strip with level 0's period: each sample is also compared with the one a"
                        + " frame (24 pixels) before it",
                List.of("rgb", "8bit", "pixel-levels"), SyntheticImages.spriteStrip(10, 24, 16, 3, 9),
                CodingTool.PIXEL_LEVELS);
        byte[] stripList = strip.header().tools();
        byte k = ToolLists.params(stripList, CodingTool.PIXEL_LEVELS)[0];
        reject("pixel-levels-period-too-long", "a pixel-levels period written in six LEB128 bytes (at most five)",
                withTools(strip, ToolLists.with(ToolLists.without(stripList, CodingTool.PIXEL_LEVELS),
                        CodingTool.PIXEL_LEVELS, k, (byte) 0x98, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                        (byte) 0)), "INVALID_TOOLS");
        codec = without(nwfPlain, CodingTool.VALUE_MAP).withLevels(2);
        withTool("gray8-pixel-levels-two-levels-90x61", "pixel levels with all but two levels left out",
                List.of("gray", "8bit", "odd-size", "multi-level", "pixel-levels"),
                SyntheticImages.graphic(90, 61, 1, 8, 50), CodingTool.PIXEL_LEVELS);
        byte[] oneList = one.header().tools();
        reject("pixel-levels-leaving-no-level",
                "pixel levels whose parameter leaves out every level of the plan: the header's level count disagrees",
                withTools(one, ToolLists.with(ToolLists.without(oneList, CodingTool.PIXEL_LEVELS),
                        CodingTool.PIXEL_LEVELS, (byte) 7, (byte) 0)), "CORRUPT_LEVEL");
        codec = without(nwfPlain, CodingTool.PALETTE);
        withTool("rgb8-pixel-levels-value-map-plot-96x64",
                "pixel levels of a plot's ranks: a value map per channel, then subtract green on the ranks",
                List.of("rgb", "8bit", "multi-level", "pixel-levels"), SyntheticImages.plot(96, 64),
                CodingTool.PIXEL_LEVELS, CodingTool.VALUE_MAP, CodingTool.COLOUR_TRANSFORM);
        withTool("gray8-pixel-levels-value-map-graphic-90x61", "pixel levels of a gray graphic's ranks",
                List.of("gray", "8bit", "odd-size", "multi-level", "pixel-levels"),
                SyntheticImages.graphic(90, 61, 1, 8, 50), CodingTool.PIXEL_LEVELS, CodingTool.VALUE_MAP);
        codec = without(rgflowAll, CodingTool.RASTER_FINISH);
        withTool("rgflow-pixel-levels-graphic-48x40", "rgflow family with pixel levels (no network is evaluated)",
                List.of("rgflow", "rgb", "8bit", "multi-level", "pixel-levels"),
                SyntheticImages.graphic(48, 40, 3, 8, 46), CodingTool.PIXEL_LEVELS);
        codec = nwfAll;
        byte[] list = plot.header().tools();
        reject("pixel-levels-with-haar-split", "pixel levels and the Haar split (a tool of wavelet levels)",
                withTools(plot, ToolLists.with(ToolLists.with(list, CodingTool.ADAPTIVE_MEAN),
                        CodingTool.HAAR_SPLIT)), "INVALID_TOOLS");
        reject("pixel-levels-with-band-streams", "pixel levels and band streams (a tool of wavelet levels)",
                withTools(plot, ToolLists.with(list, CodingTool.BAND_STREAMS, (byte) 14)), "INVALID_TOOLS");
        reject("pixel-levels-without-colour-transform",
                "the colour transform taken out of the list: the levels' signed planes decode out of range",
                withTools(plot, ToolLists.without(list, CodingTool.COLOUR_TRANSFORM)), "CORRUPT_LEVEL");
        write("pixel-levels-corrupt-level", withLastLevelAltered(chunked(plot)),
                errorCase("pixel-levels-corrupt-level",
                "pixel levels' coded data altered with a valid CRC", "CORRUPT_LEVEL"));
        rasterFinish();
        pixelGrid();
        expertErrors();
        expertClasses();
        farContexts();
        gridClasses();
        packedLines();
        colourGradients();
        leanModel();
    }

    /**
     * The lean model (tool lean-model, SPEC.md §4.4.13), which the encoder lists up to effort 7 wherever it codes
     * pixel levels of an image of 2^16 pixels or more: differences with the expert, whose least squares learn every
     * other sample past a state set's first 2048, and a graphic's candidates, both under one APM; and lists a decoder
     * must refuse.
     */
    private void leanModel() throws IOException {
        codec = pixelLevelsWith(CodingTool.LEAN_MODEL);
        NwfFile gray = withTool("gray8-lean-model-256x257",
                "pixel levels of noisy 8-bit waves with the expert and a lean model: one APM, and least squares that"
                        + " learn every fourth sample once a state set has learnt from 2048",
                List.of("gray", "8bit", "multi-level", "pixel-levels", "lean-model"),
                SyntheticImages.waves(256, 257, 88), CodingTool.PIXEL_LEVELS, CodingTool.LEAN_MODEL);
        withTool("rgb8-lean-model-graphic-256x256",
                "pixel levels of a colour graphic's candidates and differences under a lean model's one APM",
                List.of("rgb", "8bit", "multi-level", "pixel-levels", "lean-model"),
                SyntheticImages.graphic(256, 256, 3, 8, 89), CodingTool.PIXEL_LEVELS, CodingTool.LEAN_MODEL);
        codec = nwfAll;
        rejectsOfAPixelTool(gray, CodingTool.LEAN_MODEL, "a lean model");
    }

    /**
     * Channel 0's gradients in the colours' correction and context (tool colour-gradients, SPEC.md §4.4.12), which
     * the encoder lists wherever it codes pixel levels of 3 or 4 channels: 8-bit and 16-bit colours, and lists a
     * decoder must refuse.
     */
    private void colourGradients() throws IOException {
        codec = pixelLevelsWith(CodingTool.COLOUR_GRADIENTS);
        NwfFile colours = withTool("rgb8-colour-gradients-160x120",
                "pixel levels of a photo-like colour image, the colours after the first predicted from channel 0's"
                        + " gradients at the pixel too",
                List.of("rgb", "8bit", "multi-level", "pixel-levels", "colour-gradients"),
                SyntheticImages.synthetic(160, 120, 3, 8, 86), CodingTool.PIXEL_LEVELS, CodingTool.COLOUR_GRADIENTS);
        withTool("rgb16-colour-gradients-shared-noise-96x80",
                "pixel levels of 16-bit colours sharing green's noise, channel 0's gradients of 16-bit samples",
                List.of("rgb", "16bit", "multi-level", "pixel-levels", "colour-gradients"),
                SyntheticImages.sharedColourNoise(96, 80, 16, 0.8, 87), CodingTool.PIXEL_LEVELS,
                CodingTool.COLOUR_GRADIENTS);
        codec = nwfAll;
        rejectsOfAPixelTool(colours, CodingTool.COLOUR_GRADIENTS, "channel 0's gradients");
    }

    /**
     * Mantissas packed into the exponent steps' line (tool packed-lines, SPEC.md §4.4.11), which the encoder lists
     * wherever it codes pixel levels: 8-bit colours (differences of up to 4 bits packed), 12-bit gray (3) and 16-bit
     * gray (2), and lists a decoder must refuse.
     */
    private void packedLines() throws IOException {
        codec = pixelLevelsWith(CodingTool.PACKED_LINES);
        NwfFile colours = withTool("rgb8-packed-lines-160x120",
                "pixel levels of a photo-like colour image, the mantissas of differences of 2 to 4 bits in the free"
                        + " entries of the exponent steps' line",
                List.of("rgb", "8bit", "multi-level", "pixel-levels", "packed-lines"),
                SyntheticImages.synthetic(160, 120, 3, 8, 83), CodingTool.PIXEL_LEVELS, CodingTool.PACKED_LINES);
        withTool("gray12-packed-lines-96x80", "pixel levels of smooth 12-bit gray, differences of 2 and 3 bits packed",
                List.of("gray", "12bit", "multi-level", "pixel-levels", "packed-lines"),
                SyntheticImages.waves(96, 80, 12, 2048, 1500, 3, 84), CodingTool.PIXEL_LEVELS, CodingTool.PACKED_LINES);
        withTool("gray16-packed-lines-96x80", "pixel levels of smooth 16-bit gray, differences of 2 bits packed",
                List.of("gray", "16bit", "multi-level", "pixel-levels", "packed-lines"),
                SyntheticImages.waves(96, 80, 16, 30000, 20000, 1, 85), CodingTool.PIXEL_LEVELS,
                CodingTool.PACKED_LINES);
        codec = nwfAll;
        rejectsOfAPixelTool(colours, CodingTool.PACKED_LINES, "packed mantissas");
    }

    /**
     * A grid position's classes (tool grid-classes, SPEC.md §4.4.10), which the encoder lists wherever pixel levels
     * take the expert and a grid: a JPEG-like image large enough that each position's set starts its classes, and
     * lists a decoder must refuse.
     */
    private void gridClasses() throws IOException {
        codec = pixelLevelsOnly();
        NwfFile grid = withTool("gray8-grid-classes-384x352",
                "pixel levels of a JPEG-like image with its block grid, each position's least squares learning per"
                        + " quarter of the error level once the position has seen 1024 samples",
                List.of("gray", "8bit", "multi-level", "pixel-levels", "raster-finish", "pixel-grid", "grid-classes"),
                SyntheticImages.jpegLike(SyntheticImages.waves(384, 352, 81), 384, 352, 1), CodingTool.PIXEL_LEVELS,
                CodingTool.PIXEL_GRID, CodingTool.GRID_CLASSES);
        codec = nwfAll;
        rejectsOfAnExpertTool(grid, CodingTool.GRID_CLASSES, "a grid position's classes");
        reject("grid-classes-without-pixel-grid", "grid-classes listed with pixel levels that keep no grid",
                withTools(grid, ToolLists.without(grid.header().tools(), CodingTool.PIXEL_GRID)), "INVALID_TOOLS");
    }

    /**
     * The far and cross contexts (tool far-contexts, SPEC.md §4.4.9), which the encoder lists wherever it codes pixel
     * levels from effort 3: colours, so that the later channels read the earlier ones' exact differences, and lists a
     * decoder must refuse.
     */
    private void farContexts() throws IOException {
        codec = pixelLevelsOnly();
        NwfFile colours = withTool("rgb8-far-contexts-waves-160x120",
                "pixel levels of a photo-like colour image, a difference's first counter keyed by the far neighbours,"
                        + " the later channels' fifth by the earlier channels' exact differences, mixer B's weight sets"
                        + " by the orientation",
                List.of("rgb", "8bit", "multi-level", "pixel-levels", "far-contexts"),
                SyntheticImages.synthetic(160, 120, 3, 8, 79), CodingTool.PIXEL_LEVELS, CodingTool.FAR_CONTEXTS);
        codec = nwfAll;
        rejectsOfAPixelTool(colours, CodingTool.FAR_CONTEXTS, "the far contexts");
    }

    /**
     * The expert's classes (tool expert-classes, SPEC.md §4.4.8), which the encoder lists wherever pixel levels take
     * the expert: a photo-like image whose passes outlast the classes' start, and lists a decoder must refuse.
     */
    private void expertClasses() throws IOException {
        codec = pixelLevelsOnly();
        NwfFile waves = withTool("gray8-expert-classes-waves-256x192",
                "pixel levels of a smooth photo-like image with edges, the expert's least squares learning per class of"
                        + " neighbourhood once a state set has seen 1024 samples",
                List.of("gray", "8bit", "multi-level", "pixel-levels", "raster-finish", "expert-classes"),
                SyntheticImages.synthetic(256, 192, 1, 8, 73), CodingTool.PIXEL_LEVELS, CodingTool.RASTER_FINISH,
                CodingTool.EXPERT_CLASSES);
        codec = nwfAll;
        rejectsOfAnExpertTool(waves, CodingTool.EXPERT_CLASSES, "the expert's classes");
    }

    /**
     * The expert's own errors (tool expert-errors, SPEC.md §4.4.7), which the encoder lists from effort 8 wherever
     * pixel levels take the expert: colours with a raster finish, and a JPEG-like image whose grid positions salt the
     * pattern's context; lists a decoder must refuse.
     */
    private void expertErrors() throws IOException {
        // the encoder lists the tool from effort 8
        // without the grid's classes (gridClasses() has them)
        codec = without(pixelLevelsOnly(), CodingTool.GRID_CLASSES).withEffort(new Effort(8));
        NwfFile noise = withTool("rgb8-expert-errors-shared-noise-208x168",
                "pixel levels of colours sharing green's noise, the expert reading its own errors around each sample,"
                        + " every level in two passes (effort 8 found the raster finish larger here)",
                List.of("rgb", "8bit", "multi-level", "pixel-levels", "expert-errors"),
                SyntheticImages.sharedColourNoise(208, 168, 8, 0.8, 61), CodingTool.PIXEL_LEVELS,
                CodingTool.EXPERT_ERRORS);
        withTool("gray8-expert-errors-pixel-grid-256x256",
                "pixel levels of a JPEG-like image with its block grid, the expert reading its own errors: the own"
                        + " errors' context salted by the grid position",
                List.of("gray", "8bit", "multi-level", "pixel-levels", "raster-finish", "pixel-grid", "expert-errors"),
                SyntheticImages.jpegLike(SyntheticImages.waves(256, 256, 63), 256, 256, 2), CodingTool.PIXEL_LEVELS,
                CodingTool.PIXEL_GRID, CodingTool.EXPERT_ERRORS);
        codec = nwfAll;
        rejectsOfAnExpertTool(noise, CodingTool.EXPERT_ERRORS, "the expert's own errors");
    }

    /**
     * The lists a decoder must refuse for {@code tool}, a tool that needs pixel-levels' expert, taken from
     * {@code file}, coded with it: the expert's flag cleared (INVALID_TOOLS), the tool taken out (the levels do not
     * decode) and pixel levels taken out (INVALID_TOOLS). {@code what}: what the tool gives the expert.
     */
    private void rejectsOfAnExpertTool(NwfFile file, CodingTool tool, String what) throws IOException {
        String name = tool.toolName;
        byte[] list = file.header().tools();
        byte first = ToolLists.params(list, CodingTool.PIXEL_LEVELS)[0];
        if ((first & 0x40) == 0) throw new IllegalStateException(name + "'s case came out without the expert");
        reject(name + "-without-expert", name + " listed with pixel levels whose expert flag is clear",
                withTools(file, ToolLists.with(ToolLists.without(list, CodingTool.PIXEL_LEVELS),
                        CodingTool.PIXEL_LEVELS, (byte) (first & ~0x40), (byte) 0)), "INVALID_TOOLS");
        rejectsOfAPixelTool(file, tool, what);
    }

    /**
     * A pixel-level tool's refused lists: the tool taken out of a file coded with it (its levels do not decode), and
     * the tool listed with wavelet levels.
     */
    private void rejectsOfAPixelTool(NwfFile file, CodingTool tool, String what) throws IOException {
        String name = tool.toolName;
        byte[] list = file.header().tools();
        reject(name + "-cleared", "pixel levels coded with " + what + ", the tool taken out of the list",
                withTools(file, ToolLists.without(list, tool)), "CORRUPT_LEVEL");
        reject(name + "-without-pixel-levels", name + " listed with wavelet levels",
                withTools(file, ToolLists.without(list, CodingTool.PIXEL_LEVELS)), "INVALID_TOOLS");
    }

    /**
     * Positions in a block grid (tool pixel-grid, SPEC.md §4.4.6): JPEG-like images whose stride-1 level keeps state
     * per position in their 8×8 (or, halved, 4×4) blocks, with and without a raster finish; lists a decoder must
     * refuse.
     */
    private void pixelGrid() throws IOException {
        // pixel levels, not wavelet levels: the wavelet's tools left out, and the grid's classes (gridClasses())
        NwfCodec pixelsOnly = without(pixelLevelsOnly(), CodingTool.GRID_CLASSES);
        codec = pixelsOnly;
        Image gray = SyntheticImages.jpegLike(SyntheticImages.waves(256, 256, 71), 256, 256, 3);
        NwfFile grid = withTool("gray8-pixel-grid-256x256",
                "pixel levels of a JPEG-like image (8x8 blocks from column and row 3) with a raster finish, the finish"
                        + " keeping state per position in the blocks",
                List.of("gray", "8bit", "multi-level", "pixel-levels", "raster-finish", "pixel-grid"), gray,
                CodingTool.PIXEL_LEVELS, CodingTool.RASTER_FINISH, CodingTool.PIXEL_GRID);
        Image[] planes = new Image[3];
        for (int c = 0; c < 3; c++) {
            planes[c] = SyntheticImages.jpegLike(SyntheticImages.waves(256, 256, 72 + c), 256, 256, 5);
        }
        withTool("rgb8-pixel-grid-256x256",
                "pixel levels of a JPEG-like colour image (8x8 blocks from column and row 5) under a colour transform:"
                        + " the colours' correction per position too",
                List.of("rgb", "8bit", "multi-level", "pixel-levels", "raster-finish", "pixel-grid"),
                new Image(256, 256, 8, new int[][] {planes[0].plane(0), planes[1].plane(0), planes[2].plane(0)}),
                CodingTool.PIXEL_LEVELS, CodingTool.PIXEL_GRID);
        Image halved = ImageOps.shrink(SyntheticImages.jpegLike(SyntheticImages.waves(512, 512, 75), 512, 512, 0), 2);
        withTool("gray8-pixel-grid-period-4-256x256",
                "pixel levels of a JPEG-like image halved: a grid of period 4",
                List.of("gray", "8bit", "multi-level", "pixel-levels", "raster-finish", "pixel-grid"), halved,
                CodingTool.PIXEL_LEVELS, CodingTool.PIXEL_GRID);
        codec = without(pixelsOnly, CodingTool.RASTER_FINISH);
        withTool("gray8-pixel-grid-every-level-256x256",
                "the JPEG-like image's pixel levels without a raster finish: the finest level's two passes keep state"
                        + " per position",
                List.of("gray", "8bit", "multi-level", "pixel-levels", "pixel-grid"), gray, CodingTool.PIXEL_LEVELS,
                CodingTool.PIXEL_GRID);
        codec = nwfAll;
        byte[] list = ToolLists.without(grid.header().tools(), CodingTool.PIXEL_GRID);
        reject("pixel-grid-bad-period", "a pixel grid of period 6 (only 4 and 8 are defined)",
                withTools(grid, ToolLists.with(list, CodingTool.PIXEL_GRID, (byte) 6, (byte) 3, (byte) 3)),
                "INVALID_TOOLS");
        reject("pixel-grid-start-outside-period", "a pixel grid of period 8 starting at row 8",
                withTools(grid, ToolLists.with(list, CodingTool.PIXEL_GRID, (byte) 8, (byte) 3, (byte) 8)),
                "INVALID_TOOLS");
        byte[] wavelet = ToolLists.without(ToolLists.without(list, CodingTool.RASTER_FINISH), CodingTool.PIXEL_LEVELS);
        reject("pixel-grid-without-pixel-levels", "a pixel grid listed with wavelet levels",
                withTools(grid, ToolLists.with(wavelet, CodingTool.PIXEL_GRID, (byte) 8, (byte) 3, (byte) 3)),
                "INVALID_TOOLS");
    }

    /**
     * The raster finish (tool raster-finish, SPEC.md §4.4.1): the last level codes every pixel the levels down to
     * stride 2^t do not hold, in raster order; LIDX lists it after a jump of t (SPEC.md §2.5).
     */
    private void rasterFinish() throws IOException {
        codec = without(nwfAll, CodingTool.PALETTE, CodingTool.VALUE_MAP, CodingTool.DEFLATE_ROWS);
        NwfFile graphic = withTool("rgb8-raster-finish-graphic-240x160",
                "pixel levels of a graphic with a raster finish from stride 16: level 0 of 15x10, then every other"
                        + " pixel in raster order, one stream per channel",
                List.of("rgb", "8bit", "multi-level", "pixel-levels", "raster-finish"),
                SyntheticImages.graphic(240, 160, 3, 8, 53), CodingTool.PIXEL_LEVELS, CodingTool.RASTER_FINISH);
        withTool("gray8-raster-finish-noise-200x170",
                "pixel levels of a noisy gray image as differences only, with the expert and a raster finish from"
                        + " stride 16", List.of("gray", "8bit", "multi-level", "pixel-levels", "raster-finish"),
                new Image(200, 170, 8, new int[][] {SyntheticImages.sharedColourNoise(200, 170, 8, 0.8, 57).plane(1)}),
                CodingTool.PIXEL_LEVELS, CodingTool.RASTER_FINISH);
        withTool("gray8-raster-finish-ramp-200x170",
                "pixel levels of a gray ramp: candidates, level 0's period, and a raster finish from stride 16",
                List.of("gray", "8bit", "multi-level", "pixel-levels", "raster-finish"),
                new Image(200, 170, 8, new int[][] {SyntheticImages.smoothRender(200, 170).plane(1)}),
                CodingTool.PIXEL_LEVELS, CodingTool.RASTER_FINISH);
        codec = without(nwfAll, CodingTool.PALETTE, CodingTool.VALUE_MAP, CodingTool.DEFLATE_ROWS).withLevels(2);
        withTool("rgb8-raster-finish-odd-37x29",
                "an odd-sized image of two levels: level 0 at stride 2, then a raster finish from stride 2",
                List.of("rgb", "8bit", "odd-size", "multi-level", "pixel-levels", "raster-finish"),
                SyntheticImages.graphic(37, 29, 3, 8, 54), CodingTool.PIXEL_LEVELS, CodingTool.RASTER_FINISH);
        codec = nwfAll;
        byte[] list = graphic.header().tools();
        int t = ToolLists.params(list, CodingTool.RASTER_FINISH)[0];
        if (t != 4) throw new IllegalStateException("the graphic's raster finish is from 2^" + t);
        byte[] bare = ToolLists.without(list, CodingTool.RASTER_FINISH);
        reject("raster-finish-t-0", "a raster finish from stride 2^0 (t must be 1..30)",
                withTools(graphic, ToolLists.with(bare, CodingTool.RASTER_FINISH, (byte) 0)), "INVALID_TOOLS");
        reject("raster-finish-t-31", "a raster finish from stride 2^31 (t must be 1..30)",
                withTools(graphic, ToolLists.with(bare, CodingTool.RASTER_FINISH, (byte) 31)), "INVALID_TOOLS");
        reject("raster-finish-without-pixel-levels", "a raster finish listed with wavelet levels",
                withTools(graphic, ToolLists.with(ToolLists.without(bare, CodingTool.PIXEL_LEVELS),
                        CodingTool.RASTER_FINISH, (byte) 4)), "INVALID_TOOLS");
        reject("raster-finish-cleared", "the raster finish taken out of the list: the plan's five levels are not the"
                + " file's three", withTools(graphic, bare), "CORRUPT_LEVEL");
        reject("raster-finish-leaving-no-level", "a raster finish from stride 2^5 of an image whose plan has five"
                + " levels: no level of that stride is left before it",
                withTools(graphic, ToolLists.with(bare, CodingTool.RASTER_FINISH, (byte) 5)), "CORRUPT_LEVEL");
        reject("raster-finish-other-jump", "a raster finish from stride 8 where LIDX lists a jump of 4 (the levels"
                + " before it at strides 32 and 16): the tools make other sizes",
                withTools(graphic, ToolLists.with(bare, CodingTool.RASTER_FINISH, (byte) 3)), "CORRUPT_LEVEL");
        byte[] compact = NwfContainer.toBytes(graphic, NwfContainer.Form.COMPACT);
        int packed = 2 + 2 + 2; // signature, width - 1 and height - 1 (two LEB128 bytes each)
        if ((compact[packed] & 0x80) == 0 || compact[packed + 2] != 2) {
            throw new IllegalStateException("the compact form of the graphic lacks its jump: " + compact[packed]);
        }
        List<CaseManifest.Level> levels = levelsOf(compact, graphic.header().levels());
        write("compact-rgb8-raster-finish-240x160", compact, new CaseManifest("compact-rgb8-raster-finish-240x160",
                "the raster-finish graphic in the compact form: bit 7 and a jump of 4 (J - 2 = 2) after the level"
                        + " count", List.of("compact", "rgb", "8bit", "pixel-levels", "raster-finish"),
                codec.model().id(), CaseManifest.EXPECT_DECODE, levels, levels.get(levels.size() - 1), null));
        byte[] jump5 = compact.clone();
        jump5[packed + 2] = 3;
        write("compact-jump-disagreeing-with-tools", jump5, errorCase("compact-jump-disagreeing-with-tools",
                "the compact raster-finish graphic with a jump of 5 instead of 4: its level sizes are not the ones its"
                        + " tools make", "CORRUPT_LEVEL"));
    }

    /**
     * Rows in a DEFLATE stream (SPEC.md §4.5): samples of 8 and 16 bits and palette indices, each row a rotation of
     * one noisy row (what LZ77 codes and the context models do not); levels and lists a decoder must refuse.
     */
    private void deflateRows() throws IOException {
        codec = nwfAll.withLevels(1);
        NwfFile gray = withTool("gray8-deflate-rows-96x20",
                "rows in a DEFLATE stream: each a rotation of one noisy row",
                List.of("gray", "8bit", "deflate-rows"), SyntheticImages.rotatedRows(96, 20, 1, 8, 0, 61),
                CodingTool.DEFLATE_ROWS);
        NwfCodec withPalette = codec;
        // ranks of a value map, not a palette, which the rows' few colours would otherwise take
        codec = without(codec, CodingTool.PALETTE);
        withTool("rgb16-deflate-rows-300x8",
                "rows of 9-bit ranks of 16-bit samples, two bytes each, most significant first",
                List.of("rgb", "16bit", "deflate-rows"), SyntheticImages.rotatedRows(300, 8, 3, 16, 0, 62),
                CodingTool.DEFLATE_ROWS);
        codec = withPalette;
        withTool("rgba8-deflate-rows-palette-120x16", "rows of a palette's indices (40 colours with alpha)",
                List.of("rgba", "8bit", "deflate-rows"), SyntheticImages.rotatedRows(120, 16, 4, 8, 40, 63),
                CodingTool.DEFLATE_ROWS, CodingTool.PALETTE);
        byte[] list = gray.header().tools();
        reject("deflate-rows-with-pixel-levels", "rows in a DEFLATE stream listed with pixel levels",
                withTools(gray, ToolLists.with(list, CodingTool.PIXEL_LEVELS, (byte) 0, (byte) 0)), "INVALID_TOOLS");
        // the stream's first row given filter type 5 (PNG's end at 4)
        byte[] plain = new byte[20 * 97];
        plain[0] = 5;
        byte[] stream = dev.nwf.codec.entropy.RawDeflate.deflate(plain, java.util.zip.Deflater.DEFAULT_STRATEGY);
        reject("deflate-rows-filter-type-5", "rows whose first filter type is 5", withLevel(gray, stream),
                "CORRUPT_LEVEL");
        reject("deflate-rows-short-stream", "rows whose stream inflates to one row fewer than the image has",
                withLevel(gray, dev.nwf.codec.entropy.RawDeflate.deflate(new byte[19 * 97],
                        java.util.zip.Deflater.DEFAULT_STRATEGY)), "CORRUPT_LEVEL");
    }

    /** The one-level file with other coded data. */
    private static NwfFile withLevel(NwfFile file, byte[] payload) {
        LevelInfo l = file.levelIndex().get(0);
        return new NwfFile(file.header(), List.of(new LevelInfo(l.width(), l.height(), payload.length)),
                List.of(payload), file.metadata(), null, null, List.of());
    }

    /** Block grids: JPEG-like images whose grid the encoder names, and grids a decoder must refuse. */
    private void blockGrids() throws IOException {
        Image jpegLike = SyntheticImages.jpegLike(SyntheticImages.waves(256, 256, 20), 256, 256, 3);
        NwfFile grid = withTool("gray8-block-grid-256x256",
                "block grid: 8x8 blocks starting at column and row 3, as JPEG leaves them",
                List.of("gray", "8bit", "multi-level"), jpegLike, CodingTool.BLOCK_GRID);
        withTool("gray16-value-map-block-grid-256x256", "value map and block grid (the same image widened to 16 bits)",
                List.of("gray", "16bit", "multi-level"), SyntheticImages.times257(jpegLike), CodingTool.BLOCK_GRID,
                        CodingTool.VALUE_MAP);
        needsAdaptiveMean(CodingTool.BLOCK_GRID, grid);
        byte[] list = ToolLists.without(grid.header().tools(), CodingTool.BLOCK_GRID);
        reject("block-grid-bad-period", "block grid period 6 (only 4 and 8 are defined)",
                withTools(grid, ToolLists.with(list, CodingTool.BLOCK_GRID, (byte) 6, (byte) 3, (byte) 3)),
                        "INVALID_TOOLS");
        reject("block-grid-start-outside-period", "block grid of period 4 starting at column 5",
                withTools(grid, ToolLists.with(list, CodingTool.BLOCK_GRID, (byte) 4, (byte) 5, (byte) 0)),
                        "INVALID_TOOLS");
    }

    /** A case to reject: {@code file} with the adaptive mean taken out of its list, which {@code tool} needs. */
    private void needsAdaptiveMean(CodingTool tool, NwfFile file) throws IOException {
        if (!ToolLists.lists(file.header().tools(),
                tool)) throw new IllegalStateException("the file does not list " + tool.toolName);
        reject(tool.toolName + "-without-adaptive-mean", "tool " + tool.toolName
                + " without adaptive-mean, which it needs",
                withTools(file, ToolLists.without(file.header().tools(), CodingTool.ADAPTIVE_MEAN)), "INVALID_TOOLS");
    }

    /**
     * A case to reject: {@code file} with {@code tool} taken out of its list, so its levels decode as they were not
     * coded.
     */
    private void cleared(CodingTool tool, NwfFile file) throws IOException {
        cleared("", tool, file);
    }

    /** {@link #cleared(CodingTool, NwfFile)} under a name that starts with {@code prefix}. */
    private void cleared(String prefix, CodingTool tool, NwfFile file) throws IOException {
        reject(prefix + tool.toolName + "-cleared",
                "tool " + tool.toolName + " taken out of the list of a file coded with it: the levels do not decode",
                withTools(file, ToolLists.without(file.header().tools(), tool)), "CORRUPT_LEVEL");
    }

    /**
     * The Haar split: images of flat 2×2 blocks, which the encoder splits with Haar (no network evaluated), and misuse.
     */
    private void haarSplits() throws IOException {
        codec = nwfWithout(CodingTool.BIAS_CORRECTION, CodingTool.ERROR_FEEDBACK, CodingTool.SCALE_BLEND);
        withTool("rgb8-haar-split-64x48", "Haar split at every level: an image enlarged by repeating pixels",
                List.of("rgb", "8bit", "multi-level"), SyntheticImages.pixelRepeated(SyntheticImages.fixedWaves(32, 24,
                        3, 8, 21), 64, 48), CodingTool.HAAR_SPLIT);
        NwfFile haar = withTool("gray8-haar-split-37x29", "Haar split of odd sizes (the last column and row repeated)",
                List.of("gray", "8bit", "odd-size", "multi-level"),
                        SyntheticImages.pixelRepeated(SyntheticImages.fixedWaves(19, 15, 1, 8, 22), 37, 29),
                        CodingTool.HAAR_SPLIT);
        needsAdaptiveMean(CodingTool.HAAR_SPLIT, haar);
        codec = nwf;
    }

    /** The zero context under the 5/3 alone: a posterised image, whose flat areas leave details that are exactly 0. */
    private void zeroContexts() throws IOException {
        codec = nwfWithout(CodingTool.HAAR_SPLIT, CodingTool.BIAS_CORRECTION, CodingTool.ERROR_FEEDBACK,
                CodingTool.SCALE_BLEND);
        NwfFile zero = withTool("rgb8-zero-context-56x44",
                "zero context under the 5/3 split: a posterised image (steps of 24 levels)",
                List.of("rgb", "8bit", "multi-level"), SyntheticImages.posterised(SyntheticImages.fixedWaves(56, 44, 3,
                        8, 24), 24), CodingTool.ZERO_CONTEXT);
        needsAdaptiveMean(CodingTool.ZERO_CONTEXT, zero);
        cleared(CodingTool.ZERO_CONTEXT, zero);
        codec = nwf;
    }

    /** The bias correction: a sawtooth shading under the 5/3 and flat 2×2 blocks under Haar, and misuses. */
    private void biasCorrections() throws IOException {
        codec = nwfWithout(CodingTool.HAAR_SPLIT, CodingTool.ERROR_FEEDBACK, CodingTool.SCALE_BLEND);
        // the sawtooth's few colours would otherwise take a palette and leave the colour transform
        codec = without(codec, CodingTool.PALETTE);
        NwfFile bias = withTool("rgb8-bias-correction-64x48", "bias correction under the 5/3: a sawtooth shading",
                List.of("rgb", "8bit", "multi-level"), SyntheticImages.sawtooth(64, 48), CodingTool.BIAS_CORRECTION);
        codec = nwfWithout(CodingTool.ERROR_FEEDBACK, CodingTool.SCALE_BLEND);
        withTool("gray8-bias-correction-haar-40x36", "bias correction with the Haar split",
                List.of("gray", "8bit", "multi-level"), SyntheticImages.pixelRepeated(SyntheticImages.fixedWaves(20, 18,
                        1, 8, 26), 40, 36),
                CodingTool.HAAR_SPLIT, CodingTool.BIAS_CORRECTION);
        cleared(CodingTool.BIAS_CORRECTION, bias);
        needsAdaptiveMean(CodingTool.BIAS_CORRECTION, bias);
        codec = nwf;
    }

    /**
     * The error feedback: the sawtooth shading under the 5/3, a three-channel image of flat 2×2 blocks under Haar (each
     * channel reads the errors of channel 0 and of the channel before it), and misuses.
     */
    private void errorFeedbacks() throws IOException {
        codec = nwfWithout(CodingTool.HAAR_SPLIT, CodingTool.SCALE_BLEND);
        // the sawtooth's few colours would otherwise take a palette and leave the colour transform
        codec = without(codec, CodingTool.PALETTE);
        NwfFile feedback = withTool("rgb8-error-feedback-64x48", "error feedback under the 5/3: a sawtooth shading",
                List.of("rgb", "8bit", "multi-level"), SyntheticImages.sawtooth(64, 48), CodingTool.BIAS_CORRECTION,
                        CodingTool.ERROR_FEEDBACK);
        codec = nwfWithout(CodingTool.SCALE_BLEND);
        withTool("rgb8-error-feedback-haar-48x40", "error feedback with the Haar split",
                List.of("rgb", "8bit", "multi-level"), SyntheticImages.pixelRepeated(SyntheticImages.fixedWaves(24, 20,
                        3, 8, 27), 48, 40),
                CodingTool.HAAR_SPLIT, CodingTool.ERROR_FEEDBACK);
        cleared(CodingTool.ERROR_FEEDBACK, feedback);
        needsAdaptiveMean(CodingTool.ERROR_FEEDBACK, feedback);
        codec = nwf;
    }

    /**
     * The learnt scale blend with every other tool: under Haar in colour, at 16 bits and at 4 bits of depth (its step
     * works in 8-bit units), and misuses.
     */
    private void scaleBlends() throws IOException {
        codec = nwf;
        NwfFile blend = withTool("rgb8-scale-blend-haar-64x48", "the learnt scale blend under Haar",
                List.of("rgb", "8bit", "multi-level"),
                        SyntheticImages.speckled(SyntheticImages.pixelRepeated(SyntheticImages.fixedWaves(32, 24, 3, 8,
                        34), 64, 48), 34),
                CodingTool.SCALE_BLEND, CodingTool.HAAR_SPLIT);
        withTool("gray16-scale-blend-40x36", "the learnt scale blend at 16 bits of depth",
                List.of("gray", "16bit", "multi-level"), SyntheticImages.fixedWaves(40, 36, 1, 16, 35),
                        CodingTool.SCALE_BLEND);
        withTool("gray4-scale-blend-33x17", "the learnt scale blend at 4 bits of depth, odd sizes",
                List.of("gray", "4bit", "odd-size", "multi-level"), SyntheticImages.fixedWaves(33, 17, 1, 4, 36),
                        CodingTool.SCALE_BLEND);
        cleared(CodingTool.SCALE_BLEND, blend);
        needsAdaptiveMean(CodingTool.SCALE_BLEND, blend);
    }

    /**
     * Band streams with every other tool: images whose finest level's bands reach 2^14 samples (the coarser levels keep
     * one stream), and misuses.
     */
    private void bandStreams() throws IOException {
        codec = nwf;
        withTool("rgb8-band-streams-haar-256x256",
                "band streams at the finest level under Haar (the repeated pixels also show a 4×4 grid): nine bands,"
                        + " each its own stream",
                List.of("rgb", "8bit", "multi-level"),
                        SyntheticImages.speckled(SyntheticImages.pixelRepeated(SyntheticImages.fixedWaves(128, 128, 3,
                        8, 28), 256, 256), 28),
                CodingTool.BAND_STREAMS, CodingTool.HAAR_SPLIT);
        NwfFile fiveThree = withTool("gray8-band-streams-5-3-258x255",
                "band streams under the 5/3 split (network means), odd sizes: three bands",
                List.of("gray", "8bit", "odd-size", "multi-level"), SyntheticImages.waves(258, 255, 29),
                        CodingTool.BAND_STREAMS);
        if (ToolLists.lists(fiveThree.header().tools(),
                CodingTool.HAAR_SPLIT)) throw new
                IllegalStateException("gray8-band-streams-5-3-258x255 came out split with Haar");
        cleared(CodingTool.BAND_STREAMS, fiveThree);
        // the finest level's first stream length (LEB128 at the payload's start) made 2^31 − 1
        List<byte[]> levels = new ArrayList<>(fiveThree.levels());
        byte[] finest = levels.get(levels.size() - 1);
        int lengthBytes = 0;
        while ((finest[lengthBytes] & 0x80) != 0) lengthBytes++;
        byte[] longer = new byte[finest.length - (lengthBytes + 1) + 5];
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07}, 0, longer, 0, 5);
        System.arraycopy(finest, lengthBytes + 1, longer, 5, finest.length - (lengthBytes + 1));
        levels.set(levels.size() - 1, longer);
        List<LevelInfo> index = new ArrayList<>(fiveThree.levelIndex());
        LevelInfo last = index.get(index.size() - 1);
        index.set(index.size() - 1, new LevelInfo(last.width(), last.height(), longer.length));
        reject("band-stream-past-level-end", "the finest level's first band stream claims 2^31 − 1 bytes",
                new NwfFile(fiveThree.header(), index, levels, fiveThree.metadata(), null, null, List.of()),
                        "CORRUPT_LEVEL");
    }






    /** {@link #image}, checking that the encoder listed these tools. */
    private NwfFile withTool(String name, String description, List<String> tags, Image img,
            CodingTool... tools) throws IOException {
        NwfFile file = image(name, description, tags, img);
        for (CodingTool t : tools) {
            if (!ToolLists.lists(file.header().tools(),
                    t)) throw new IllegalStateException(name + " came out without tool " + t.toolName);
        }
        return file;
    }

    /** {@link #image}, checking that the encoder chose a value map. */
    private NwfFile mapped(String name, String description, List<String> features, Image img) throws IOException {
        return withTool(name, description, features, img, CodingTool.VALUE_MAP);
    }

    /** Number of values in a channel's map of a file with a value map (read from its tool list, SPEC.md §4.0). */
    private static int mapSize(NwfFile file, int channel) {
        byte[] params = ToolLists.params(file.header().tools(), CodingTool.VALUE_MAP);
        int[] length = varint(params, 0);
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        try {
            inflater.setInput(params, length[1], length[0]);
            byte[] plain = new byte[1 << 20];
            int n = inflater.inflate(plain);
            int pos = 0;
            for (int c = 0; ; c++) {
                int[] count = varint(plain, pos);
                if (c == channel) return count[0];
                pos = count[1];
                for (int i = 0; i < count[0]; i++) pos = varint(plain, pos)[1];
                if (pos >= n) throw new IllegalStateException("no channel " + channel);
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
    }

    private static int[] varint(byte[] b, int pos) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b[pos++] & 0xFF;
            v |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return new int[] {v, pos};
        }
    }

    /**
     * The file with its value map replaced: per channel its first value then gaps ({@code lists[c][0]} is the first
     * value).
     */
    private static NwfFile withMap(NwfFile file, List<int[]> lists) {
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        for (int[] list : lists) {
            writeVarint(plain, list.length);
            for (int v : list) writeVarint(plain, v);
        }
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
        deflater.setInput(plain.toByteArray());
        deflater.finish();
        byte[] buf = new byte[1 << 16];
        int mapLength = deflater.deflate(buf);
        deflater.end();
        java.io.ByteArrayOutputStream params = new java.io.ByteArrayOutputStream();
        writeVarint(params, mapLength);
        params.write(buf, 0, mapLength);
        byte[] list = ToolLists.with(ToolLists.without(file.header().tools(), CodingTool.VALUE_MAP),
                CodingTool.VALUE_MAP, params.toByteArray());
        return withTools(file, list);
    }

    private static void writeVarint(java.io.ByteArrayOutputStream out, int v) {
        while (v >= 0x80) {
            out.write(v & 0x7F | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }



    /** {@link #image}, checking that the encoder chose the colour transform the case is meant to cover. */
    private NwfFile transform(String name, String description, List<String> tags, Image img,
            String colourTransform) throws IOException {
        // without a palette, which a few-coloured synthetic image may take in place of the transform
        NwfCodec previous = codec;
        codec = without(codec, CodingTool.PALETTE);
        NwfFile file;
        try {
            file = image(name, description, tags, img);
        } finally {
            codec = previous;
        }
        String chosen = NwfCodec.tools(file.header()).colourTransformName();
        if (!chosen.equals(colourTransform)) throw new IllegalStateException(name + " came out with colour transform "
                + chosen + ", not " + colourTransform);
        return file;
    }

    /** Writes a case to decode; its manifest's features are the content tags and the tools the file lists. */
    private NwfFile image(String name, String description, List<String> tags, Image img) throws IOException {
        NwfFile file = codec.encode(img);
        byte[] bytes = chunked(file);
        List<CaseManifest.Level> levels = levelsOf(bytes, file.header().levels());
        List<String> features = new ArrayList<>(tags);
        // the tools the file lists, each once (a case's tags often name them already)
        for (CodingTool t : NwfCodec.tools(file.header()).tools()) {
            if (!features.contains(t.toolName)) features.add(t.toolName);
        }
        write(name, bytes, new CaseManifest(name, description, features, codec.model().id(), CaseManifest.EXPECT_DECODE,
                levels,
                levels.get(levels.size() - 1), null));
        if (!PixelHash.of(img).equals(levels.get(levels.size() - 1).sha256())) throw new IllegalStateException(name
                + " does not round-trip");
        return file;
    }

    private List<CaseManifest.Level> levelsOf(byte[] bytes, int n) throws IOException {
        List<CaseManifest.Level> levels = new ArrayList<>();
        NwfFile f = NwfContainer.read(bytes, ReadOptions.DEFAULT).file();
        codec.decoder().droppingFinest(f.header().levels() - n)
                .withListener((level, total, image) -> levels.add(new CaseManifest.Level(level, image.width(),
                        image.height(), PixelHash.of(image))))
                .decode(f);
        return levels;
    }

    /**
     * The vectors above are in the chunked form, whose chunks their alterations address; these cover the compact
     * form (SPEC.md §2.9).
     */
    private static byte[] chunked(NwfFile file) {
        return NwfContainer.toBytes(file, NwfContainer.Form.CHUNKED);
    }

    /** The compact form: the same levels without chunks, its cuts, and what it refuses. */
    private void compactForm(NwfFile big) throws IOException {
        byte[] bytes = NwfContainer.toBytes(big, NwfContainer.Form.COMPACT);
        List<CaseManifest.Level> levels = levelsOf(bytes, big.header().levels());
        List<String> tags = List.of("compact", "rgb", "8bit", "multi-level");
        write("compact-rgb8-70x45", bytes, new CaseManifest("compact-rgb8-70x45",
                "rgb8-70x45 in the compact form: model number, LEB128 sizes and lengths, no chunks", tags,
                codec.model().id(), CaseManifest.EXPECT_DECODE, levels, levels.get(levels.size() - 1), null));
        NwfFile withMeta = big.withMetadata(Map.of("text", Map.of("Title", "compact")), new byte[] {1, 2, 3, 4},
                new byte[] {'M', 'M', 0, 42});
        write("compact-ancillary-rgb8-70x45", NwfContainer.toBytes(withMeta, NwfContainer.Form.COMPACT),
                new CaseManifest("compact-ancillary-rgb8-70x45",
                        "compact form with meta, iccp and exif chunks between its head and its level lengths",
                        tags, codec.model().id(), CaseManifest.EXPECT_DECODE, levels, levels.get(levels.size() - 1),
                        null));
        int levelsStart = bytes.length;
        for (byte[] l : big.levels()) levelsStart -= l.length;
        int afterLevel0 = levelsStart + big.level(0).length;
        write("compact-truncated-after-level-0", Arrays.copyOf(bytes, afterLevel0), new CaseManifest(
                "compact-truncated-after-level-0", "compact file cut right after level 0: decodes to it",
                List.of("compact", "truncation", "progressive"), codec.model().id(), CaseManifest.EXPECT_DECODE,
                levels.subList(0, 1), levels.get(0), null));
        int last = big.levelCount() - 1;
        write("compact-truncated-mid-level", Arrays.copyOf(bytes, bytes.length - big.level(last).length / 2),
                new CaseManifest("compact-truncated-mid-level",
                        "compact file cut inside its last level: decodes to the level before",
                        List.of("compact", "truncation", "progressive"), codec.model().id(),
                        CaseManifest.EXPECT_DECODE, levels.subList(0, last), levels.get(last - 1), null));
        write("compact-truncated-in-head", Arrays.copyOf(bytes, 6), errorCase("compact-truncated-in-head",
                "compact file cut before its level lengths", "TRUNCATED"));
        int modelAt = 2 + 1 + 1 + 1 + 1; // signature, width - 1 and height - 1 (one byte each), packed, levels
        byte[] model = bytes.clone();
        model[modelAt] = 0x7F;
        write("compact-unknown-model-number", model, errorCase("compact-unknown-model-number",
                "model number 127, which the table of SPEC.md §2.9 does not define", "UNKNOWN_MODEL"));
        byte[] jumpOfOne = NwfContainer.toBytes(without(nwfAll, CodingTool.DEFLATE_ROWS).withLevels(1)
                .encode(SyntheticImages.graphic(20, 12, 3, 8, 55)), NwfContainer.Form.COMPACT);
        if (jumpOfOne[5] != 1) throw new IllegalStateException("the one-level file has " + jumpOfOne[5] + " levels");
        jumpOfOne[4] |= (byte) 0x80;
        write("compact-jump-on-one-level", jumpOfOne, errorCase("compact-jump-on-one-level",
                "bit 7 (a jump before the finest level) set on a file of one level", "MALFORMED"));
        byte[] after = Arrays.copyOf(bytes, bytes.length + 1);
        write("compact-data-after-last-level", after, errorCase("compact-data-after-last-level",
                "one byte after the last level", "MALFORMED"));
        byte[] overlong = {(byte) 0x8E, 'n', (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};
        write("compact-overlong-width", overlong, errorCase("compact-overlong-width",
                "a width of six LEB128 bytes", "MALFORMED"));
        byte[] huge = {(byte) 0x8E, 'n', (byte) 0xFF, (byte) 0xFF, 0x03, (byte) 0xFF, (byte) 0xFF, 0x03};
        write("compact-over-pixel-limit", huge, errorCase("compact-over-pixel-limit",
                "65536x65536, over the default limit of 2^28 pixels", "LIMIT_EXCEEDED"));
        byte[] corrupt = bytes.clone();
        corrupt[bytes.length - big.level(last).length + 9] ^= 0x55;
        write("compact-corrupt-level", corrupt, errorCase("compact-corrupt-level",
                "a byte of the last level's coded data altered (no CRC: the level's decoder notices)",
                "CORRUPT_LEVEL"));
        byte[] sig = bytes.clone();
        sig[0] &= 0x7F;
        write("compact-bad-signature-7bit", sig, errorCase("compact-bad-signature-7bit",
                "compact signature with the high bit of its first byte stripped", "BAD_SIGNATURE"));
    }

    /** A cut after each complete level, and one inside the last level's chunk. */
    private void truncations(NwfFile file) throws IOException {
        byte[] bytes = chunked(file);
        List<CaseManifest.Level> levels = levelsOf(bytes, file.header().levels());
        int end = bytes.length - 12; // before NEND
        int[] levelEnds = new int[file.levelCount()];
        for (int i = file.levelCount() - 1; i >= 0; i--) {
            levelEnds[i] = end;
            end -= 13 + file.level(i).length;
        }
        for (int i = 0; i < file.levelCount() - 1; i++) {
            write("truncated-after-level-" + i, Arrays.copyOf(bytes, levelEnds[i]),
                    new CaseManifest("truncated-after-level-" + i,
                    "file cut right after level " + i + "'s chunk: decodes to that level",
                            List.of("truncation", "progressive"),
                    codec.model().id(), CaseManifest.EXPECT_DECODE, levels.subList(0, i + 1), levels.get(i), null));
        }
        int last = file.levelCount() - 1;
        int mid = levelEnds[last] - file.level(last).length / 2;
        write("truncated-mid-chunk", Arrays.copyOf(bytes, mid), new CaseManifest("truncated-mid-chunk",
                "file cut inside the last level's chunk: decodes to the level before",
                        List.of("truncation", "progressive"),
                codec.model().id(), CaseManifest.EXPECT_DECODE, levels.subList(0, last), levels.get(last - 1), null));
        write("truncated-in-header", Arrays.copyOf(bytes, 20), errorCase("truncated-in-header", "cut inside HEAD",
                "TRUNCATED"));
    }

    private void errors(NwfFile file) throws IOException {
        byte[] ok = chunked(file);
        byte[] sig = ok.clone();
        sig[0] &= 0x7F;
        write("bad-signature-7bit", sig, errorCase("bad-signature-7bit", "high bit of the first byte stripped",
                "BAD_SIGNATURE"));
        byte[] version = ok.clone();
        version[8] = 2;
        write("unsupported-version", version, errorCase("unsupported-version", "major version 2",
                "UNSUPPORTED_VERSION"));
        byte[] draft = ok.clone();
        draft[9] = (byte) NwfContainer.LAST_DRAFT_MINOR;
        write("retired-draft-version", draft, errorCase("retired-draft-version",
                "version 1.11, the last retired draft (tools as feature bits)",
                "UNSUPPORTED_VERSION"));
        byte[] crc = ok.clone();
        crc[crc.length / 2] ^= 0x01;
        write("crc-mismatch", crc, errorCase("crc-mismatch", "one flipped bit in a level chunk", "CRC_MISMATCH"));
        byte[] critical = ok.clone();
        int lidx = findChunk(critical, "LIDX");
        critical[lidx + 4] = 'X';
        fixCrc(critical, lidx);
        write("unknown-critical-chunk", critical, errorCase("unknown-critical-chunk", "LIDX renamed XIDX",
                "UNKNOWN_CRITICAL_CHUNK"));
        byte[] offPlan = ok.clone();
        int index = findChunk(offPlan, "LIDX");
        // level 0's width, after the chunk's length, type and entry count: one more, still within the image
        ByteBuffer.wrap(offPlan, index + 9, 4).putInt(ByteBuffer.wrap(offPlan, index + 9, 4).getInt() + 1);
        fixCrc(offPlan, index);
        write("level-index-off-plan", offPlan, errorCase("level-index-off-plan",
                "level 0's width in LIDX one more than §4.3's halving gives, under a valid CRC", "MALFORMED"));
        write("corrupt-level-data", withLastLevelAltered(ok.clone()), errorCase("corrupt-level-data",
                "coded data altered with a valid CRC",
                "CORRUPT_LEVEL"));
        byte[] model = ok.clone();
        int head = findChunk(model, "HEAD");
        int headLength = ByteBuffer.wrap(model, head, 4).getInt();
        int idBytes = codec.model().id().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        model[head + 8 + headLength - idBytes] = (byte) 'X'; // HEAD ends with the model id (SPEC.md §2.4)
        fixCrc(model, head);
        write("unknown-model", model, errorCase("unknown-model", "model id changed", "UNKNOWN_MODEL"));
    }

    /**
     * Writes a case to reject and checks that the built-in decoder rejects it with {@code kind}: a misuse case that
     * decoded (a tool taken out whose absence the levels do not show, say) would teach other decoders nothing.
     */
    private void reject(String name, String description, NwfFile file, String kind) throws IOException {
        byte[] bytes = chunked(file);
        String got;
        try {
            dev.nwf.codec.NwfDecoder.of(models).allowingPartial(true).decode(bytes);
            got = "a decoded image";
        } catch (IOException | RuntimeException e) {
            got = Conformance.errorKind(e);
        }
        if (!got.equals(kind)) throw new IllegalStateException(name + " should be rejected with " + kind + ", got "
                + got);
        write(name, bytes, errorCase(name, description, kind));
    }

    private CaseManifest errorCase(String name, String description, String kind) {
        return new CaseManifest(name, description, List.of("reject"), codec.model().id(), CaseManifest.EXPECT_ERROR,
                null, null, kind);
    }

    private void write(String name, byte[] nwf, CaseManifest manifest) throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        Files.write(dir.resolve("input.nwf"), nwf);
        Files.write(dir.resolve("test.json"), JSON.writeValueAsBytes(manifest));
        written.add(name);
    }

    static int findChunk(byte[] b, String type) {
        return chunkOffsets(b, type).get(0);
    }

    static int findLastChunk(byte[] b, String type) {
        List<Integer> all = chunkOffsets(b, type);
        return all.get(all.size() - 1);
    }

    /** Offsets of every chunk of {@code type}, in file order. */
    private static List<Integer> chunkOffsets(byte[] b, String type) {
        List<Integer> out = new ArrayList<>();
        for (int p = NwfContainer.PREAMBLE_BYTES; p + 8 <= b.length; p += 12 + ByteBuffer.wrap(b, p, 4).getInt()) {
            if (new String(b, p + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals(type)) out.add(p);
        }
        if (out.isEmpty()) throw new IllegalStateException("no " + type + " chunk");
        return out;
    }

    /** Recomputes the CRC of the chunk starting at {@code p}. */
    /** The file with a byte inside its last level's coded data altered and the chunk's CRC recomputed. */
    private static byte[] withLastLevelAltered(byte[] b) {
        int lastLevel = findLastChunk(b, "LEVL");
        b[lastLevel + 8 + 1 + 9] ^= 0x55; // only the level's decoder can notice
        fixCrc(b, lastLevel);
        return b;
    }

    static void fixCrc(byte[] b, int p) {
        int len = ByteBuffer.wrap(b, p, 4).getInt();
        CRC32C crc = new CRC32C();
        crc.update(b, p + 4, 4 + len);
        ByteBuffer.wrap(b, p + 8 + len, 4).putInt((int) crc.getValue());
    }



}
