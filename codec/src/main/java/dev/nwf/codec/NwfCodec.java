package dev.nwf.codec;

import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.format.LevelInfo;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import dev.nwf.format.NwfHeader;
import dev.nwf.format.NwfStreamReader;
import dev.nwf.format.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The codec's public entry point (SPEC.md §4-§6): images to {@link NwfFile}s and back, level by level.
 * Networks run on the given {@link NetEvaluator}; every evaluator yields the same integers, so files decode
 * identically whichever one encoder and decoder use.
 */
public final class NwfCodec {
    private final NwfModel model;
    private final NetEvaluator evaluator;
    /** Required-feature bits this codec's encoder may set (SPEC.md §2.4.1); subtract green only where chosen. */
    private final long features;
    /** Threads that code bands and trials side by side (SPEC.md §6.5); 0 for one per core. */
    private final int threads;

    /** A codec whose encoder sets every feature bit the model's family defines. */
    public NwfCodec(NwfModel model, NetEvaluator evaluator) {
        this(model, evaluator, supportedFeatures(model), 0);
    }

    private NwfCodec(NwfModel model, NetEvaluator evaluator, long features, int threads) {
        this.model = model;
        this.evaluator = evaluator;
        this.features = features;
        this.threads = threads;
    }

    /**
     * A codec that codes on at most {@code threads} threads (0: one per core; the network evaluator keeps its own). The
     * bytes and the decoded images are the same with any number.
     */
    public NwfCodec withThreads(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (one per core) or more: " + threads);
        return new NwfCodec(model, evaluator, features, threads);
    }

    public int threads() {
        return threads;
    }

    /**
     * What a file coded with this model may set: value maps for every family; adaptive context, subtract green, block
     * grids, the Haar split, the zero context, network-free Haar levels, the bias correction, the error feedback, band
     * streams, green first and the scale blend for the nwf family.
     */
    static long supportedFeatures(NwfModel model) {
        return NwfContainer.FEATURE_VALUE_MAP | (NwfModel.FAMILY_NWF.equals(model.family())
                ? NwfContainer.FEATURE_ADAPTIVE_CONTEXT | NwfContainer.FEATURE_SUBTRACT_GREEN | NwfContainer.FEATURE_BLOCK_GRID
                | NwfContainer.FEATURE_HAAR_SPLIT | NwfContainer.FEATURE_ZERO_CONTEXT | NwfContainer.FEATURE_NETWORK_FREE_HAAR
                | NwfContainer.FEATURE_BIAS_CORRECTION | NwfContainer.FEATURE_ERROR_FEEDBACK | NwfContainer.FEATURE_BAND_STREAMS
                | NwfContainer.FEATURE_GREEN_FIRST | NwfContainer.FEATURE_SCALE_BLEND : 0L);
    }

    /** Bits an encoder sets only for images it chooses them for (network-free Haar: those it chooses Haar for). */
    private static final long CHOSEN_FEATURES = NwfContainer.FEATURE_SUBTRACT_GREEN | NwfContainer.FEATURE_VALUE_MAP
            | NwfContainer.FEATURE_BLOCK_GRID | NwfContainer.FEATURE_HAAR_SPLIT | NwfContainer.FEATURE_NETWORK_FREE_HAAR
            | NwfContainer.FEATURE_BAND_STREAMS | NwfContainer.FEATURE_GREEN_FIRST;

    /**
     * A codec whose encoder may set only these feature bits, e.g. 0 for files that decoders of format 1.0 read,
     * {@link NwfContainer#FEATURE_ADAPTIVE_CONTEXT} alone for format 1.1. The subtract-green and value-map bits let the
     * encoder choose that transform or a value map per image; each is set in a file only when used. Decoding follows
     * the file's own bits.
     */
    public NwfCodec withFeatures(long newFeatures) {
        if ((newFeatures & ~supportedFeatures(model)) != 0) {
            throw new IllegalArgumentException("features 0x" + Long.toHexString(newFeatures) + " are not defined for " + model.family() + " models");
        }
        String missing = missingAdaptiveContext(newFeatures);
        if (missing != null) throw new IllegalArgumentException(missing);
        return new NwfCodec(model, evaluator, newFeatures, threads);
    }

    /**
     * Why these bits are inconsistent: a feature that works through the adaptive context set without it; else null.
     * (An encoder may hold the network-free Haar bit without the Haar split: it then never applies.)
     */
    private static String missingAdaptiveContext(long bits) {
        if ((bits & NwfContainer.FEATURE_ADAPTIVE_CONTEXT) != 0) return null;
        if ((bits & NwfContainer.FEATURE_BLOCK_GRID) != 0) return "the block grid (feature bit 3) needs the adaptive context (bit 0)";
        if ((bits & NwfContainer.FEATURE_HAAR_SPLIT) != 0) return "the Haar split (feature bit 4) needs the adaptive context (bit 0)";
        if ((bits & NwfContainer.FEATURE_ZERO_CONTEXT) != 0) return "the zero context (feature bit 5) needs the adaptive context (bit 0)";
        if ((bits & NwfContainer.FEATURE_BIAS_CORRECTION) != 0) return "the bias correction (feature bit 7) needs the adaptive context (bit 0)";
        if ((bits & NwfContainer.FEATURE_ERROR_FEEDBACK) != 0) return "the error feedback (feature bit 8) needs the adaptive context (bit 0)";
        if ((bits & NwfContainer.FEATURE_SCALE_BLEND) != 0) return "the learnt scale blend (feature bit 11) needs the adaptive context (bit 0)";
        return null;
    }

    public long features() {
        return features;
    }

    public NwfCodec(NwfModel model) {
        this(model, ReferenceEvaluator.INSTANCE);
    }

    public NwfModel model() {
        return model;
    }

    public NwfFile encode(Image image) {
        return encode(image, Map.of(), null, null);
    }

    /** Codes every level; metadata, ICC and EXIF are carried unchanged into the container. */
    public NwfFile encode(Image image, Map<String, Object> metadata, byte[] icc, byte[] exif) {
        return encode(image, metadata, icc, exif, (level, total) -> { });
    }

    /** Told as each level is coded (coarsest first), for progress on large images. */
    @FunctionalInterface
    public interface EncodeProgress {
        void levelCoded(int level, int totalLevels);

        /**
         * Finer-grained: {@code done} of {@code total} units of work (samples coded, trial codings of the colour
         * transforms included, for the nwf family; levels for rgflow), told as each band or level completes.
         */
        default void workDone(long done, long total) {
        }
    }

    public NwfFile encode(Image image, Map<String, Object> metadata, byte[] icc, byte[] exif, EncodeProgress progress) {
        ValueMap map = (features & NwfContainer.FEATURE_VALUE_MAP) != 0 ? ValueMap.fit(image) : null;
        Image coded = map == null ? image : map.toRanks(image);
        BlockGrid grid = (features & NwfContainer.FEATURE_BLOCK_GRID) != 0 ? BlockGrid.detect(image) : null;
        // on smaller images the grid's classes may not pay for themselves: code both ways, keep the smaller
        List<BlockGrid> grids = grid != null && image.pixels() < BlockGrid.TRIAL_BELOW_PIXELS ? Arrays.asList(grid, null) : Arrays.asList(grid);
        boolean tryHaar = (features & NwfContainer.FEATURE_HAAR_SPLIT) != 0;
        Image sample = tryHaar ? SplitChoice.sample(coded) : coded;
        boolean mosaic = sample != coded;
        List<Lifting.Filter> filters = tryHaar && !mosaic ? List.of(Lifting.Filter.LE_GALL_53, Lifting.Filter.HAAR) : List.of(Lifting.Filter.LE_GALL_53);
        int candidates = grids.size() * filters.size();
        EncodePhases phases = new EncodePhases(progress, threads, (mosaic ? 2 * sample.pixels() : 0) + candidates * image.pixels());
        if (mosaic) {
            List<Function<EncodeProgress, Long>> trials = new ArrayList<>();
            for (Lifting.Filter f : List.of(Lifting.Filter.LE_GALL_53, Lifting.Filter.HAAR)) trials.add(p -> levelBytes(sample, grid, f, p));
            List<Long> bytes = phases.run(trials, sample.pixels(), -1);
            filters = List.of(SplitChoice.better(bytes.get(0), bytes.get(1)));
        }
        // every candidate is coded whole and the smallest kept; levels are reported for the last one
        List<Function<EncodeProgress, NwfFile>> codings = new ArrayList<>();
        for (BlockGrid g : grids) {
            for (Lifting.Filter f : filters) codings.add(p -> encode(image, coded, map, metadata, icc, exif, p, g, f));
        }
        NwfFile best = null;
        for (NwfFile file : phases.run(codings, image.pixels(), codings.size() - 1)) {
            if (best == null || totalBytes(file.levels()) < totalBytes(best.levels())) best = file;
        }
        return best;
    }

    private static long totalBytes(List<byte[]> payloads) {
        long n = 0;
        for (byte[] p : payloads) n += p.length;
        return n;
    }

    /**
     * The bytes of an image's levels (no container) coded with the given grid and filter under the preferred colour
     * transform: a trial, which leaves out the colour-transform trial to save time.
     */
    private long levelBytes(Image image, BlockGrid grid, Lifting.Filter filter, EncodeProgress progress) {
        List<ColourTransform> preferred = candidateTransforms(image.channels()).subList(0, 1);
        return totalBytes(levelCoding(features, grid, filter).encode(image, preferred, progress).payloads());
    }

    /** @param coded the image the levels code: {@code image}'s ranks under {@code map}, or the image itself */
    private NwfFile encode(Image image, Image coded, ValueMap map, Map<String, Object> metadata, byte[] icc, byte[] exif,
                           EncodeProgress progress, BlockGrid grid, Lifting.Filter filter) {
        LevelCoding coding = levelCoding(features, grid, filter);
        int[][] sizes = coding.sizes(image.width(), image.height());
        LevelCoding.Encoded levelsCoded = coding.encode(coded, candidateTransforms(image.channels()), progress);
        List<byte[]> payloads = new ArrayList<>(levelsCoded.payloads());
        payloads.set(0, Level0Prefix.write(map, grid, payloads.get(0)));
        int levels = sizes.length;
        long fileFeatures = (features & ~CHOSEN_FEATURES)
                | (levelsCoded.transform() == ColourTransform.SUBTRACT_GREEN ? NwfContainer.FEATURE_SUBTRACT_GREEN : 0)
                | (levelsCoded.transform() == ColourTransform.GREEN_FIRST ? NwfContainer.FEATURE_GREEN_FIRST : 0)
                | (map != null ? NwfContainer.FEATURE_VALUE_MAP : 0)
                | (grid != null ? NwfContainer.FEATURE_BLOCK_GRID : 0)
                | (filter == Lifting.Filter.HAAR ? NwfContainer.FEATURE_HAAR_SPLIT | (features & NwfContainer.FEATURE_NETWORK_FREE_HAAR) : 0)
                // only where a level holds them: smaller files stay readable by 1.8 decoders
                | (NwfLevels.holdsBandStreams(sizes) ? features & NwfContainer.FEATURE_BAND_STREAMS : 0);
        NwfHeader header = new NwfHeader(image.width(), image.height(), image.channels(), image.bitDepth(),
                levelsCoded.transform().code, model.id(), model.digest(), levels, fileFeatures);
        List<LevelInfo> index = new ArrayList<>(levels);
        for (int i = 0; i < levels; i++) index.add(new LevelInfo(sizes[i][0], sizes[i][1], payloads.get(i).length));
        return new NwfFile(header, index, payloads, metadata, icc, exif, List.of());
    }

    /**
     * The transforms the encoder may use, preferred first (SPEC.md §4.1): subtract green, then from format 1.10 green
     * first (which took YCoCg-R's place in the trial: on set A YCoCg-R won on one photo by 0.7 %, green first on
     * RainDrops by 4.1 %; a third trial would cost 12 % of the encoding speed), before it YCoCg-R. Without subtract green
     * YCoCg-R comes first.
     */
    private List<ColourTransform> candidateTransforms(int channels) {
        if (!ColourTransform.appliesTo(channels)) return List.of(ColourTransform.NONE);
        boolean green = (features & NwfContainer.FEATURE_SUBTRACT_GREEN) != 0;
        boolean greenFirst = (features & NwfContainer.FEATURE_GREEN_FIRST) != 0;
        if (green) return List.of(ColourTransform.SUBTRACT_GREEN, greenFirst ? ColourTransform.GREEN_FIRST : ColourTransform.YCOCG_R);
        return greenFirst ? List.of(ColourTransform.YCOCG_R, ColourTransform.GREEN_FIRST) : List.of(ColourTransform.YCOCG_R);
    }

    /** The colour transform a header must name: subtract green or green first with its feature bit, else the standard one. */
    private static ColourTransform expectedTransform(NwfHeader h) {
        if (!ColourTransform.appliesTo(h.channels())) return ColourTransform.standard(h.channels());
        if ((h.requiredFeatures() & NwfContainer.FEATURE_SUBTRACT_GREEN) != 0) return ColourTransform.SUBTRACT_GREEN;
        if ((h.requiredFeatures() & NwfContainer.FEATURE_GREEN_FIRST) != 0) return ColourTransform.GREEN_FIRST;
        return ColourTransform.standard(h.channels());
    }

    /** The model family's level scheme, as the feature bits, the image's block grid (or null) and split filter shape it. */
    private LevelCoding levelCoding(long featureBits, BlockGrid grid, Lifting.Filter filter) {
        if (NwfModel.FAMILY_RGFLOW.equals(model.family())) return new RgFlowLevels(evaluator, model);
        boolean networkFree = filter == Lifting.Filter.HAAR && (featureBits & NwfContainer.FEATURE_NETWORK_FREE_HAAR) != 0;
        return new NwfLevels(evaluator, model, new DetailContext((featureBits & NwfContainer.FEATURE_ADAPTIVE_CONTEXT) != 0,
                (featureBits & NwfContainer.FEATURE_ZERO_CONTEXT) != 0, (featureBits & NwfContainer.FEATURE_BIAS_CORRECTION) != 0,
                (featureBits & NwfContainer.FEATURE_ERROR_FEEDBACK) != 0, (featureBits & NwfContainer.FEATURE_SCALE_BLEND) != 0,
                grid, filter, !networkFree),
                (featureBits & NwfContainer.FEATURE_BAND_STREAMS) != 0, threads);
    }

    /** The split filter a header's bits name (SPEC.md §4.2). */
    private static Lifting.Filter filter(NwfHeader h) {
        return (h.requiredFeatures() & NwfContainer.FEATURE_HAAR_SPLIT) != 0 ? Lifting.Filter.HAAR : Lifting.Filter.LE_GALL_53;
    }

    /**
     * Decodes up to {@code maxLevels} levels (all when larger than the file's count) of a file whose levels may be
     * incomplete (a truncated file): the result is the finest level available.
     */
    public Decoded decode(NwfFile file, int maxLevels, LevelListener listener) throws IOException {
        NwfHeader h = file.header();
        checkHeader(h);
        int wanted = Math.min(maxLevels, file.levelCount());
        LevelDecoder d = new LevelDecoder(h, wanted);
        for (int level = 0; level < wanted; level++) d.next(file.level(level), listener);
        String reason = wanted == h.levels() ? null
                : wanted < file.levelCount() ? "stopped at level " + wanted + " as asked"
                : "only " + file.levelCount() + " of " + h.levels() + " levels are present";
        return new Decoded(d.image(), wanted, h.levels(), reason, file.metadata(), file.icc(), file.exif());
    }

    /**
     * Reads and decodes a stream level by level, telling the listener as each level completes.
     *
     * @param dropFinest how many of the finest levels to skip (0 for the full image, 1 for half size, ...)
     */
    public static Decoded decode(InputStream in, ModelResolver models, NetEvaluator evaluator, ReadOptions options,
                                 int dropFinest, LevelListener listener) throws IOException {
        return decode(in, models, evaluator, options, dropFinest, 0, listener);
    }

    /** {@link #decode(InputStream, ModelResolver, NetEvaluator, ReadOptions, int, LevelListener)} on at most {@code threads} threads (0: one per core). */
    public static Decoded decode(InputStream in, ModelResolver models, NetEvaluator evaluator, ReadOptions options,
                                 int dropFinest, int threads, LevelListener listener) throws IOException {
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (one per core) or more: " + threads);
        NwfStreamReader reader = NwfContainer.open(in, options);
        NwfHeader h = reader.header();
        NwfCodec codec = new NwfCodec(models.resolve(h.modelId(), h.modelDigest()), evaluator).withThreads(threads);
        codec.checkHeader(h);
        int wanted = Math.max(1, h.levels() - dropFinest);
        LevelDecoder d = codec.new LevelDecoder(h, wanted);
        int done = 0;
        while (done < wanted) {
            byte[] payload = reader.nextLevel();
            if (payload == null) break;
            d.next(payload, listener);
            done++;
        }
        if (done == h.levels() && done == wanted) reader.readRest();
        String reason = done == h.levels() ? null : done == wanted ? "stopped at level " + wanted + " as asked" : reader.stopReason();
        if (d.level == 0) {
            throw new dev.nwf.format.NwfFormatException(dev.nwf.format.NwfFormatException.Kind.TRUNCATED, reader.verifiedBytes(),
                    "no level is complete: " + reason);
        }
        return new Decoded(d.image(), done, h.levels(), reason, reader.metadata(), reader.icc(), reader.exif());
    }

    /**
     * Enlarges {@code image} by 2^doublings, filling detail from the prior: its mean when {@code temperature} is 0,
     * otherwise a sample with the prior's scale multiplied by the temperature.
     */
    public Image upsample(Image image, int doublings, double temperature, long seed) {
        if (doublings < 1 || doublings > 4) throw new IllegalArgumentException("doublings must be 1..4: " + doublings);
        if (!(temperature >= 0)) throw new IllegalArgumentException("temperature must be >= 0: " + temperature);
        // the prior was trained on the standard transform's planes
        ColourTransform ct = ColourTransform.standard(image.channels());
        int[][] planes = levelCoding(features, null, Lifting.Filter.LE_GALL_53).upsample(Pyramid.transformedPlanes(image, ct), image.width(), image.height(), image.bitDepth(),
                doublings, temperature, new java.util.Random(seed));
        return Pyramid.toImage(planes, image.width() << doublings, image.height() << doublings, image.bitDepth(), ct, true);
    }

    /** A file's value map as `nwf info` shows it: the depth its levels code and each channel's number of values. */
    public record ValueMapInfo(int codedDepth, List<Integer> valuesPerChannel) {
    }

    /**
     * The value map (SPEC.md §4.0) of a file whose header sets feature bit 2, read from level 0 without decoding
     * pixels; null when the file has none or level 0 is missing.
     */
    public static ValueMapInfo valueMap(NwfFile file) throws CorruptLevelException {
        ValueMap map = level0Prefix(file).map();
        if (map == null) return null;
        List<Integer> counts = new ArrayList<>();
        for (int c = 0; c < file.header().channels(); c++) counts.add(map.channelSize(c));
        return new ValueMapInfo(map.codedDepth(), List.copyOf(counts));
    }

    /** Level 0's prefix, read without decoding pixels; empty when level 0 is missing. */
    private static Level0Prefix level0Prefix(NwfFile file) throws CorruptLevelException {
        if (file.levelCount() == 0) return new Level0Prefix(null, null, 0);
        try {
            return Level0Prefix.read(file.level(0), file.header());
        } catch (CorruptStreamException e) {
            throw new CorruptLevelException(0, e.offset(), e.reason(), e);
        }
    }

    /** A file's block grid as `nwf info` shows it: period and where blocks start. */
    public record BlockGridInfo(int period, int startX, int startY) {
    }

    /** The block grid (SPEC.md §6.3.5) a file names in level 0; null when it names none or level 0 is missing. */
    public static BlockGridInfo blockGrid(NwfFile file) throws CorruptLevelException {
        BlockGrid g = level0Prefix(file).grid();
        return g == null ? null : new BlockGridInfo(g.period, g.startX, g.startY);
    }

    private void checkHeader(NwfHeader h) throws IOException {
        if (!h.modelId().equals(model.id()) || !Arrays.equals(h.modelDigest(), model.digest())) {
            throw new UnknownModelException("file was coded with model " + h.modelId() + "@" + h.modelDigestHex().substring(0, 12)
                    + ", this codec has " + model.id() + "@" + model.digestHex().substring(0, 12));
        }
        if ((h.requiredFeatures() & ~supportedFeatures(model)) != 0) {
            throw new CorruptLevelException(0, 0, "feature bits 0x" + Long.toHexString(h.requiredFeatures()) + " are not defined for "
                    + model.family() + " models", null);
        }
        String missing = missingAdaptiveContext(h.requiredFeatures());
        if (missing != null) throw new CorruptLevelException(0, 0, missing, null);
        if ((h.requiredFeatures() & (NwfContainer.FEATURE_NETWORK_FREE_HAAR | NwfContainer.FEATURE_HAAR_SPLIT)) == NwfContainer.FEATURE_NETWORK_FREE_HAAR) {
            throw new CorruptLevelException(0, 0, "network-free Haar levels (feature bit 6) need the Haar split (bit 4)", null);
        }
        if ((h.requiredFeatures() & NwfContainer.FEATURE_SUBTRACT_GREEN) != 0 && !ColourTransform.appliesTo(h.channels())) {
            throw new CorruptLevelException(0, 0, "subtract green (feature bit 1) needs 3 or 4 channels, the file has " + h.channels(), null);
        }
        if ((h.requiredFeatures() & NwfContainer.FEATURE_GREEN_FIRST) != 0 && !ColourTransform.appliesTo(h.channels())) {
            throw new CorruptLevelException(0, 0, "green first (feature bit 10) needs 3 or 4 channels, the file has " + h.channels(), null);
        }
        if ((h.requiredFeatures() & (NwfContainer.FEATURE_GREEN_FIRST | NwfContainer.FEATURE_SUBTRACT_GREEN))
                == (NwfContainer.FEATURE_GREEN_FIRST | NwfContainer.FEATURE_SUBTRACT_GREEN)) {
            throw new CorruptLevelException(0, 0, "subtract green (feature bit 1) and green first (bit 10) name two colour transforms", null);
        }
        int expected = expectedTransform(h).code;
        if (h.colourTransform() != expected) {
            throw new CorruptLevelException(0, 0, "colour transform " + h.colourTransform() + " is not valid for "
                    + h.channels() + " channels and feature bits 0x" + Long.toHexString(h.requiredFeatures()) + " (expected " + expected + ")", null);
        }
    }

    /** Decoding state between levels. */
    private final class LevelDecoder {
        private final NwfHeader h;
        private final int[][] sizes;
        private final LevelCoding levelCoding;
        /** Created with level 0, whose value map (feature bit 2) sets the depth the levels are coded at. */
        private LevelCoding.Decoder coding;
        private ValueMap map;
        private int level;
        /** Levels the caller means to decode, for the progress total. */
        private final int wanted;
        private long workDone;

        LevelDecoder(NwfHeader h, int wanted) throws IOException {
            this.h = h;
            this.wanted = wanted;
            this.levelCoding = levelCoding(h.requiredFeatures(), null, filter(h));
            this.sizes = levelCoding.sizes(h.width(), h.height());
            if (sizes.length != h.levels()) {
                throw new CorruptLevelException(0, 0, "header declares " + h.levels() + " levels, a " + h.width() + "x"
                        + h.height() + " image has " + sizes.length, null);
            }
        }

        void next(byte[] payload, LevelListener listener) throws IOException {
            try {
                int start = 0;
                if (level == 0) {
                    Level0Prefix prefix = Level0Prefix.read(payload, h);
                    map = prefix.map();
                    start = prefix.dataStart();
                    coding = levelCoding(h.requiredFeatures(), prefix.grid(), filter(h))
                            .decoder(h.channels(), h.width(), h.height(), map == null ? h.bitDepth() : map.codedDepth());
                }
                long total = coding.work(wanted);
                coding.next(payload, start, units -> {
                    workDone += units;
                    listener.workDone(workDone, total);
                });
            } catch (CorruptStreamException e) {
                throw new CorruptLevelException(level, e.offset(), e.reason(), e);
            }
            level++;
            if (listener.wantsImages()) listener.levelDecoded(level - 1, h.levels(), image());
        }

        Image image() throws CorruptLevelException {
            boolean full = level == h.levels();
            try {
                if (map == null) {
                    return Pyramid.toImage(coding.planes(), sizes[level - 1][0], sizes[level - 1][1], h.bitDepth(), expectedTransform(h), !full);
                }
                Image ranks = Pyramid.toImage(coding.planes(), sizes[level - 1][0], sizes[level - 1][1], map.codedDepth(), expectedTransform(h), !full);
                return map.toValues(ranks, !full);
            } catch (IllegalArgumentException e) {
                throw new CorruptLevelException(level - 1, 0, "decoded samples out of range: " + e.getMessage(), e);
            }
        }
    }
}
