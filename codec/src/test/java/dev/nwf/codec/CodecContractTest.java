package dev.nwf.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import dev.nwf.format.NwfRead;
import dev.nwf.format.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every model family must do; one subclass per family (SPEC.md §6, §8). */
abstract class CodecContractTest {
    /** A model of the family with random weights: predictions are poor, coding must still be exact. */
    abstract NwfModel randomModel(long seed);

    /** A model of the family whose networks output constants. */
    abstract NwfModel constantModel();

    /** The codec under test for a model: every tool allowed; subclasses may allow fewer. */
    NwfCodec codecFor(NwfModel model) {
        return new NwfCodec(model);
    }

    /** Every tool allowed. */
    private final NwfCodec full = codecFor(randomModel(3));
    /** The family's wavelet levels: the tests of the tools that shape them leave pixel levels and rows out. */
    private final NwfCodec codec = allowing(full, CodingTool.PIXEL_LEVELS, CodingTool.DEFLATE_ROWS);

    private Image roundTrip(NwfCodec c, Image img) throws IOException {
        byte[] bytes = NwfContainer.toBytes(c.encode(img));
        NwfRead read = NwfContainer.read(bytes, ReadOptions.DEFAULT);
        Decoded d = c.decoder().decode(read.file());
        assertTrue(d.isFull());
        return d.image();
    }

    /** Edge sizes (1x1, 1xN, Nx1, odd), every channel count, 8 and 16 bit, and 1-bit. */
    @ParameterizedTest
    @CsvSource({"1,1,1,8", "1,1,3,8", "1,57,3,8", "57,1,1,8", "2,2,4,8", "17,17,3,8", "33,15,2,8", "65,47,3,8",
            "100,3,4,8",
                "31,29,3,16", "40,40,1,16", "19,23,4,12", "24,20,1,1", "129,67,3,8"})
    void syntheticImagesRoundTripExactly(int w, int h, int channels, int depth) throws IOException {
        Image img = SyntheticImages.synthetic(w, h, channels, depth, w * 31L + h);
        assertTrue(img.sameAs(roundTrip(codec, img)));
        Image noise = SyntheticImages.noise(w, h, channels, depth, w + 7L * h);
        assertTrue(noise.sameAs(roundTrip(codec, noise)));
        Image graphic = SyntheticImages.graphic(w, h, channels, depth, w + 5L * h);
        assertTrue(graphic.sameAs(roundTrip(full, graphic)));
    }

    @Test
    void anyPriorWeightsRoundTrip() throws IOException {
        Image img = SyntheticImages.synthetic(50, 37, 3, 8, 9);
        for (long seed = 0; seed < 5; seed++) {
            NwfCodec c = codecFor(randomModel(seed));
            assertTrue(img.sameAs(roundTrip(c, img)));
        }
        assertTrue(img.sameAs(roundTrip(codecFor(constantModel()), img)));
    }

    @Test
    void upsamplingDoublesTheSizeAndKeepsTheSampleRange() {
        Image small = SyntheticImages.synthetic(13, 9, 3, 8, 6);
        for (double t : new double[] {0, 1}) {
            Image big = codec.upsample(small, 2, t, 5);
            assertEquals(52, big.width());
            assertEquals(36, big.height());
            assertTrue(big.sameAs(codec.upsample(small, 2, t, 5)), "same seed, same image");
        }
    }

    @Test
    void progressiveDecodeGivesEachLevelAtItsSize() throws IOException {
        Image img = SyntheticImages.synthetic(70, 45, 3, 8, 1);
        NwfFile file = codec.encode(img);
        List<int[]> seen = new ArrayList<>();
        Decoded full = NwfDecoder.of((id, dg) -> codec.model())
                .withListener((level, total, image) -> seen.add(new int[] {level, image.width(), image.height()}))
                .decode(new ByteArrayInputStream(NwfContainer.toBytes(file)));
        assertTrue(img.sameAs(full.image()));
        assertEquals(file.header().levels(), seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i)[0]);
            assertEquals(file.levelIndex().get(i).width(), seen.get(i)[1]);
            assertEquals(file.levelIndex().get(i).height(), seen.get(i)[2]);
        }
    }

    /**
     * A file cut inside its last level decodes, when partial results are allowed, to the level before (as a stream and
     * as a file already read); refused otherwise, as TRUNCATED with the offset where the verified bytes end. Asking
     * for one level fewer gives the same image.
     */
    @Test
    void truncatedFileDecodesToTheLastCompleteLevel() throws IOException {
        Image img = SyntheticImages.synthetic(80, 64, 3, 8, 2);
        byte[] bytes = NwfContainer.toBytes(codec.encode(img));
        Decoded full = codec.decoder().decode(NwfContainer.read(bytes, ReadOptions.DEFAULT).file());
        // cut inside the last level: the result is the level before, at half size
        byte[] cutBytes = Arrays.copyOf(bytes, bytes.length - 40);
        NwfRead cut = NwfContainer.read(cutBytes, ReadOptions.DEFAULT);
        Decoded partial = codec.decoder().allowingPartial(true).decode(cut.file());
        assertTrue(partial.image().sameAs(codec.decoder().allowingPartial(true).decode(cutBytes).image()));
        dev.nwf.format.NwfFormatException refused = assertThrows(dev.nwf.format.NwfFormatException.class,
                () -> codec.decoder().decode(cutBytes));
        assertEquals(dev.nwf.format.NwfFormatException.Kind.TRUNCATED, refused.kind());
        assertEquals(cut.verifiedBytes(), refused.offset());
        assertTrue(refused.getMessage().contains(partial.levelsDecoded() + " of " + full.totalLevels() + " levels"),
                refused.getMessage());
        assertEquals(full.totalLevels() - 1, partial.levelsDecoded());
        assertEquals(40, partial.image().width());
        assertEquals(32, partial.image().height());
        assertTrue(partial.stopReason() != null);
        // asking for fewer levels gives the same smaller image as truncation
        Decoded asked = codec.decoder().droppingFinest(1).decode(NwfContainer.read(bytes, ReadOptions.DEFAULT).file());
        assertTrue(asked.stopReason().contains("as asked"), asked.stopReason());
        assertTrue(asked.image().sameAs(partial.image()));
    }

    /**
     * Decoding reports its work in steps that only grow and end at the total for the levels asked for, without
     * building level images for a listener that does not want them.
     */
    @Test
    void decodeProgressReachesItsTotal() throws IOException {
        NwfFile file = codec.encode(SyntheticImages.synthetic(90, 70, 3, 8, 16));
        for (int levels : new int[] {file.levelCount(), file.levelCount() - 1}) {
            List<long[]> steps = new ArrayList<>();
            codec.decoder().droppingFinest(file.levelCount() - levels).withListener(new LevelListener() {
                @Override
                public void levelDecoded(int level, int totalLevels, Image image) {
                    throw new AssertionError("no images were asked for");
                }

                @Override
                public boolean wantsImages() {
                    return false;
                }

                @Override
                public void workDone(long done, long total) {
                    steps.add(new long[] {done, total});
                }
            }).decode(file);
            assertTrue(steps.size() >= levels, "at least one step per level");
            long total = steps.get(0)[1];
            for (int i = 1; i < steps.size(); i++) {
                assertEquals(total, steps.get(i)[1]);
                assertTrue(steps.get(i)[0] > steps.get(i - 1)[0], "work done grows");
            }
            assertEquals(total, steps.get(steps.size() - 1)[0], levels + " levels");
        }
    }

    /**
     * Encoding reports its work in steps that only grow and end exactly at the total it announced, also for an image
     * large enough that the encoder first codes a mosaic of it to choose the split (SPEC.md §4.2), the trial and the
     * final coding being phases of one total.
     */
    @Test
    void encodeProgressReachesItsTotal() {
        for (Image img : List.of(SyntheticImages.synthetic(90, 70, 3, 8, 15), SyntheticImages.synthetic(530, 520, 1, 8,
                16))) {
            List<long[]> steps = new ArrayList<>();
            codec.encode(img, Map.of(), null, null, new NwfCodec.EncodeProgress() {
                @Override
                public void levelCoded(int level, int totalLevels) {
                }

                @Override
                public void workDone(long done, long total) {
                    steps.add(new long[] {done, total});
                }
            });
            assertFalse(steps.isEmpty());
            long total = steps.get(0)[1];
            for (int i = 0; i < steps.size(); i++) {
                assertEquals(total, steps.get(i)[1]);
                if (i > 0) assertTrue(steps.get(i)[0] >= steps.get(i - 1)[0], "work done never shrinks");
            }
            assertEquals(total, steps.get(steps.size() - 1)[0]);
        }
    }

    /** Whether the file's tool list names the tool. */
    static boolean lists(NwfFile file, CodingTool tool) {
        return ToolLists.lists(file.header().tools(), tool);
    }

    /** The file with the tool's entry taken out of its list. */
    static NwfFile without(NwfFile file, CodingTool... tools) {
        byte[] list = file.header().tools();
        for (CodingTool t : tools) list = ToolLists.without(list, t);
        return file.withHeader(file.header().withTools(list));
    }

    /** The encoder's allowed tools less these. */
    private NwfCodec allowing(NwfCodec c, CodingTool... less) {
        java.util.Set<CodingTool> tools = java.util.EnumSet.noneOf(CodingTool.class);
        tools.addAll(c.tools());
        for (CodingTool t : less) tools.remove(t);
        // and the tools that need them
        tools.removeIf(t -> t.needs != null && !tools.contains(t.needs));
        return c.withTools(tools);
    }

    private boolean allows(CodingTool t) {
        return codec.tools().contains(t);
    }

    /**
     * The tool list names what the encoder used (a colour transform, value map, grid, Haar split or band streams only
     * where chosen; band streams only where a level holds them, none at this size) and the context tools it was
     * allowed; any decoder follows the file's list, not its own allowance.
     */
    @Test
    void decodingFollowsTheFilesTools() throws IOException {
        Image img = SyntheticImages.synthetic(40, 33, 3, 8, 13);
        // without a palette, which this image's 1320 colours may take in place of the colour transform
        java.util.Set<CodingTool> allowed = java.util.EnumSet.noneOf(CodingTool.class);
        allowed.addAll(codec.tools());
        allowed.remove(CodingTool.PALETTE);
        NwfFile file = codec.withTools(allowed).encode(img);
        java.util.Set<CodingTool> chosenPerImage = java.util.EnumSet.of(CodingTool.COLOUR_TRANSFORM,
                CodingTool.VALUE_MAP,
                CodingTool.BLOCK_GRID, CodingTool.HAAR_SPLIT, CodingTool.BAND_STREAMS, CodingTool.PALETTE,
                CodingTool.PIXEL_LEVELS, CodingTool.DEFLATE_ROWS);
        for (CodingTool t : CodingTool.values()) {
            if (!chosenPerImage.contains(t)) assertEquals(allows(t), lists(file, t), t.toolName);
        }
        assertFalse(lists(file, CodingTool.BAND_STREAMS));
        assertEquals(allows(CodingTool.COLOUR_TRANSFORM), lists(file, CodingTool.COLOUR_TRANSFORM));
        for (java.util.Set<CodingTool> tools : List.of(java.util.EnumSet.noneOf(CodingTool.class),
                CodingTool.supportedBy(codec.model()))) {
            NwfCodec other = new NwfCodec(codec.model()).withTools(tools);
            assertTrue(img.sameAs(other.decoder().decode(file).image()));
        }
    }

    /**
     * Tools the family does not define are refused when encoding and rejected in files, as are tool ids not in the
     * table, bytes after the last parameters, a tool set not in its shortest form, and a tool without the tool it
     * needs; each error names the problem.
     */
    @Test
    void toolListsBreakingTheTableAreRefused() throws IOException {
        NwfFile file = codec.encode(SyntheticImages.synthetic(20, 18, 3, 8, 14));
        byte[] list = file.header().tools();
        for (CodingTool t : CodingTool.values()) {
            if (t.supportedBy(codec.model().family())) continue;
            assertThrows(IllegalArgumentException.class, () -> codec.withTools(java.util.EnumSet.of(t)));
            NwfFile bad = file.withHeader(file.header().withTools(ToolLists.with(list, t, ToolLists.validParams(t))));
            CodingToolException e = assertThrows(CodingToolException.class, () -> codec.decoder().decode(bad));
            assertEquals(CodingToolException.Kind.INVALID_TOOLS, e.kind());
            assertTrue(e.getMessage().contains("not defined for " + codec.model().family()), e.getMessage());
        }
        List<ToolLists.Entry> withUnknown = new ArrayList<>(ToolLists.entries(list));
        withUnknown.add(new ToolLists.Entry(200, new byte[0]));
        CodingToolException e = assertThrows(CodingToolException.class, () -> codec.decoder().decode(
                file.withHeader(file.header().withTools(ToolLists.join(withUnknown)))));
        assertEquals(CodingToolException.Kind.UNKNOWN_TOOL, e.kind());
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("coding tool 200 is not known"), e.getMessage());
        if (list.length > 0) {
            byte[] trailing = java.util.Arrays.copyOf(list, list.length + 1);
            e = assertThrows(CodingToolException.class,
                    () -> codec.decoder().decode(file.withHeader(file.header().withTools(trailing))));
            assertEquals(list.length, e.offset());
            assertTrue(e.getMessage().contains("1 byte follows the last tool's parameters"), e.getMessage());
        }
        for (byte[] set : new byte[][] {{0}, {(byte) 0x84, 0}, {(byte) 0x84}}) {
            e = assertThrows(CodingToolException.class,
                    () -> codec.decoder().decode(file.withHeader(file.header().withTools(set))));
            assertEquals(CodingToolException.Kind.INVALID_TOOLS, e.kind());
            assertTrue(e.getMessage().contains("tool set"), e.getMessage());
        }
    }

    /**
     * 8-bit data widened to 16 bits and a few-colour image are coded as ranks (the value-map tool), smaller than
     * without (the palette, which the few-colour image would take, left out).
     */
    @Test
    void imagesUsingFewValuesAreCodedAsRanks() throws IOException {
        assumeTrue(allows(CodingTool.VALUE_MAP), "value maps allowed");
        NwfCodec codec = allowing(this.codec, CodingTool.PALETTE);
        Image widened = SyntheticImages.times257(SyntheticImages.synthetic(45, 38, 3, 8, 21));
        Image fewColours = SyntheticImages.fewColours(41, 35, 22);
        NwfCodec withoutMaps = allowing(codec, CodingTool.VALUE_MAP, CodingTool.PALETTE);
        for (Image img : List.of(widened, fewColours)) {
            NwfFile file = codec.encode(img);
            assertTrue(lists(file, CodingTool.VALUE_MAP), img + " gets a value map");
            assertEquals(img.bitDepth(), file.header().bitDepth(), "the header keeps the image's depth");
            assertTrue(img.sameAs(roundTrip(codec, img)));
            long mapped = NwfContainer.toBytes(file).length;
            long plain = NwfContainer.toBytes(withoutMaps.encode(img)).length;
            assertTrue(mapped < plain, img + ": " + mapped + " bytes with the map, " + plain + " without");
        }
        NwfFile noise = codec.encode(SyntheticImages.noise(30, 20, 3, 8, 23));
        assertFalse(lists(noise, CodingTool.VALUE_MAP), "noise uses every value: no map");
    }

    /**
     * An image of few whole colours (a few-colour RGBA image, a plot of coloured curves on white) is coded as one plane
     * of palette indices, smaller than as its samples, and decodes exactly; every level shown on the way holds only the
     * palette's colours. A palette with a colour transform is refused.
     */
    @Test
    void fewColouredImagesAreCodedAsPaletteIndices() throws IOException {
        assumeTrue(allows(CodingTool.PALETTE), "palettes allowed");
        NwfCodec withoutPalette = allowing(codec, CodingTool.PALETTE);
        for (Image img : List.of(SyntheticImages.fewColours(41, 35, 22), SyntheticImages.plot(160, 120))) {
            NwfFile file = codec.encode(img);
            assertTrue(lists(file, CodingTool.PALETTE), img + " gets a palette");
            assertFalse(lists(file, CodingTool.COLOUR_TRANSFORM) || lists(file, CodingTool.VALUE_MAP));
            List<Image> shown = new ArrayList<>();
            Image back = codec.decoder().withListener((level, total, image) -> shown.add(image)).decode(file).image();
            assertTrue(img.sameAs(back));
            java.util.Set<Long> colours = new java.util.HashSet<>();
            for (int i = 0; i < img.pixels(); i++) colours.add(colour(img, i));
            for (Image level : shown) {
                for (int i = 0; i < level.pixels(); i++) {
                    assertTrue(colours.contains(colour(level, i)), "a level shows a colour not in the image");
                }
            }
            long with = NwfContainer.toBytes(file).length;
            long without = NwfContainer.toBytes(withoutPalette.encode(img)).length;
            assertTrue(with < without, img + ": " + with + " bytes with the palette, " + without + " without");
        }
        NwfFile file = codec.encode(SyntheticImages.plot(40, 30));
        byte[] list = file.header().tools();
        NwfFile bad = file.withHeader(file.header().withTools(ToolLists.with(list, CodingTool.COLOUR_TRANSFORM,
                (byte) 2)));
        CodingToolException e = assertThrows(CodingToolException.class, () -> codec.decoder().decode(bad));
        assertTrue(e.getMessage().contains("palette codes whole colours"), e.getMessage());
    }

    /** The image's samples at pixel i, packed. */
    private static long colour(Image img, int i) {
        long v = 0;
        for (int c = 0; c < img.channels(); c++) v = v << 16 | img.plane(c)[i];
        return v;
    }

    /**
     * Where the family and tools allow it, a JPEG-like blocky image is coded with its block grid; a smooth image gets
     * none. Both decode exactly. (That the grid codes smaller needs a trained prior: the CLI tests check it with the
     * bundled model.)
     */
    @Test
    void blockyImagesAreCodedWithTheirGrid() throws IOException {
        assumeTrue(allows(CodingTool.BLOCK_GRID), "block grids allowed (nwf family)");
        Image blocky = TestImages.blocky(736, 720, 2, 25); // above BlockGrid.TRIAL_BELOW_PIXELS: no trial decides
        NwfFile file = codec.encode(blocky);
        assertTrue(lists(file, CodingTool.BLOCK_GRID));
        assertTrue(blocky.sameAs(roundTrip(codec, blocky)));
        assertFalse(lists(allowing(codec, CodingTool.BLOCK_GRID).encode(blocky), CodingTool.BLOCK_GRID));
        Image smooth = SyntheticImages.synthetic(736, 720, 3, 8, 26);
        assertFalse(lists(codec.encode(smooth), CodingTool.BLOCK_GRID));
        // with a value map too
        Image wideBlocky = SyntheticImages.times257(blocky);
        NwfFile both = codec.encode(wideBlocky);
        assertTrue(lists(both, CodingTool.BLOCK_GRID) && lists(both, CodingTool.VALUE_MAP));
        assertTrue(wideBlocky.sameAs(roundTrip(codec, wideBlocky)));
    }

    /**
     * Where allowed, every file's details (rgflow: latents) code the value 0 with the adaptive zero context: an image
     * whose flat areas leave many zero details codes smaller with it than without, under either split; files decode
     * exactly, and the tool without the adaptive mean is refused. A posterised image for the nwf family; for rgflow a
     * plot, whose flat background leaves latents of 0 (a posterised image's, under the couplings' rounding, are rarely
     * 0: 8298 bytes with the tool, 8289 without).
     */
    @Test
    void flatAreasCodeSmallerWithTheZeroContext() throws IOException {
        assumeTrue(allows(CodingTool.ZERO_CONTEXT), "the zero context allowed");
        Image flat = NwfModel.FAMILY_RGFLOW.equals(codec.model().family()) ? SyntheticImages.plot(128, 96)
                : SyntheticImages.posterised(SyntheticImages.synthetic(120, 90, 3, 8, 31), 24);
        assertSmallerWith(CodingTool.ZERO_CONTEXT, flat, 1.0);
        assertNeedsTheAdaptiveMean(CodingTool.ZERO_CONTEXT, flat);
    }

    /**
     * Under the 5/3 and under Haar, files of {@code img} list the tool, decode exactly, and code in fewer than
     * {@code maxRatio} times the bytes of the same codec without it; the file with the tool taken out of its list
     * decodes wrongly or fails (the tool is in the levels' bytes).
     */
    private void assertSmallerWith(CodingTool tool, Image img, double maxRatio) throws IOException {
        for (boolean haar : new boolean[] {false, true}) {
            NwfCodec with = haar ? codec : allowing(codec, CodingTool.HAAR_SPLIT);
            NwfCodec withoutTool = allowing(with, tool);
            NwfFile file = with.encode(img);
            assertTrue(lists(file, tool));
            assertTrue(img.sameAs(roundTrip(with, img)));
            long on = NwfContainer.toBytes(file).length;
            long off = NwfContainer.toBytes(withoutTool.encode(img)).length;
            assertTrue(on < maxRatio * off, (haar ? "Haar allowed" : "5/3") + ": " + on + " bytes with " + tool.toolName
                    + ", " + off + " without");
            NwfFile cleared = without(file, tool);
            try {
                Image wrong = codec.decoder().decode(cleared).image();
                assertFalse(img.sameAs(wrong), tool.toolName + " taken out of the list still decodes the image");
            } catch (CorruptLevelException expected) {
                // the levels' bytes do not fit the other context
            }
        }
    }

    /**
     * Where allowed, every file with the adaptive mean corrects its means by the bias correction: a smooth image whose
     * details the mean filter mispredicts the same way in the same places (a sawtooth shading: a slow rise, a sharp
     * drop) codes smaller with it than without, under either split; files decode exactly, and the tool without the
     * adaptive mean is refused.
     */
    @Test
    void biasCorrectionLearnsWhatTheMeanFilterMisses() throws IOException {
        assumeTrue(allows(CodingTool.BIAS_CORRECTION), "the bias correction allowed (nwf family)");
        assertSmallerWith(CodingTool.BIAS_CORRECTION, SyntheticImages.sawtooth(128, 96), 1.0);
        assertNeedsTheAdaptiveMean(CodingTool.BIAS_CORRECTION, SyntheticImages.synthetic(40, 30, 3, 8, 32));
    }

    /**
     * Where allowed, the mean filter reads its own errors: an image whose second channel carries the noise of the first
     * under none of its texture codes smaller with the feedback than without, under either split; files decode exactly,
     * and the tool without the adaptive mean is refused.
     */
    @Test
    void errorFeedbackFindsNoiseSharedByChannels() throws IOException {
        assumeTrue(allows(CodingTool.ERROR_FEEDBACK), "the error feedback allowed (nwf family)");
        assertSmallerWith(CodingTool.ERROR_FEEDBACK, SyntheticImages.sharedNoise(128, 96, 7), 0.99);
        assertNeedsTheAdaptiveMean(CodingTool.ERROR_FEEDBACK, SyntheticImages.synthetic(40, 30, 3, 8, 33));
    }

    /**
     * Where allowed, a level whose bands reach 2^14 samples codes each band in a stream of its own: the file lists the
     * tool with that threshold and decodes exactly; the coarser levels are the bytes the file without the tool has, and
     * the finest holds the same symbols in a stream per band, a few bytes more for the lengths and the states. An image
     * with no level that large does not list the tool.
     */
    @Test
    void largeLevelsHoldAStreamPerBand() throws IOException {
        assumeTrue(allows(CodingTool.BAND_STREAMS), "band streams allowed (nwf family)");
        Image img = SyntheticImages.synthetic(260, 257, 3, 8,
                34); // finest bands 130×129 (≥ 2^14 samples), the next 65×65
        NwfFile file = codec.encode(img);
        assertArrayEquals(new byte[] {14}, ToolLists.params(file.header().tools(), CodingTool.BAND_STREAMS));
        assertTrue(img.sameAs(roundTrip(codec, img)));
        NwfFile single = allowing(codec, CodingTool.BAND_STREAMS).encode(img);
        assertFalse(lists(single, CodingTool.BAND_STREAMS));
        int finest = file.levels().size() - 1;
        for (int l = 0; l < finest; l++) assertArrayEquals(single.levels().get(l), file.levels().get(l), "level " + l);
        int extra = file.levels().get(finest).length - single.levels().get(finest).length;
        assertTrue(extra > 0 && extra < 8 * 16, extra + " bytes more for 9 streams");
        assertFalse(lists(codec.encode(SyntheticImages.synthetic(200, 150, 3, 8, 35)), CodingTool.BAND_STREAMS));
        // the threshold is data: a file listing band streams from 2^12 samples splits the next level too, and decodes
        byte[] lower = ToolLists.with(ToolLists.without(single.header().tools(), CodingTool.BAND_STREAMS),
                CodingTool.BAND_STREAMS, (byte) 12);
        NwfFile relisted = without(single, CodingTool.BAND_STREAMS).withHeader(single.header().withTools(lower));
        assertThrows(CorruptLevelException.class, () -> codec.decoder().decode(relisted),
                "a one-stream level read as band streams");
    }

    /**
     * Where allowed, a colour image whose channels share no structure is coded with its planes untransformed, green
     * first, smaller than subtract green or YCoCg-R code it (they mix one channel's structure into the others); it
     * decodes exactly, with and without alpha. Where the channels follow green, subtract green keeps winning. Without
     * the tool the planes are coded as they are (R, G, B).
     */
    @Test
    void unrelatedChannelsAreCodedGreenFirst() throws IOException {
        assumeTrue(NwfModel.FAMILY_NWF.equals(codec.model().family())
                && codec.tools().equals(CodingTool.supportedBy(codec.model())),
                "every tool of the nwf family allowed");
        for (int channels : new int[] {3, 4}) {
            Image img = SyntheticImages.unrelatedChannels(96, 80, channels, 40 + channels);
            NwfFile file = codec.encode(img);
            assertEquals("green-first", NwfCodec.tools(file.header()).colourTransformName(), channels + " channels");
            assertTrue(img.sameAs(roundTrip(codec, img)));
            long on = NwfContainer.toBytes(file).length;
            NwfFile subtract =
                    file.withHeader(file.header().withTools(ToolLists.with(ToolLists.without(file.header().tools(),
                    CodingTool.COLOUR_TRANSFORM), CodingTool.COLOUR_TRANSFORM, (byte) 2)));
            try {
                assertFalse(img.sameAs(codec.decoder().decode(subtract).image()), "another code, another image");
            } catch (CorruptLevelException expected) {
                // samples out of range under the other transform
            }
        }
        NwfFile green = codec.encode(SyntheticImages.synthetic(64, 48, 3, 8, 44));
        assertEquals("subtract-green", NwfCodec.tools(green.header()).colourTransformName());
        Image rgb = SyntheticImages.synthetic(40, 30, 3, 8, 45);
        NwfFile plain = allowing(codec, CodingTool.COLOUR_TRANSFORM).encode(rgb);
        assertEquals("none", NwfCodec.tools(plain.header()).colourTransformName());
        assertTrue(rgb.sameAs(codec.decoder().decode(plain).image()));
    }

    /**
     * Bands and trials run side by side (SPEC.md §6.5), but nothing they compute depends on the timing: one thread and
     * several code the same bytes, and decode a file with band streams to the same image.
     */
    @Test
    void anyNumberOfThreadsCodesTheSameBytes() throws IOException {
        Image img = SyntheticImages.synthetic(260, 257, 3, 8, 36);
        byte[] one = NwfContainer.toBytes(codec.withThreads(1).encode(img));
        for (int threads : new int[] {3, 0}) {
            assertArrayEquals(one, NwfContainer.toBytes(codec.withThreads(threads).encode(img)), threads + " threads");
            NwfFile file = NwfContainer.read(one, ReadOptions.DEFAULT).file();
            assertTrue(img.sameAs(codec.withThreads(threads).decoder().decode(file).image()), threads + " threads");
        }
        assertThrows(IllegalArgumentException.class, () -> codec.withThreads(-1));
    }

    /**
     * A 5/3 file of {@code img} whose adaptive mean is taken out of its list is refused, and the error names the tool
     * that needs it; an encoder allowed the tool without the adaptive mean is refused, naming it too.
     */
    private void assertNeedsTheAdaptiveMean(CodingTool tool, Image img) {
        NwfFile file = allowing(codec, CodingTool.HAAR_SPLIT).encode(img);
        NwfFile withoutMean = without(file, CodingTool.ADAPTIVE_MEAN);
        CodingToolException e = assertThrows(CodingToolException.class,
                () -> codec.decoder().decode(withoutMean));
        assertEquals(CodingToolException.Kind.INVALID_TOOLS, e.kind());
        assertTrue(e.getMessage().contains("needs adaptive-mean"), e.getMessage());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> codec.withTools(java.util.EnumSet.of(tool)));
        assertTrue(refused.getMessage().contains(tool.toolName), refused.getMessage());
    }

    /**
     * Where allowed, an image of flat 2×2 blocks, whose Haar detail is all zero at the finest level, is coded with the
     * Haar split and smaller than with the 5/3; small images are tried whole, large ones through a mosaic. Both decode
     * exactly, and an image the 5/3 codes smaller keeps it.
     */
    @Test
    void flatBlockImagesAreSplitWithHaar() throws IOException {
        assumeTrue(allows(CodingTool.HAAR_SPLIT), "the Haar split allowed (nwf family)");
        NwfCodec withoutHaar = allowing(codec, CodingTool.HAAR_SPLIT);
        for (Image img : List.of(SyntheticImages.pixelRepeated(SyntheticImages.synthetic(30, 22, 3, 8, 27), 2),
                SyntheticImages.pixelRepeated(SyntheticImages.synthetic(300, 260, 1, 8, 28), 2))) {
            NwfFile file = codec.encode(img);
            assertTrue(lists(file, CodingTool.HAAR_SPLIT), img + " is split with Haar");
            assertTrue(img.sameAs(roundTrip(codec, img)));
            long haar = NwfContainer.toBytes(file).length;
            long legall = NwfContainer.toBytes(withoutHaar.encode(img)).length;
            assertTrue(haar < legall, img + ": " + haar + " bytes with Haar, " + legall + " with the 5/3");
        }
        NwfFile haarFile = codec.encode(SyntheticImages.pixelRepeated(SyntheticImages.synthetic(20, 16, 1, 8, 30), 2));
        NwfFile withoutMean = without(haarFile, CodingTool.ADAPTIVE_MEAN);
        assertThrows(CodingToolException.class, () -> codec.decoder().decode(withoutMean),
                "the Haar split needs the adaptive mean");
        assertThrows(IllegalArgumentException.class,
                () -> codec.withTools(java.util.EnumSet.of(CodingTool.HAAR_SPLIT)));
        Image smooth = SyntheticImages.synthetic(40, 30, 3, 8, 29);
        NwfFile file = codec.encode(smooth);
        long chosen = NwfContainer.toBytes(file).length;
        assertTrue(chosen <= NwfContainer.toBytes(withoutHaar.encode(smooth)).length,
                "a small image keeps the smaller split");
        assertTrue(smooth.sameAs(roundTrip(codec, smooth)));
    }

    /**
     * Haar levels take no scale from the network: decoding a Haar file evaluates no network at all; a 5/3 file does.
     */
    @Test
    void haarLevelsGoWithoutTheNetwork() throws IOException {
        assumeTrue(allows(CodingTool.HAAR_SPLIT), "the Haar split allowed (nwf family)");
        Image img = SyntheticImages.pixelRepeated(SyntheticImages.synthetic(30, 22, 3, 8, 27), 2);
        NwfFile file = codec.encode(img);
        assertTrue(lists(file, CodingTool.HAAR_SPLIT));
        int[] calls = new int[1];
        dev.nwf.codec.net.NetEvaluator counting = counting(calls);
        NwfCodec countingCodec = new NwfCodec(codec.model(), counting);
        assertTrue(img.sameAs(countingCodec.decoder().decode(file).image()));
        assertEquals(0, calls[0], "network evaluations decoding a Haar file");
        NwfFile legall = allowing(codec, CodingTool.HAAR_SPLIT).encode(img);
        assertTrue(img.sameAs(countingCodec.decoder().decode(legall).image()));
        assertTrue(calls[0] > 0, "5/3 levels take the network's means and scales");
    }

    /** Every level of a mapped file, shown on its way, holds only values the image uses. */
    @Test
    void levelsOfAMappedFileShowTheImagesValues() throws IOException {
        assumeTrue(allows(CodingTool.VALUE_MAP), "value maps allowed");
        Image img = SyntheticImages.times257(SyntheticImages.synthetic(70, 52, 3, 8, 24));
        NwfFile file = codec.encode(img);
        List<Image> shown = new ArrayList<>();
        codec.decoder().withListener((level, total, image) -> shown.add(image)).decode(file);
        assertEquals(file.header().levels(), shown.size());
        for (Image level : shown) {
            assertEquals(16, level.bitDepth());
            for (int c = 0; c < level.channels(); c++) {
                for (int v : level.plane(c)) assertEquals(0, v % 257,
                        "level " + level + " shows a value the image does not use: " + v);
            }
        }
        assertTrue(img.sameAs(shown.get(shown.size() - 1)));
    }

    @Test
    void decodingWithAnotherModelIsRefused() throws IOException {
        NwfFile file = codec.encode(SyntheticImages.synthetic(20, 20, 1, 8, 4));
        NwfCodec other = codecFor(randomModel(99));
        assertThrows(UnknownModelException.class, () -> other.decoder().decode(file));
    }

    @Test
    void corruptLevelDataIsDetected() throws IOException {
        NwfFile file = codec.encode(SyntheticImages.synthetic(64, 64, 3, 8, 5));
        List<byte[]> levels = new ArrayList<>(file.levels());
        byte[] last = levels.get(levels.size() - 1);
        last[last.length / 2] ^= 0x10;
        NwfFile bad = new NwfFile(file.header(), file.levelIndex(), levels, file.metadata(), null, null, List.of());
        assertThrows(CorruptLevelException.class, () -> codec.decoder().decode(bad));
    }

    /**
     * Graphics take pixel levels (SPEC.md §4.4) — smaller than the family's wavelet levels, with no network evaluated
     * — under any family; a file cut after a level decodes to the image decimated to that level's size; a photograph
     * takes pixel levels only where smaller; pixel levels listed with a wavelet tool are refused.
     */
    @Test
    void graphicsTakePixelLevels() throws IOException {
        assumeTrue(full.tools().contains(CodingTool.PIXEL_LEVELS), "pixel levels allowed");
        // above the size at which one level is also tried (NwfCodec.ONE_LEVEL_TRIAL_PIXELS): every level is kept
        Image graphic = SyntheticImages.graphic(200, 170, 3, 8, 61);
        NwfFile file = full.encode(graphic);
        assertTrue(lists(file, CodingTool.PIXEL_LEVELS), "a graphic takes pixel levels");
        long pixels = NwfContainer.toBytes(file).length;
        long wavelet = NwfContainer.toBytes(codec.encode(graphic)).length;
        assertTrue(pixels < wavelet, pixels + " bytes as pixel levels, " + wavelet + " as wavelet levels");
        int[] calls = new int[1];
        dev.nwf.codec.net.NetEvaluator counting = counting(calls);
        Decoded whole = full.decoder().withEvaluator(counting).decode(file);
        assertTrue(graphic.sameAs(whole.image()));
        assertEquals(0, calls[0], "pixel levels evaluate no network");
        // with the raster finish (SPEC.md §4.4.1), the level before the last is the image at the finish's stride
        int finish = NwfCodec.tools(file.header()).rasterFinish;
        Decoded preview = full.decoder().droppingFinest(1).decode(file);
        Image expected = ImageOps.decimate(graphic, 1 << Math.max(1, finish));
        assertTrue(expected.sameAs(preview.image()), "level n-2 is the image decimated by 2^max(1, t)");
        // a photograph takes pixel levels (as differences only, SPEC.md §4.4) only where they code it smaller than the
        // family's wavelet levels: under a weak test model they may
        Image photo = SyntheticImages.synthetic(150, 100, 3, 8, 62);
        NwfFile photoFile = full.encode(photo);
        long photoWavelet = NwfContainer.toBytes(codec.encode(photo)).length;
        if (lists(photoFile, CodingTool.PIXEL_LEVELS)) {
            assertTrue(NwfContainer.toBytes(photoFile).length < photoWavelet, "pixel levels kept though larger");
            assertFalse(NwfCodec.tools(photoFile.header()).pixel.candidates(), "a photograph with candidates");
        } else {
            assertTrue(NwfContainer.toBytes(photoFile).length <= photoWavelet, "the smaller coding");
        }
        byte[] list = file.header().tools();
        for (CodingTool t : CodingTool.WAVELET_ONLY) {
            byte[] bad = ToolLists.with(list, t, ToolLists.validParams(t));
            if (t.needs != null) bad = ToolLists.with(bad, t.needs, ToolLists.validParams(t.needs));
            NwfFile badFile = file.withHeader(file.header().withTools(bad));
            CodingToolException e = assertThrows(CodingToolException.class, () -> full.decoder().decode(badFile));
            assertEquals(CodingToolException.Kind.INVALID_TOOLS, e.kind(), t.toolName);
        }
    }

    /** The reference evaluator, counting its evaluations in {@code calls[0]}. */
    private static dev.nwf.codec.net.NetEvaluator counting(int[] calls) {
        return new dev.nwf.codec.net.NetEvaluator() {
            @Override
            public int[][] evaluate(dev.nwf.codec.net.IntNet net, int[][] input, int w, int h) {
                calls[0]++;
                return dev.nwf.codec.net.ReferenceEvaluator.INSTANCE.evaluate(net, input, w, h);
            }

            @Override
            public String name() {
                return "counting";
            }
        };
    }
}
