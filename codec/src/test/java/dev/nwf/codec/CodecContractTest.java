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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What every model family must do; one subclass per family (SPEC.md §6, §8). */
abstract class CodecContractTest {
    /** A model of the family with random weights: predictions are poor, coding must still be exact. */
    abstract NwfModel randomModel(long seed);

    /** A model of the family whose networks output constants. */
    abstract NwfModel constantModel();

    /** The codec under test for a model: the default coding; subclasses may pick other feature bits. */
    NwfCodec codecFor(NwfModel model) {
        return new NwfCodec(model);
    }

    private final NwfCodec codec = codecFor(randomModel(3));

    private Image roundTrip(NwfCodec c, Image img) throws IOException {
        byte[] bytes = NwfContainer.toBytes(c.encode(img));
        NwfRead read = NwfContainer.read(bytes, ReadOptions.DEFAULT);
        Decoded d = c.decode(read.file(), Integer.MAX_VALUE, LevelListener.NONE);
        assertTrue(d.isFull());
        return d.image();
    }

    /** Edge sizes (1x1, 1xN, Nx1, odd), every channel count, 8 and 16 bit, and 1-bit. */
    @ParameterizedTest
    @CsvSource({"1,1,1,8", "1,1,3,8", "1,57,3,8", "57,1,1,8", "2,2,4,8", "17,17,3,8", "33,15,2,8", "65,47,3,8", "100,3,4,8",
                "31,29,3,16", "40,40,1,16", "19,23,4,12", "24,20,1,1", "129,67,3,8"})
    void syntheticImagesRoundTripExactly(int w, int h, int channels, int depth) throws IOException {
        Image img = TestImages.synthetic(w, h, channels, depth, w * 31L + h);
        assertTrue(img.sameAs(roundTrip(codec, img)));
        Image noise = TestImages.noise(w, h, channels, depth, w + 7L * h);
        assertTrue(noise.sameAs(roundTrip(codec, noise)));
    }

    @Test
    void anyPriorWeightsRoundTrip() throws IOException {
        Image img = TestImages.synthetic(50, 37, 3, 8, 9);
        for (long seed = 0; seed < 5; seed++) {
            NwfCodec c = codecFor(randomModel(seed));
            assertTrue(img.sameAs(roundTrip(c, img)));
        }
        assertTrue(img.sameAs(roundTrip(codecFor(constantModel()), img)));
    }

    /** The DJL evaluator computes the reference's integers: same bytes when encoding, same image when decoding. */
    @Test
    void djlEvaluatorCodesIdenticallyToTheReference() throws IOException {
        NwfCodec djl = new NwfCodec(codec.model(), new dev.nwf.codec.net.DjlEvaluator(ai.djl.Device.cpu(),
                dev.nwf.codec.net.DjlEvaluator.Precision.AUTO, NwfModel.MAX_INPUT_BOUND)).withFeatures(codec.features());
        Image img = TestImages.synthetic(45, 38, 3, 8, 12);
        byte[] ref = NwfContainer.toBytes(codec.encode(img));
        org.junit.jupiter.api.Assertions.assertArrayEquals(ref, NwfContainer.toBytes(djl.encode(img)));
        Decoded d = djl.decode(NwfContainer.read(ref, ReadOptions.DEFAULT).file(), Integer.MAX_VALUE, LevelListener.NONE);
        assertTrue(img.sameAs(d.image()));
    }

    @Test
    void upsamplingDoublesTheSizeAndKeepsTheSampleRange() {
        Image small = TestImages.synthetic(13, 9, 3, 8, 6);
        for (double t : new double[] {0, 1}) {
            Image big = codec.upsample(small, 2, t, 5);
            assertEquals(52, big.width());
            assertEquals(36, big.height());
            assertTrue(big.sameAs(codec.upsample(small, 2, t, 5)), "same seed, same image");
        }
    }

    @Test
    void progressiveDecodeGivesEachLevelAtItsSize() throws IOException {
        Image img = TestImages.synthetic(70, 45, 3, 8, 1);
        NwfFile file = codec.encode(img);
        List<int[]> seen = new ArrayList<>();
        Decoded full = NwfCodec.decode(new ByteArrayInputStream(NwfContainer.toBytes(file)), (id, dg) -> codec.model(),
                dev.nwf.codec.net.ReferenceEvaluator.INSTANCE, ReadOptions.DEFAULT, 0,
                (level, total, image) -> seen.add(new int[] {level, image.width(), image.height()}));
        assertTrue(img.sameAs(full.image()));
        assertEquals(file.header().levels(), seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i)[0]);
            assertEquals(file.levelIndex().get(i).width(), seen.get(i)[1]);
            assertEquals(file.levelIndex().get(i).height(), seen.get(i)[2]);
        }
    }

    @Test
    void truncatedFileDecodesToTheLastCompleteLevel() throws IOException {
        Image img = TestImages.synthetic(80, 64, 3, 8, 2);
        byte[] bytes = NwfContainer.toBytes(codec.encode(img));
        Decoded full = codec.decode(NwfContainer.read(bytes, ReadOptions.DEFAULT).file(), Integer.MAX_VALUE, LevelListener.NONE);
        // cut inside the last level: the result is the level before, at half size
        NwfRead cut = NwfContainer.read(Arrays.copyOf(bytes, bytes.length - 40), ReadOptions.DEFAULT);
        Decoded partial = codec.decode(cut.file(), Integer.MAX_VALUE, LevelListener.NONE);
        assertEquals(full.totalLevels() - 1, partial.levelsDecoded());
        assertEquals(40, partial.image().width());
        assertEquals(32, partial.image().height());
        assertTrue(partial.stopReason() != null);
        // asking for fewer levels gives the same smaller image as truncation
        Decoded asked = codec.decode(NwfContainer.read(bytes, ReadOptions.DEFAULT).file(), full.totalLevels() - 1, LevelListener.NONE);
        assertTrue(asked.image().sameAs(partial.image()));
    }

    /**
     * Decoding reports its work in steps that only grow and end at the total for the levels asked for, without
     * building level images for a listener that does not want them.
     */
    @Test
    void decodeProgressReachesItsTotal() throws IOException {
        NwfFile file = codec.encode(TestImages.synthetic(90, 70, 3, 8, 16));
        for (int levels : new int[] {file.levelCount(), file.levelCount() - 1}) {
            List<long[]> steps = new ArrayList<>();
            codec.decode(file, levels, new LevelListener() {
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
            });
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
        for (Image img : List.of(TestImages.synthetic(90, 70, 3, 8, 15), TestImages.synthetic(530, 520, 1, 8, 16))) {
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

    /**
     * The header records the encoder's feature bits (subtract green only where that transform was chosen; band streams
     * only where a level holds them, none at this size), and any decoder follows the file's bits, not its own.
     */
    @Test
    void decodingFollowsTheFilesFeatureBits() throws IOException {
        Image img = TestImages.synthetic(40, 33, 3, 8, 13);
        NwfFile file = codec.encode(img);
        long green = NwfContainer.FEATURE_SUBTRACT_GREEN;
        long greenFirst = NwfContainer.FEATURE_GREEN_FIRST;
        long chosen = green | greenFirst | NwfContainer.FEATURE_VALUE_MAP | NwfContainer.FEATURE_BLOCK_GRID | NwfContainer.FEATURE_HAAR_SPLIT
                | NwfContainer.FEATURE_NETWORK_FREE_HAAR | NwfContainer.FEATURE_BAND_STREAMS;
        assertEquals(codec.features() & ~chosen, file.header().requiredFeatures() & ~chosen);
        assertEquals(0, file.header().requiredFeatures() & NwfContainer.FEATURE_BAND_STREAMS);
        assertEquals(file.header().colourTransform() == dev.nwf.format.NwfHeader.COLOUR_SUBTRACT_GREEN,
                (file.header().requiredFeatures() & green) != 0);
        assertEquals(file.header().colourTransform() == dev.nwf.format.NwfHeader.COLOUR_GREEN_FIRST,
                (file.header().requiredFeatures() & greenFirst) != 0);
        long supported = NwfCodec.supportedFeatures(codec.model());
        for (long bits : new long[] {0, supported}) {
            NwfCodec other = new NwfCodec(codec.model()).withFeatures(bits);
            assertTrue(img.sameAs(other.decode(file, Integer.MAX_VALUE, LevelListener.NONE).image()));
        }
    }

    /** Feature bits the family does not define are refused when encoding and rejected in files. */
    @Test
    void undefinedFeatureBitsAreRefused() throws IOException {
        NwfFile file = codec.encode(TestImages.synthetic(20, 18, 3, 8, 14));
        long supported = NwfCodec.supportedFeatures(codec.model());
        for (long bit = 1; bit != 0 && bit <= NwfContainer.KNOWN_FEATURES; bit <<= 1) {
            if ((supported & bit) != 0) continue;
            long b = bit;
            assertThrows(IllegalArgumentException.class, () -> codec.withFeatures(b));
            NwfFile bad = file.withHeader(file.header().withRequiredFeatures(file.header().requiredFeatures() | bit));
            assertThrows(CorruptLevelException.class, () -> codec.decode(bad, Integer.MAX_VALUE, LevelListener.NONE));
        }
    }

    /** 8-bit data widened to 16 bits and a few-colour image are coded as ranks (feature bit 2), smaller than without. */
    @Test
    void imagesUsingFewValuesAreCodedAsRanks() throws IOException {
        assumeTrue((codec.features() & NwfContainer.FEATURE_VALUE_MAP) != 0, "value maps are format 1.3");
        Image widened = TestImages.times257(TestImages.synthetic(45, 38, 3, 8, 21));
        Image fewColours = TestImages.fewColours(41, 35, 22);
        NwfCodec withoutMaps = codec.withFeatures(codec.features() & ~NwfContainer.FEATURE_VALUE_MAP);
        for (Image img : List.of(widened, fewColours)) {
            NwfFile file = codec.encode(img);
            assertTrue((file.header().requiredFeatures() & NwfContainer.FEATURE_VALUE_MAP) != 0, img + " gets a value map");
            assertEquals(img.bitDepth(), file.header().bitDepth(), "the header keeps the image's depth");
            assertTrue(img.sameAs(roundTrip(codec, img)));
            long mapped = NwfContainer.toBytes(file).length;
            long plain = NwfContainer.toBytes(withoutMaps.encode(img)).length;
            assertTrue(mapped < plain, img + ": " + mapped + " bytes with the map, " + plain + " without");
        }
        NwfFile noise = codec.encode(TestImages.noise(30, 20, 3, 8, 23));
        assertEquals(0, noise.header().requiredFeatures() & NwfContainer.FEATURE_VALUE_MAP, "noise uses every value: no map");
    }

    /**
     * Where the family and feature bits allow it, a JPEG-like blocky image is coded with its block grid (feature bit 3);
     * a smooth image gets none. Both decode exactly. (That the grid codes smaller needs a trained prior: the CLI tests
     * check it with the bundled model.)
     */
    @Test
    void blockyImagesAreCodedWithTheirGrid() throws IOException {
        assumeTrue((codec.features() & NwfContainer.FEATURE_BLOCK_GRID) != 0, "block grids are format 1.3, nwf family");
        Image blocky = TestImages.blocky(736, 720, 2, 25); // above BlockGrid.TRIAL_BELOW_PIXELS: no trial decides
        NwfFile file = codec.encode(blocky);
        assertTrue((file.header().requiredFeatures() & NwfContainer.FEATURE_BLOCK_GRID) != 0);
        assertTrue(blocky.sameAs(roundTrip(codec, blocky)));
        NwfCodec withoutGrid = codec.withFeatures(codec.features() & ~NwfContainer.FEATURE_BLOCK_GRID);
        assertEquals(0, withoutGrid.encode(blocky).header().requiredFeatures() & NwfContainer.FEATURE_BLOCK_GRID);
        Image smooth = TestImages.synthetic(736, 720, 3, 8, 26);
        assertEquals(0, codec.encode(smooth).header().requiredFeatures() & NwfContainer.FEATURE_BLOCK_GRID);
        // with a value map in front of it too
        Image wideBlocky = TestImages.times257(blocky);
        NwfFile both = codec.encode(wideBlocky);
        assertEquals(NwfContainer.FEATURE_BLOCK_GRID | NwfContainer.FEATURE_VALUE_MAP,
                both.header().requiredFeatures() & (NwfContainer.FEATURE_BLOCK_GRID | NwfContainer.FEATURE_VALUE_MAP));
        assertTrue(wideBlocky.sameAs(roundTrip(codec, wideBlocky)));
    }

    /**
     * Where the family allows it (feature bit 5), every file's details code the value 0 with the adaptive zero context:
     * a posterised image, whose flat areas leave many zero details, codes smaller with it than without, under either
     * split; files decode exactly, and the bit without the adaptive context is refused.
     */
    @Test
    void posterisedImagesCodeSmallerWithTheZeroContext() throws IOException {
        assumeTrue((codec.features() & NwfContainer.FEATURE_ZERO_CONTEXT) != 0, "the zero context is format 1.5, nwf family");
        Image posterised = TestImages.posterised(TestImages.synthetic(120, 90, 3, 8, 31), 24);
        assertSmallerWith(NwfContainer.FEATURE_ZERO_CONTEXT, "zero context", posterised, 1.0);
        NwfFile file = codec.encode(posterised);
        NwfFile withoutContext = file.withHeader(file.header().withRequiredFeatures(
                file.header().requiredFeatures() & ~NwfContainer.FEATURE_ADAPTIVE_CONTEXT));
        assertThrows(CorruptLevelException.class, () -> codec.decode(withoutContext, Integer.MAX_VALUE, LevelListener.NONE),
                "the zero context needs the adaptive context");
        assertThrows(IllegalArgumentException.class, () -> codec.withFeatures(NwfContainer.FEATURE_ZERO_CONTEXT));
    }

    /**
     * Under the 5/3 and under Haar, files of {@code img} set feature {@code bit}, decode exactly, and code in fewer than
     * {@code maxRatio} times the bytes of the same codec without the bit.
     */
    private void assertSmallerWith(long bit, String name, Image img, double maxRatio) throws IOException {
        for (long split : new long[] {0, NwfContainer.FEATURE_HAAR_SPLIT}) {
            NwfCodec with = codec.withFeatures(codec.features() & ~NwfContainer.FEATURE_HAAR_SPLIT | split);
            NwfCodec without = with.withFeatures(with.features() & ~bit);
            NwfFile file = with.encode(img);
            assertEquals(bit, file.header().requiredFeatures() & bit);
            assertTrue(img.sameAs(roundTrip(with, img)));
            long on = NwfContainer.toBytes(file).length;
            long off = NwfContainer.toBytes(without.encode(img)).length;
            assertTrue(on < maxRatio * off, "split bits 0x" + Long.toHexString(split) + ": " + on + " bytes with the " + name + ", " + off + " without");
        }
    }

    /**
     * Where the family allows it (feature bit 7), every file with the adaptive context corrects its means by the bias
     * correction: a smooth image whose details the mean filter mispredicts the same way in the same places (a sawtooth
     * shading: a slow rise, a sharp drop) codes smaller with it than without, under either split; files decode exactly,
     * and the bit without the adaptive context is refused.
     */
    @Test
    void biasCorrectionLearnsWhatTheMeanFilterMisses() throws IOException {
        long bit = NwfContainer.FEATURE_BIAS_CORRECTION;
        assumeTrue((codec.features() & bit) != 0, "the bias correction is format 1.7, nwf family");
        assertSmallerWith(bit, "bias correction", TestImages.sawtooth(128, 96), 1.0);
        assertNeedsTheAdaptiveContext(bit, "bias correction", TestImages.synthetic(40, 30, 3, 8, 32));
    }

    /**
     * Where the family allows it (feature bit 8), the mean filter reads its own errors: an image whose second channel
     * carries the noise of the first under none of its texture codes smaller with the feedback than without, under
     * either split; files decode exactly, and the bit without the adaptive context is refused.
     */
    @Test
    void errorFeedbackFindsNoiseSharedByChannels() throws IOException {
        long bit = NwfContainer.FEATURE_ERROR_FEEDBACK;
        assumeTrue((codec.features() & bit) != 0, "the error feedback is format 1.8, nwf family");
        assertSmallerWith(bit, "error feedback", TestImages.sharedNoise(128, 96, 7), 0.99);
        assertNeedsTheAdaptiveContext(bit, "error feedback", TestImages.synthetic(40, 30, 3, 8, 33));
    }

    /**
     * Where the family allows it (feature bit 9), a level whose bands reach 2^14 samples codes each band in a stream of
     * its own: the file sets the bit and decodes exactly; the coarser levels are the bytes the file without the bit has,
     * and the finest holds the same symbols in a stream per band, a few bytes more for the lengths and the states. An
     * image with no level that large leaves the bit clear, so that 1.8 decoders read it.
     */
    @Test
    void largeLevelsHoldAStreamPerBand() throws IOException {
        long bit = NwfContainer.FEATURE_BAND_STREAMS;
        assumeTrue((codec.features() & bit) != 0, "band streams are format 1.9, nwf family");
        Image img = TestImages.synthetic(260, 257, 3, 8, 34); // finest bands 130×129 (≥ 2^14 samples), the next 65×65
        NwfFile file = codec.encode(img);
        assertEquals(bit, file.header().requiredFeatures() & bit);
        assertTrue(img.sameAs(roundTrip(codec, img)));
        NwfFile single = codec.withFeatures(codec.features() & ~bit).encode(img);
        assertEquals(0, single.header().requiredFeatures() & bit);
        int finest = file.levels().size() - 1;
        for (int l = 0; l < finest; l++) assertArrayEquals(single.levels().get(l), file.levels().get(l), "level " + l);
        int extra = file.levels().get(finest).length - single.levels().get(finest).length;
        assertTrue(extra > 0 && extra < 8 * 16, extra + " bytes more for 9 streams");
        assertEquals(0, codec.encode(TestImages.synthetic(200, 150, 3, 8, 35)).header().requiredFeatures() & bit);
    }

    /**
     * Where the family allows it (feature bit 10), a colour image whose channels share no structure is coded with its
     * planes untransformed, green first (colour transform 3), smaller than the same codec without the bit codes it
     * (subtract green or YCoCg-R, which mix one channel's structure into the others); it decodes exactly, with and
     * without alpha. Where the channels follow green, subtract green keeps winning.
     */
    @Test
    void unrelatedChannelsAreCodedGreenFirst() throws IOException {
        long bit = NwfContainer.FEATURE_GREEN_FIRST;
        assumeTrue((codec.features() & bit) != 0, "green first is format 1.10, nwf family");
        NwfCodec without = codec.withFeatures(codec.features() & ~bit);
        for (int channels : new int[] {3, 4}) {
            Image img = TestImages.unrelatedChannels(96, 80, channels, 40 + channels);
            NwfFile file = codec.encode(img);
            assertEquals(dev.nwf.format.NwfHeader.COLOUR_GREEN_FIRST, file.header().colourTransform(), channels + " channels");
            assertEquals(bit, file.header().requiredFeatures() & bit);
            assertTrue(img.sameAs(roundTrip(codec, img)));
            long on = NwfContainer.toBytes(file).length;
            long off = NwfContainer.toBytes(without.encode(img)).length;
            assertTrue(on < 0.97 * off, on + " bytes green first, " + off + " without");
        }
        NwfFile green = codec.encode(TestImages.synthetic(64, 48, 3, 8, 44));
        assertEquals(dev.nwf.format.NwfHeader.COLOUR_SUBTRACT_GREEN, green.header().colourTransform());
    }

    /**
     * Bands and trials run side by side (SPEC.md §6.5), but nothing they compute depends on the timing: one thread and
     * several code the same bytes, and decode a file with band streams to the same image.
     */
    @Test
    void anyNumberOfThreadsCodesTheSameBytes() throws IOException {
        Image img = TestImages.synthetic(260, 257, 3, 8, 36);
        byte[] one = NwfContainer.toBytes(codec.withThreads(1).encode(img));
        for (int threads : new int[] {3, 0}) {
            assertArrayEquals(one, NwfContainer.toBytes(codec.withThreads(threads).encode(img)), threads + " threads");
            NwfFile file = NwfContainer.read(one, ReadOptions.DEFAULT).file();
            assertTrue(img.sameAs(codec.withThreads(threads).decode(file, Integer.MAX_VALUE, LevelListener.NONE).image()), threads + " threads");
        }
        assertThrows(IllegalArgumentException.class, () -> codec.withThreads(-1));
    }

    /**
     * A 5/3 file of {@code img} whose adaptive context and every other bit that needs it, all but {@code bit}, are
     * cleared is corrupt, and the error names the feature; an encoder with {@code bit} alone is refused, naming it too.
     */
    private void assertNeedsTheAdaptiveContext(long bit, String name, Image img) {
        NwfFile file = codec.withFeatures(codec.features() & ~NwfContainer.FEATURE_HAAR_SPLIT).encode(img);
        long needContext = NwfContainer.FEATURE_ADAPTIVE_CONTEXT | NwfContainer.FEATURE_BLOCK_GRID | NwfContainer.FEATURE_ZERO_CONTEXT
                | NwfContainer.FEATURE_BIAS_CORRECTION | NwfContainer.FEATURE_ERROR_FEEDBACK;
        NwfFile withoutContext = file.withHeader(file.header().withRequiredFeatures(file.header().requiredFeatures() & ~(needContext & ~bit)));
        CorruptLevelException e = assertThrows(CorruptLevelException.class,
                () -> codec.decode(withoutContext, Integer.MAX_VALUE, LevelListener.NONE));
        assertTrue(e.getMessage().contains(name + " (feature bit") && e.getMessage().contains("needs the adaptive context"), e.getMessage());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> codec.withFeatures(bit));
        assertTrue(refused.getMessage().contains(name), refused.getMessage());
    }

    /**
     * Where the family allows it (feature bit 4), an image of flat 2×2 blocks, whose Haar detail is all zero at the
     * finest level, is coded with the Haar split and smaller than with the 5/3; small images are tried whole, large
     * ones through a mosaic. Both decode exactly, and an image the 5/3 codes smaller keeps it.
     */
    @Test
    void flatBlockImagesAreSplitWithHaar() throws IOException {
        assumeTrue((codec.features() & NwfContainer.FEATURE_HAAR_SPLIT) != 0, "the Haar split is format 1.4, nwf family");
        NwfCodec withoutHaar = codec.withFeatures(codec.features() & ~NwfContainer.FEATURE_HAAR_SPLIT);
        for (Image img : List.of(TestImages.pixelRepeated(TestImages.synthetic(30, 22, 3, 8, 27), 2),
                TestImages.pixelRepeated(TestImages.synthetic(300, 260, 1, 8, 28), 2))) {
            NwfFile file = codec.encode(img);
            assertEquals(NwfContainer.FEATURE_HAAR_SPLIT, file.header().requiredFeatures() & NwfContainer.FEATURE_HAAR_SPLIT, img + " is split with Haar");
            assertTrue(img.sameAs(roundTrip(codec, img)));
            long haar = NwfContainer.toBytes(file).length;
            long legall = NwfContainer.toBytes(withoutHaar.encode(img)).length;
            assertTrue(haar < legall, img + ": " + haar + " bytes with Haar, " + legall + " with the 5/3");
        }
        NwfFile haarFile = codec.encode(TestImages.pixelRepeated(TestImages.synthetic(20, 16, 1, 8, 30), 2));
        NwfFile withoutContext = haarFile.withHeader(haarFile.header().withRequiredFeatures(
                haarFile.header().requiredFeatures() & ~NwfContainer.FEATURE_ADAPTIVE_CONTEXT));
        assertThrows(CorruptLevelException.class, () -> codec.decode(withoutContext, Integer.MAX_VALUE, LevelListener.NONE),
                "the Haar split needs the adaptive context");
        assertThrows(IllegalArgumentException.class, () -> codec.withFeatures(NwfContainer.FEATURE_HAAR_SPLIT));
        Image smooth = TestImages.synthetic(40, 30, 3, 8, 29);
        NwfFile file = codec.encode(smooth);
        long chosen = NwfContainer.toBytes(file).length;
        assertTrue(chosen <= NwfContainer.toBytes(withoutHaar.encode(smooth)).length, "a small image keeps the smaller split");
        assertTrue(smooth.sameAs(roundTrip(codec, smooth)));
    }

    /**
     * With feature bit 6 the Haar levels take no scale from the network: decoding them evaluates no network at all,
     * and the encoder sets the bit exactly when it chooses Haar. Without Haar the bit is refused in a file.
     */
    @Test
    void haarLevelsGoWithoutTheNetwork() throws IOException {
        long free = NwfContainer.FEATURE_NETWORK_FREE_HAAR;
        assumeTrue((codec.features() & free) != 0, "network-free Haar levels are format 1.6, nwf family");
        Image img = TestImages.pixelRepeated(TestImages.synthetic(30, 22, 3, 8, 27), 2);
        NwfFile file = codec.encode(img);
        assertEquals(free | NwfContainer.FEATURE_HAAR_SPLIT, file.header().requiredFeatures() & (free | NwfContainer.FEATURE_HAAR_SPLIT));
        int[] calls = new int[1];
        dev.nwf.codec.net.NetEvaluator counting = new dev.nwf.codec.net.NetEvaluator() {
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
        NwfCodec countingCodec = new NwfCodec(codec.model(), counting);
        assertTrue(img.sameAs(countingCodec.decode(file, Integer.MAX_VALUE, LevelListener.NONE).image()));
        assertEquals(0, calls[0], "network evaluations decoding a network-free Haar file");

        NwfFile withNetwork = codec.withFeatures(codec.features() & ~free).encode(img);
        assertEquals(NwfContainer.FEATURE_HAAR_SPLIT, withNetwork.header().requiredFeatures() & (free | NwfContainer.FEATURE_HAAR_SPLIT));
        assertTrue(img.sameAs(countingCodec.decode(withNetwork, Integer.MAX_VALUE, LevelListener.NONE).image()));
        assertTrue(calls[0] > 0, "Haar levels of format 1.5 take the network's scales");

        NwfFile legall = codec.withFeatures(codec.features() & ~NwfContainer.FEATURE_HAAR_SPLIT).encode(img);
        assertEquals(0, legall.header().requiredFeatures() & free, "the bit is set only with the Haar split");
        NwfFile bad = legall.withHeader(legall.header().withRequiredFeatures(legall.header().requiredFeatures() | free));
        CorruptLevelException e = assertThrows(CorruptLevelException.class, () -> codec.decode(bad, Integer.MAX_VALUE, LevelListener.NONE));
        assertTrue(e.getMessage().contains("need the Haar split"), e.getMessage());
    }

    /** Every level of a mapped file, shown on its way, holds only values the image uses. */
    @Test
    void levelsOfAMappedFileShowTheImagesValues() throws IOException {
        assumeTrue((codec.features() & NwfContainer.FEATURE_VALUE_MAP) != 0, "value maps are format 1.3");
        Image img = TestImages.times257(TestImages.synthetic(70, 52, 3, 8, 24));
        NwfFile file = codec.encode(img);
        List<Image> shown = new ArrayList<>();
        codec.decode(file, Integer.MAX_VALUE, (level, total, image) -> shown.add(image));
        assertEquals(file.header().levels(), shown.size());
        for (Image level : shown) {
            assertEquals(16, level.bitDepth());
            for (int c = 0; c < level.channels(); c++) {
                for (int v : level.plane(c)) assertEquals(0, v % 257, "level " + level + " shows a value the image does not use: " + v);
            }
        }
        assertTrue(img.sameAs(shown.get(shown.size() - 1)));
    }

    @Test
    void decodingWithAnotherModelIsRefused() throws IOException {
        NwfFile file = codec.encode(TestImages.synthetic(20, 20, 1, 8, 4));
        NwfCodec other = codecFor(randomModel(99));
        assertThrows(UnknownModelException.class, () -> other.decode(file, Integer.MAX_VALUE, LevelListener.NONE));
    }

    @Test
    void corruptLevelDataIsDetected() throws IOException {
        NwfFile file = codec.encode(TestImages.synthetic(64, 64, 3, 8, 5));
        List<byte[]> levels = new ArrayList<>(file.levels());
        byte[] last = levels.get(levels.size() - 1);
        last[last.length / 2] ^= 0x10;
        NwfFile bad = new NwfFile(file.header(), file.levelIndex(), levels, file.metadata(), null, null, List.of());
        assertThrows(CorruptLevelException.class, () -> codec.decode(bad, Integer.MAX_VALUE, LevelListener.NONE));
    }
}
