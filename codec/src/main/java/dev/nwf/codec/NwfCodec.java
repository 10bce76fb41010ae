package dev.nwf.codec;

import dev.nwf.codec.deflate.DeflateRows;
import dev.nwf.codec.level.BandStreams;
import dev.nwf.codec.level.EncodePhases;
import dev.nwf.codec.level.LevelCoding;
import dev.nwf.codec.level.RgFlowLevels;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.codec.nwf.NwfLevels;
import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.pixel.Period;
import dev.nwf.codec.pixel.PixelLevels;
import dev.nwf.codec.pixel.PixelTools;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.LevelPlan;
import dev.nwf.codec.transform.Lifting;
import dev.nwf.codec.transform.Palette;
import dev.nwf.codec.transform.Pyramid;
import dev.nwf.codec.transform.SplitChoice;
import dev.nwf.codec.transform.ValueMap;
import dev.nwf.format.LevelInfo;
import dev.nwf.format.NwfFile;
import dev.nwf.format.NwfHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The codec's public entry point (SPEC.md §4-§6): images to {@link NwfFile}s and back, level by level.
 * Networks run on the given {@link NetEvaluator}; every evaluator yields the same integers, so files decode
 * identically whichever one encoder and decoder use.
 */
public final class NwfCodec {
    private final NwfModel model;
    private final NetEvaluator evaluator;
    /** Coding tools this codec's encoder may list (SPEC.md §2.4.1); each is listed only where the encoder uses it. */
    private final Set<CodingTool> allowed;
    /** Threads that code bands and trials side by side (SPEC.md §6.5); 0 for one per core. */
    private final int threads;
    /** The most levels pixel levels may have (SPEC.md §4.4.1), 0 for every level of §4.3's plan. */
    private final int maxLevels;
    /** Images of at most this many pixels are also tried as one pixel level (SPEC.md §4.4.1). */
    static final long ONE_LEVEL_TRIAL_PIXELS = 1 << 15;
    private final Effort effort;
    /** Whether pixel levels may use the expert (SPEC.md §4.4.5), a flag of tool pixel-levels rather than a tool. */
    private final boolean expert;

    /** A codec whose encoder may use every tool the model's family supports. */
    public NwfCodec(NwfModel model, NetEvaluator evaluator) {
        this(model, evaluator, CodingTool.supportedBy(model), 0, 0, Effort.DEFAULT, true);
    }

    private NwfCodec(NwfModel model, NetEvaluator evaluator, Set<CodingTool> allowed, int threads, int maxLevels,
            Effort effort, boolean expert) {
        this.model = model;
        this.evaluator = evaluator;
        Set<CodingTool> copy = EnumSet.noneOf(CodingTool.class);
        copy.addAll(allowed);
        this.allowed = Collections.unmodifiableSet(copy);
        this.threads = threads;
        this.maxLevels = maxLevels;
        this.effort = effort;
        this.expert = expert;
    }

    /**
     * A codec that codes on at most {@code threads} threads (0: one per core; the network evaluator keeps its own). The
     * bytes and the decoded images are the same with any number.
     */
    public NwfCodec withThreads(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (one per core) or more: " + threads);
        return new NwfCodec(model, evaluator, allowed, threads, maxLevels, effort, expert);
    }

    /** Threads the encoder may use. */
    public int threads() {
        return threads;
    }

    /**
     * A codec whose pixel levels (SPEC.md §4.4) have at most {@code maxLevels} levels, leaving out the coarsest ones:
     * fewer, larger steps of progressive decoding for smaller files (1: one level in raster order, not progressive,
     * the smallest). 0 keeps every level of §4.3's plan, as wavelet levels always do.
     */
    public NwfCodec withLevels(int maxLevels) {
        if (maxLevels < 0 || maxLevels > 255) {
            throw new IllegalArgumentException("levels must be 0 (all) or 1 to 255: " + maxLevels);
        }
        return new NwfCodec(model, evaluator, allowed, threads, maxLevels, effort, expert);
    }

    /** A codec whose encoder searches with this effort ({@link Effort}); files decode the same way at any effort. */
    public NwfCodec withEffort(Effort newEffort) {
        return new NwfCodec(model, evaluator, allowed, threads, maxLevels, newEffort, expert);
    }

    /** The encoder's effort. */
    public Effort effort() {
        return effort;
    }

    /** The most levels pixel levels may have, 0 for all. */
    public int maxLevels() {
        return maxLevels;
    }

    /**
     * A codec whose encoder may use only these tools (each still only where it pays: a value map, block grid, the Haar
     * split, a colour transform and band streams are chosen per image). Decoding follows the file's own tool list.
     *
     * @throws IllegalArgumentException for a tool the model's family does not support, or one without the tool it needs
     */
    public NwfCodec withTools(Set<CodingTool> tools) {
        for (CodingTool t : tools) {
            if (!t.supportedBy(model.family())) throw new IllegalArgumentException("tool " + t.toolName
                    + " is not defined for " + model.family() + " models");
            if (t.needs != null && !tools.contains(t.needs)) {
                throw new IllegalArgumentException("tool " + t.toolName + " needs " + t.needs.toolName);
            }
        }
        return new NwfCodec(model, evaluator, tools, threads, maxLevels, effort, expert);
    }

    /**
     * A codec whose pixel levels never use the expert (SPEC.md §4.4.5; `nwf encode --without expert`): for measuring
     * what it earns, and for faster decoding of photos' pixel levels at the cost of their size.
     */
    public NwfCodec withoutExpert() {
        return new NwfCodec(model, evaluator, allowed, threads, maxLevels, effort, false);
    }

    /** The tools this codec's encoder may use. */
    public Set<CodingTool> tools() {
        return allowed;
    }

    private boolean allows(CodingTool t) {
        return allowed.contains(t);
    }

    /**
     * Whether pixel levels of {@code coded} list tool colour-gradients (SPEC.md §4.4.12): where it is allowed and
     * there are colours after the first (not a gray image, not a palette's indices). Set P's development half as
     * pixel levels 3.1 % smaller, its validation half 2.5 %.
     */
    private boolean colourGradients(Image coded) {
        return allows(CodingTool.COLOUR_GRADIENTS) && coded.channels() >= 3;
    }

    /** A codec for {@code model} with the pure-Java evaluator, default effort and threads. */
    public NwfCodec(NwfModel model) {
        this(model, ReferenceEvaluator.INSTANCE);
    }

    /** The model the levels are coded with. */
    public NwfModel model() {
        return model;
    }

    /** Encodes an image without metadata. */
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
        /** Level {@code level} of {@code totalLevels} is coded. */
        void levelCoded(int level, int totalLevels);

        /**
         * Finer-grained: {@code done} of {@code total} units of work (samples coded, trial codings of the colour
         * transforms included, for the nwf family; levels for rgflow), told as each band or level completes.
         */
        default void workDone(long done, long total) {
        }
    }

    /** Encodes an image with its metadata (meta object, ICC, EXIF; each may be empty or null), reporting progress. */
    public NwfFile encode(Image image, Map<String, Object> metadata, byte[] icc, byte[] exif, EncodeProgress progress) {
        Palette palette = allows(CodingTool.PALETTE) ? Palette.fit(image) : null;
        boolean graphic = allows(CodingTool.PIXEL_LEVELS) && (palette != null || PixelLevels.worthTrying(image));
        // each candidate coding is done whole and the smallest file kept: wavelet levels of the samples and, for an
        // image of few colours, of its palette's indices; pixel levels of both where a mosaic of a large image says
        // they may pay (from effort 5 of any large image: renders with few repeated pixels may take them too; below,
        // of a graphic's) or where a small image has few colours or many pixels repeat a neighbour. Below effort 5 a
        // large image is coded once: as pixel levels where a graphic's mosaic is clear about them
        List<Function<EncodeProgress, NwfFile>> candidates = new ArrayList<>();
        boolean askMosaic = allows(CodingTool.PIXEL_LEVELS) && !effort.triesPixelLevelsEverywhere()
                && (graphic || effort.triesAlternatives(image.pixels()));
        // a JPEG-decoded image's grid, detected once: the wavelet levels' (SPEC.md §6.3.5), and pixel levels' where it
        // shows throughout the image (SPEC.md §4.4.6)
        BlockGrid seen = allows(CodingTool.BLOCK_GRID) || allows(CodingTool.PIXEL_GRID) ? BlockGrid.detect(image)
                : null;
        BlockGrid waveletGrid = allows(CodingTool.BLOCK_GRID) ? seen : null;
        BlockGrid pixelGrid = seen != null && allows(CodingTool.PIXEL_GRID) && seen.showsThroughout(image) ? seen
                : null;
        MosaicTrial mosaic = askMosaic ? mosaicTrial(image, graphic, waveletGrid, pixelGrid) : null;
        // coded once, pixel levels only where the mosaic is clear about them, not near a tie
        boolean once = !effort.triesAlternatives(image.pixels());
        boolean pixels = allows(CodingTool.PIXEL_LEVELS) && (effort.triesPixelLevelsEverywhere()
                || (mosaic == null ? graphic : once ? mosaic.pixelLevelsClearlyPay() : mosaic.pixelLevelsMayPay()));
        // a small image that is no graphic is tried as pixel levels of differences only (SPEC.md §4.4; set P's
        // camera frames: 4-10 % smaller than as wavelet levels)
        boolean differencesOnly = !pixels && mosaic == null && !once && effort.triesDifferencesOnly()
                && allows(CodingTool.PIXEL_LEVELS);
        // with candidates or differences only: the mosaic's choice, else both where alternatives are tried
        List<Boolean> modes = mosaic != null ? List.of(mosaic.candidates()) : differencesOnly ? List.of(false)
                : effort.triesDifferencesOnly() && !once ? List.of(true, false) : List.of(true);
        // the samples' colour transform for pixel levels: the mosaic's choice, else each is tried whole
        List<ColourTransform> pixelTransforms = mosaic != null ? List.of(mosaic.pixelTransform())
                : pixels || differencesOnly ? pixelTransforms(image) : List.of();
        if (once) {
            if (pixels) {
                ColourTransform ct = palette != null ? ColourTransform.NONE : pixelTransforms.get(0);
                boolean with = palette != null || modes.get(0);
                boolean expert = palette == null && expertChoices(image).contains(true);
                BlockGrid grid = palette != null ? null : pixelGrid;
                candidates.add(p -> encodePixels(image, palette, null, ct, maxLevels, with, expert, grid, metadata,
                        icc, exif, p));
            } else {
                candidates.add(p -> encode(image, null, metadata, icc, exif, p, mosaic, waveletGrid));
            }
            return best(candidates, progress);
        }
        // where the mosaic is clear about pixel levels, wavelet levels are not coded whole (below effort 8): no file of
        // sets A, P and G changed, and set P encoded 1.2-1.4 times, set G 1.7-2 times as fast
        // and a photo too small for a mosaic is coded as pixel levels of differences only alone (below effort 8, of
        // 2^16 pixels or more)
        boolean waveletToo = !pixels && (!differencesOnly || effort.codesSmallPhotoAsWaveletToo(image.pixels()))
                || pixels && (mosaic == null || !mosaic.pixelLevelsClearlyPay()
                || effort.codesWaveletBesideClearPixels());
        if (waveletToo) {
            candidates.add(p -> encode(image, null, metadata, icc, exif, p, mosaic, waveletGrid));
            if (palette != null) candidates.add(p -> encode(image, palette, metadata, icc, exif, p, null, null));
        }
        boolean oneLevelTrial = maxLevels == 0 && image.pixels() <= ONE_LEVEL_TRIAL_PIXELS
                && effort.triesSmallImageOptions();
        // where one level may be coded anyway (a small image, or one level asked for), PNG's own coding too (SPEC.md
        // §4.5): what its LZ77 codes smaller than the context models — a dithered texture, a strip of small sprites —
        // then comes out no larger than PNG makes it
        boolean rows = allows(CodingTool.DEFLATE_ROWS) && (maxLevels == 1 || oneLevelTrial);
        // the samples as they are, their ranks where a value map fits (a gray image of two values: 1-bit ranks; a
        // colour image's ranks lose what subtract green relates, so both), and the palette's indices
        ValueMap map = allows(CodingTool.VALUE_MAP) && (pixels || rows || differencesOnly) ? ValueMap.fit(image)
                : null;
        // the samples are coded with the expert (SPEC.md §4.4.5), a small image's tried without it too
        List<Boolean> experts = expertChoices(image);
        if (pixels || differencesOnly) {
            List<Integer> counts = pixels && oneLevelTrial ? List.of(maxLevels, 1) : List.of(maxLevels);
            // a small image gains little from progressive display and much from one level (an icon of 48x48:
            // 21 % smaller): it is also coded as one level, and the smaller file kept
            for (int levels : counts) {
                for (ColourTransform ct : pixelTransforms) {
                    for (boolean with : modes) {
                        for (boolean expert : experts) {
                            candidates.add(p -> encodePixels(image, null, null, ct, levels, with, expert, pixelGrid,
                                    metadata, icc, exif, p));
                        }
                    }
                    if (map != null) {
                        for (boolean with : modes) {
                            for (boolean expert : experts) {
                                candidates.add(p -> encodePixels(image, null, map, ct, levels, with, expert,
                                        pixelGrid, metadata, icc, exif, p));
                            }
                        }
                    }
                }
                if (pixels && palette != null) {
                    candidates.add(p -> encodePixels(image, palette, null, ColourTransform.NONE, levels, true, false,
                            null, metadata, icc, exif, p));
                }
            }
        }
        if (rows) {
            candidates.add(p -> encodeRows(image, null, map, metadata, icc, exif, p));
            if (palette != null) candidates.add(p -> encodeRows(image, palette, null, metadata, icc, exif, p));
        }
        return best(candidates, progress);
    }

    /** With and/or without the expert, as the effort asks and the codec allows. */
    private List<Boolean> expertChoices(Image image) {
        return expert ? effort.expertChoices(image.pixels()) : List.of(false);
    }

    /** Codes every candidate whole and keeps the smallest file. */
    private static NwfFile best(List<Function<EncodeProgress, NwfFile>> candidates, EncodeProgress progress) {
        NwfFile best = null;
        for (int i = 0; i < candidates.size(); i++) {
            NwfFile file = candidates.get(i).apply(Parts.of(progress, i, candidates.size()));
            if (best == null || fileBytes(file) < fileBytes(best)) best = file;
        }
        return best;
    }

    /**
     * What a large image's mosaic (the split trial's, §4.2) codes to as pixel levels and as wavelet levels under either
     * filter (with the image's block grid {@code waveletGrid}, null for none), or null where the image is small enough
     * to be tried whole. The mosaic of an
     * image that is no {@code graphic} is coded as pixel levels of differences only: on sets A and P candidates paid on
     * no image where fewer than 47 % of the pixels repeat a neighbour, and the trial with them took a quarter of the
     * mosaic's time. The mosaic's pixel levels keep no grid: in its 0.15 MP, 64 positions' least squares learn too
     * little (set A's JPEG-decoded photos: 1-2 % larger with the grid, whole images 1-5.5 % smaller); an image with a
     * {@code pixelGrid} (null: none) is judged with that in mind ({@link MosaicTrial#pixelLevelsMayPay}).
     */
    private MosaicTrial mosaicTrial(Image image, boolean graphic, BlockGrid waveletGrid, BlockGrid pixelGrid) {
        Image sample = SplitChoice.sample(image);
        if (sample == image) return null;
        boolean differencesFirst = !graphic && effort.triesDifferencesOnly();
        long pixelBytes = Long.MAX_VALUE;
        ColourTransform pixelTransform = null;
        for (ColourTransform ct : pixelTransforms(sample)) {
            long bytes = mosaicPixelBytes(sample, ct, !differencesFirst);
            if (bytes < pixelBytes) {
                pixelBytes = bytes;
                pixelTransform = ct;
            }
        }
        long haar = allows(CodingTool.HAAR_SPLIT)
                ? levelBytes(sample, trialTools(null, waveletGrid, Lifting.Filter.HAAR, null), (l, t) -> { })
                : Long.MAX_VALUE;
        // without Haar, the 5/3's bytes are the wavelet's (and what differences only must come near)
        long legall = haar == Long.MAX_VALUE ? legallBytes(sample, waveletGrid) : Long.MAX_VALUE;
        // differences only, under the better transform: a textured render's or a camera frame's samples rarely
        // equal a candidate, and their decisions cost more than they save; not where even that would leave pixel
        // levels behind the wavelet's (a JPEG-decoded photo's mosaic: 18-36 % larger with candidates)
        boolean candidates = !differencesFirst;
        if (candidates && effort.triesDifferencesOnly()
                && pixelBytes < DIFFERENCES_ONLY_REACH * Math.min(legall, haar)) {
            long bytes = mosaicPixelBytes(sample, pixelTransform, false);
            if (bytes < pixelBytes) {
                pixelBytes = bytes;
                candidates = false;
            }
        }
        // where pixel levels (their better mode) are clear against Haar's (MosaicTrial#pixelLevelsClearlyPay), below
        // effort 8 the image takes pixel levels unless the 5/3 would code the mosaic smaller than Haar, enough to
        // leave them unclear, which no image of sets A and P did (the 5/3 came out 0.4-17 % larger than Haar on each
        // of the seven mosaics it coded): its trial, which evaluates the network and took twice Haar's time, is left
        // out (set P encoded 1.1 times as fast; judged after differences only, set A's JPEG-decoded wallpapers that
        // look graphic, whose candidates came out larger, skip it too)
        boolean clearAgainstHaar = new MosaicTrial(pixelBytes, pixelTransform, candidates, Long.MAX_VALUE, haar,
                pixelGrid != null).pixelLevelsClearlyPay();
        if (legall == Long.MAX_VALUE && (effort.codesWaveletBesideClearPixels() || !clearAgainstHaar)) {
            legall = legallBytes(sample, waveletGrid);
        }
        return new MosaicTrial(pixelBytes, pixelTransform, candidates, legall, haar, pixelGrid != null);
    }

    /**
     * A mosaic's bytes as pixel levels under {@code ct}, with candidates or differences only: without the expert or a
     * grid, its tables laid out as the final coding's.
     */
    private long mosaicPixelBytes(Image sample, ColourTransform ct, boolean candidates) {
        PixelTools tools = PixelTools.CANDIDATES.withCandidates(candidates)
                .withPackedLines(allows(CodingTool.PACKED_LINES))
                .withColourGradients(colourGradients(sample));
        return totalBytes(new PixelLevels(ct, threads, 0, 0, rasterFinish(sample, 0), null, tools).encode(sample,
                List.of(ct), (l, t) -> { }).payloads());
    }

    /** A mosaic's bytes as wavelet levels split with the 5/3 (evaluating the network), with the image's grid. */
    private long legallBytes(Image sample, BlockGrid waveletGrid) {
        return levelBytes(sample, trialTools(null, waveletGrid, Lifting.Filter.LE_GALL_53, null), (l, t) -> { });
    }

    /**
     * Differences only are tried on a mosaic where pixel levels with candidates came to less than this many times the
     * wavelet's bytes: they saved at most 11 % on any image of set P's development half (a camera frame).
     */
    private static final double DIFFERENCES_ONLY_REACH = 1.15;

    /**
     * A mosaic's bytes as pixel levels under the better of the colour transforms tried ({@code pixelTransform}), with
     * candidates or differences only, and as wavelet levels under the 5/3 and under Haar (MAX_VALUE: not allowed),
     * with the image's block grid, which the samples' coding then reuses; and whether the image has a pixel grid
     * (SPEC.md §4.4.6), which the mosaic's pixel levels leave out.
     */
    private record MosaicTrial(long pixelBytes, ColourTransform pixelTransform, boolean candidates, long legallBytes,
            long haarBytes, boolean pixelGrid) {
        /**
         * Whether pixel levels may code the image smaller than wavelet levels: where they were smaller on the mosaic.
         * The mosaic is no sharp judge near a tie (set A's Aqua at 2560x1600: 0.991 of the wavelet's bytes, where
         * JPEG-decoded photos code 7-19 % larger whole as pixel levels; set P's render of a crater: 0.989, 5.8 %
         * smaller whole), so both are then coded whole and the smaller kept, at the time of a second coding. With a
         * pixel grid, which the mosaic's pixel levels leave out, up to 1.02 of the wavelet's bytes may pay (set A's
         * LadyBird: 1.005 on the mosaic, 3.0 % smaller whole with its grid).
         */
        boolean pixelLevelsMayPay() {
            return pixelBytes * 50 < Math.min(legallBytes, haarBytes) * (pixelGrid ? 51 : 50);
        }

        /**
         * Whether pixel levels were at least 1 % smaller on the mosaic: then the image is coded whole as pixel levels
         * only (below effort 8). The mosaic's pixel levels leave out the expert and its tools, which whole images have:
         * on sets A and P every image whose mosaic was smaller as pixel levels also coded smaller whole, the two
         * nearest a tie by 3.7 and 4.9 % (graf1: 0.985 of the wavelet's bytes on the mosaic, 0.963 whole;
         * motorcycle_left 0.968, 0.951); 0.95 before the expert's tools, when whole images came out up to 4 % nearer a
         * tie than their mosaics. Where the encoder codes once (below effort 5), a photo near a tie stays wavelet
         * levels. With a pixel grid, a mosaic up to 1.01 of the wavelet's bytes as pixel levels is clear: set A's ten
         * photos with a grid code 1.2-5.5 % smaller whole with it than their mosaics say (Wood: 0.991 on the mosaic,
         * 4.5 % smaller whole than its Haar levels; LadyBird 1.005, 3.0 %).
         */
        boolean pixelLevelsClearlyPay() {
            return pixelBytes * 100 < Math.min(legallBytes, haarBytes) * (pixelGrid ? 101 : 99);
        }

        /** The split filter the wavelet codings chose: the samples' split trial codes the same mosaic the same way. */
        Lifting.Filter split() {
            return SplitChoice.better(legallBytes, haarBytes);
        }
    }

    /**
     * The colour transforms pixel levels may code an image's samples under, preferred first: subtract green where it
     * has colour, and from effort 3 green first too where the image's raw planes repeat as often as its differences
     * (PixelLevels.greenFirstMayPay). Smooth renders code far smaller without subtracting green, whose differences
     * step where either channel steps (set P development's Cornell box: 20 % smaller, validation's rainbow 19 %).
     */
    private List<ColourTransform> pixelTransforms(Image image) {
        if (!ColourTransform.appliesTo(image.channels()) || !allows(CodingTool.COLOUR_TRANSFORM)) {
            return List.of(ColourTransform.NONE);
        }
        return effort.triesColourTransforms() && PixelLevels.greenFirstMayPay(image)
                ? List.of(ColourTransform.SUBTRACT_GREEN, ColourTransform.GREEN_FIRST)
                : List.of(ColourTransform.SUBTRACT_GREEN);
    }

    private static long fileBytes(NwfFile file) {
        return totalBytes(file.levels()) + file.header().tools().length;
    }

    /** Progress of one of several codings of the same image, as its share of the whole (in millionths). */
    private record Parts(EncodeProgress outer, int part, int parts) implements EncodeProgress {
        private static final long UNIT = 1_000_000;

        static EncodeProgress of(EncodeProgress outer, int part, int parts) {
            return new Parts(outer, part, parts);
        }

        @Override
        public void levelCoded(int level, int totalLevels) {
            if (part == parts - 1) outer.levelCoded(level, totalLevels);
        }

        @Override
        public void workDone(long done, long total) {
            outer.workDone(part * UNIT + done * UNIT / Math.max(1, total), parts * UNIT);
        }
    }

    /**
     * Codes the image's samples under the colour transform {@code ct}, or with a palette its indices (ct NONE), as
     * pixel levels (SPEC.md §4.4), at most {@code levels} of them (0: every level of the plan), with candidates or
     * differences only, with the expert (SPEC.md §4.4.5) or without, the stride-1 level keeping state by the positions
     * of {@code grid} (SPEC.md §4.4.6; null: none, and at effort 9 also without); with a value map, the samples' ranks.
     */
    private NwfFile encodePixels(Image image, Palette palette, ValueMap map, ColourTransform ct, int levels,
            boolean candidates, boolean expert, BlockGrid grid, Map<String, Object> metadata, byte[] icc, byte[] exif,
            EncodeProgress progress) {
        Image coded = coded(image, palette, map);
        int planned = LevelPlan.sizes(image.width(), image.height()).length;
        int skipped = levels == 0 ? 0 : Math.max(0, planned - levels);
        // a period (SPEC.md §4.4.1) is a trial: where its samples repeat often enough, coded with and without it
        int period = candidates ? Period.choose(coded, planned - skipped) : 0;
        // with the raster finish, and without it too from effort 8, or for a small image from effort 7 (as the
        // one-level trial: set P's 32x32 crops, whose finish is from stride 2, were 0.3 % larger without the trial)
        int finish = rasterFinish(image, skipped);
        boolean small = image.pixels() <= ONE_LEVEL_TRIAL_PIXELS && effort.triesSmallImageOptions();
        List<Integer> finishes = finish > 0 && (small || effort.triesWithoutRasterFinish()) ? List.of(finish, 0)
                : List.of(finish);
        List<BlockGrid> grids = grid != null && effort.triesEveryGridChoice() ? Arrays.asList(grid, null)
                : Arrays.asList(grid);
        // the expert reads its own errors from effort 8, where it is on and the tool is allowed (SPEC.md §4.4.7)
        boolean ownErrors = expert && allows(CodingTool.EXPERT_ERRORS) && effort.readsExpertErrors();
        // and learns its location per class wherever it is on and the tool is allowed (SPEC.md §4.4.8)
        boolean classes = expert && allows(CodingTool.EXPERT_CLASSES);
        // and differences read the far neighbours, the earlier channels and the orientation (SPEC.md §4.4.9), but
        // not a palette's indices, whose offsets say nothing (the expert does not read them either): a synthetic
        // graphic's indices came out larger with the tool
        boolean far = allows(CodingTool.FAR_CONTEXTS) && effort.readsFarContexts() && palette == null;
        // and learns a grid position's location per quarter of the error level wherever it takes a grid (§4.4.10)
        boolean gridClasses = expert && allows(CodingTool.GRID_CLASSES);
        // and packs a short difference's mantissa into its exponent steps' line wherever allowed (SPEC.md §4.4.11):
        // set P's development half as pixel levels 0.11 % smaller, and fewer cache lines to wait on
        boolean packed = allows(CodingTool.PACKED_LINES);
        // and predicts and codes the colours after the first knowing channel 0's gradients (SPEC.md §4.4.12)
        boolean gradients = colourGradients(coded);
        // and, up to effort 7 on images of 2^16 pixels or more, keeps the model lean (SPEC.md §4.4.13): one APM, and
        // least squares that learn every fourth sample, for decoding speed (the mosaic trial keeps the full model)
        boolean lean = allows(CodingTool.LEAN_MODEL) && effort.keepsModelLean(image.pixels());
        PixelTools tools = PixelTools.CANDIDATES.withCandidates(candidates).withExpert(expert).withOwnErrors(ownErrors)
                .withClasses(classes).withFarContexts(far).withPackedLines(packed).withColourGradients(gradients)
                .withLeanModel(lean);
        List<PixelLevels> codings = new ArrayList<>();
        for (int f : finishes) {
            for (BlockGrid g : grids) {
                PixelTools withGrid = tools.withGridClasses(gridClasses && g != null);
                codings.add(new PixelLevels(ct, threads, skipped, 0, f, g, withGrid));
                if (period != 0) codings.add(new PixelLevels(ct, threads, skipped, period, f, g, withGrid));
            }
        }
        PixelLevels best = null;
        List<byte[]> payloads = null;
        long bestBytes = Long.MAX_VALUE;
        for (int i = 0; i < codings.size(); i++) {
            PixelLevels coding = codings.get(i);
            List<byte[]> p = coding.encode(coded, List.of(ct), Parts.of(progress, i, codings.size())).payloads();
            long bytes = totalBytes(p);
            if (bytes < bestBytes) {
                payloads = p;
                best = coding;
                bestBytes = bytes;
            }
        }
        return file(image, best.sizes(image.width(), image.height()), payloads, CodingTools.pixelLevels(ct, map,
                palette, skipped, best.period(), best.finish(), best.grid(), best.tools()),
                metadata, icc, exif);
    }

    /**
     * The raster finish's t for pixel levels of an image with {@code skipped} coarse levels left out (SPEC.md
     * §4.4.1): {@link #rasterFinishFor}'s where the plan allows it, fewer where it is short, 0 without the tool.
     */
    private int rasterFinish(Image image, int skipped) {
        if (!allows(CodingTool.RASTER_FINISH)) return 0;
        return PixelLevels.finishFor(image.width(), image.height(), skipped,
                rasterFinishFor(image.width(), image.height()));
    }

    /**
     * The raster finish's t an image of this size is given (an encoder's choice, not part of the format): the preview
     * at 1/16, or at 1/32 or 1/64 where that still leaves its longer side {@value #PREVIEW_AT_LEAST} pixels or more —
     * as many as an 800×600 photo's 1/16. Each step up codes the finest level's pixels of one more stride in raster
     * order, where the stride-2^t samples predict them poorly: set A's photos of 1600 to 2560 pixels as pixel levels
     * 0.10–0.56 % smaller at 1/32.
     */
    static int rasterFinishFor(int width, int height) {
        int longer = Math.max(width, height);
        int t = RASTER_FINISH_FROM;
        while (t < RASTER_FINISH_TO && longer >> (t + 1) >= PREVIEW_AT_LEAST) t++;
        return t;
    }

    /** The raster finish's preview is the image at 1/16 at least (an encoder's choice, not part of the format). */
    static final int RASTER_FINISH_FROM = 4;
    /** ... and at 1/64 at most. */
    static final int RASTER_FINISH_TO = 6;
    /** The fewest pixels along a preview's longer side for which the encoder takes a stride's pixels out of it. */
    static final int PREVIEW_AT_LEAST = 48;

    /** What the levels code: a palette's indices, a value map's ranks, or the image's samples. */
    private static Image coded(Image image, Palette palette, ValueMap map) {
        return palette != null ? palette.toIndices(image) : map != null ? map.toRanks(image) : image;
    }

    /** Codes the image's samples (their ranks with a value map, a palette's indices with one) as rows (§4.5). */
    private NwfFile encodeRows(Image image, Palette palette, ValueMap map, Map<String, Object> metadata, byte[] icc,
            byte[] exif, EncodeProgress progress) {
        Image coded = coded(image, palette, map);
        DeflateRows coding = new DeflateRows();
        List<byte[]> payloads = coding.encode(coded, List.of(ColourTransform.NONE), progress).payloads();
        return file(image, coding.sizes(image.width(), image.height()), payloads, CodingTools.deflateRows(map,
                palette), metadata, icc, exif);
    }

    /**
     * Codes the image's samples, or with a palette its indices, trying split filters and block grids where they may
     * pay.
     *
     * @param mosaic the mosaic trial of the samples (null: none was made), whose split filter the wavelet codings
     *     reuse: its wavelet codings are the split trial's own
     * @param grid the image's block grid (SPEC.md §6.3.5; null: none), which the mosaic's wavelet codings had too
     */
    private NwfFile encode(Image image, Palette palette, Map<String, Object> metadata, byte[] icc, byte[] exif,
            EncodeProgress progress, MosaicTrial mosaic, BlockGrid grid) {
        if (palette != null) {
            Image coded = palette.toIndices(image);
            return encodeCoded(image, coded, null, null, palette, metadata, icc, exif, progress, null);
        }
        ValueMap map = allows(CodingTool.VALUE_MAP) ? ValueMap.fit(image) : null;
        Image coded = map == null ? image : map.toRanks(image);
        Lifting.Filter split = mosaic == null ? null : mosaic.split();
        List<Function<EncodeProgress, NwfFile>> codings = new ArrayList<>();
        codings.add(p -> encodeCoded(image, coded, map, grid, null, metadata, icc, exif, p,
                map == null ? split : null));
        // data of fewer bits than its depth (above 8) also as ranks: both ways, the smaller kept (ValueMap.forDepth),
        // where the effort codes images more than once
        ValueMap depthMap = map == null && allows(CodingTool.VALUE_MAP) && effort.triesAlternatives(image.pixels())
                ? ValueMap.forDepth(image) : null;
        if (depthMap != null) {
            codings.add(p -> encodeCoded(image, depthMap.toRanks(image), depthMap, grid, null, metadata, icc, exif, p,
                    null));
        }
        return best(codings, progress);
    }

    /** Codes {@code coded} (the image, its ranks or its palette indices) under the candidate grids and filters. */
    private NwfFile encodeCoded(Image image, Image coded, ValueMap map, BlockGrid grid, Palette palette,
            Map<String, Object> metadata, byte[] icc, byte[] exif, EncodeProgress progress, Lifting.Filter split) {
        // on smaller images the grid's classes may not pay for themselves: code both ways, keep the smaller
        List<BlockGrid> grids = grid != null && (image.pixels() < BlockGrid.TRIAL_BELOW_PIXELS
                && effort.triesSmallImageOptions() || effort.triesEveryGridChoice())
                ? Arrays.asList(grid, null) : Arrays.asList(grid);
        boolean tryHaar = allows(CodingTool.HAAR_SPLIT);
        // a split the caller's mosaic chose needs no sample of its own
        Image sample = tryHaar && split == null ? SplitChoice.sample(coded) : coded;
        boolean mosaic = sample != coded;
        List<Lifting.Filter> filters = split != null ? List.of(split)
                : tryHaar && !mosaic ? List.of(Lifting.Filter.LE_GALL_53, Lifting.Filter.HAAR)
                : List.of(Lifting.Filter.LE_GALL_53);
        int candidates = grids.size() * filters.size();
        EncodePhases phases = new EncodePhases(progress, threads,
                (mosaic ? 2 * sample.pixels() : 0) + candidates * image.pixels());
        if (mosaic) {
            List<Function<EncodeProgress, Long>> trials = new ArrayList<>();
            for (Lifting.Filter f : List.of(Lifting.Filter.LE_GALL_53, Lifting.Filter.HAAR)) {
                trials.add(p -> levelBytes(sample, trialTools(null, grid, f, palette), p));
            }
            List<Long> bytes = phases.run(trials, sample.pixels(), -1);
            filters = List.of(SplitChoice.better(bytes.get(0), bytes.get(1)));
        }
        // every candidate is coded whole and the smallest kept; levels are reported for the last one
        List<Function<EncodeProgress, NwfFile>> codings = new ArrayList<>();
        for (BlockGrid g : grids) {
            for (Lifting.Filter f : filters) codings.add(p -> encode(image, coded, metadata, icc, exif, p,
                    trialTools(map, g, f, palette)));
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
     * The tools a trial codes with: the allowed context tools, the given value map, grid and filter, the preferred
     * colour transform and band streams wherever a level is large enough (the final file lists what its coding used).
     */
    private CodingTools trialTools(ValueMap map, BlockGrid grid, Lifting.Filter filter, Palette palette) {
        return new CodingTools(ColourTransform.NONE, map, grid, filter == Lifting.Filter.HAAR,
                allows(CodingTool.ADAPTIVE_MEAN),
                allows(CodingTool.ZERO_CONTEXT), allows(CodingTool.BIAS_CORRECTION), allows(CodingTool.ERROR_FEEDBACK),
                allows(CodingTool.SCALE_BLEND), allows(CodingTool.KEPT_CONTEXT),
                allows(CodingTool.BAND_STREAMS) ? BandStreams.DEFAULT_LOG2 : CodingTools.NO_BAND_STREAMS, palette);
    }

    /**
     * The bytes of an image's levels (no container) under the preferred colour transform: a trial of grid and filter.
     */
    private long levelBytes(Image image, CodingTools tools, EncodeProgress progress) {
        List<ColourTransform> preferred = candidateTransforms(image.channels()).subList(0, 1);
        return totalBytes(levelCoding(tools).encode(image, preferred, progress).payloads());
    }

    /** @param coded the image the levels code: {@code image}'s ranks under the tools' value map, or the image itself */
    private NwfFile encode(Image image, Image coded, Map<String, Object> metadata, byte[] icc, byte[] exif,
                           EncodeProgress progress, CodingTools trial) {
        LevelCoding coding = levelCoding(trial);
        int[][] sizes = coding.sizes(image.width(), image.height());
        LevelCoding.Encoded levelsCoded = coding.encode(coded, candidateTransforms(coded.channels()), progress);
        List<byte[]> payloads = levelsCoded.payloads();
        // band streams are listed only where a level holds them
        int bandStreams = trial.bandStreamsLog2 != CodingTools.NO_BAND_STREAMS
                && NwfLevels.holdsBandStreams(sizes, trial.bandStreamsLog2)
                ? trial.bandStreamsLog2 : CodingTools.NO_BAND_STREAMS;
        CodingTools tools = new CodingTools(levelsCoded.transform(), trial.valueMap, trial.blockGrid, trial.haarSplit,
                trial.adaptiveMean, trial.zeroContext, trial.biasCorrection, trial.errorFeedback, trial.scaleBlend,
                trial.keptContext, bandStreams, trial.palette);
        return file(image, sizes, payloads, tools, metadata, icc, exif);
    }

    /** The container of an image's coded levels. */
    private NwfFile file(Image image, int[][] sizes, List<byte[]> payloads, CodingTools tools,
            Map<String, Object> metadata, byte[] icc, byte[] exif) {
        int levels = sizes.length;
        NwfHeader header = new NwfHeader(image.width(), image.height(), image.channels(), image.bitDepth(), model.id(),
                model.digest(), levels, tools.toBytes());
        List<LevelInfo> index = new ArrayList<>(levels);
        for (int i = 0; i < levels; i++) index.add(new LevelInfo(sizes[i][0], sizes[i][1], payloads.get(i).length));
        return new NwfFile(header, index, payloads, metadata, icc, exif, List.of());
    }

    /**
     * The transforms the encoder may use, preferred first (SPEC.md §4.1): subtract green, then green first (on set A
     * YCoCg-R won on one photo by 0.7 %, green first on RainDrops by 4.1 %; a third trial would cost 12 % of the
     * encoding speed). RG-Flow models, trained on YCoCg-R's planes, prefer it, and from effort 3 try the other two as
     * well (set P development: 7.9 % smaller, the render of a sky 19 %); without the tool, none.
     */
    private List<ColourTransform> candidateTransforms(int channels) {
        if (!ColourTransform.appliesTo(channels)
                || !allows(CodingTool.COLOUR_TRANSFORM)) return List.of(ColourTransform.NONE);
        if (NwfModel.FAMILY_RGFLOW.equals(model.family())) {
            return effort.triesColourTransforms() ? List.of(ColourTransform.YCOCG_R, ColourTransform.SUBTRACT_GREEN,
                    ColourTransform.GREEN_FIRST) : List.of(ColourTransform.YCOCG_R);
        }
        if (!effort.triesColourTransforms()) return List.of(ColourTransform.SUBTRACT_GREEN);
        if (effort.triesYcocg()) {
            return List.of(ColourTransform.SUBTRACT_GREEN, ColourTransform.GREEN_FIRST, ColourTransform.YCOCG_R);
        }
        return List.of(ColourTransform.SUBTRACT_GREEN, ColourTransform.GREEN_FIRST);
    }

    /** The model family's level scheme, shaped by the tools (a file's, or a trial's). */
    private LevelCoding levelCoding(CodingTools tools) {
        if (tools.deflateRows) return new DeflateRows();
        if (tools.pixelLevels()) {
            return new PixelLevels(tools.colourTransform, threads, tools.pixelLevelsSkipped, tools.pixelLevelsPeriod,
                    tools.rasterFinish, tools.blockGrid, tools.pixel);
        }
        if (NwfModel.FAMILY_RGFLOW.equals(model.family())) {
            return new RgFlowLevels(evaluator, model, tools.latentContext());
        }
        return new NwfLevels(evaluator, model, tools.detailContext(), tools.bandStreamsLog2, threads);
    }

    /**
     * A decoder for files coded with this codec's model, on its evaluator and threads: full size, refusing truncated
     * files unless told otherwise ({@link NwfDecoder}).
     */
    public NwfDecoder decoder() {
        return NwfDecoder.of((id, digest) -> {
            if (!id.equals(model.id()) || !Arrays.equals(digest, model.digest())) {
                throw new UnknownModelException("file was coded with model " + id + "@"
                        + java.util.HexFormat.of().formatHex(digest).substring(0, 12)
                        + ", this codec has " + model.id() + "@" + model.digestHex().substring(0, 12));
            }
            return model;
        }).withEvaluator(evaluator).withThreads(threads);
    }

    /** What an image to upsample is taken to be a low-pass of ({@link #upsample}). */
    public enum UpsampleFrom {
        /** A level of an .nwf file: the 5/3 split's low-pass (a truncated file's preview, `nwf decode --level`). */
        CODEC_LEVEL(Lifting.Filter.LE_GALL_53),
        /** 2×2 averages (a box or area downscale by 2): Haar's low-pass. */
        BOX(Lifting.Filter.HAAR);

        final Lifting.Filter filter;

        UpsampleFrom(Lifting.Filter filter) {
            this.filter = filter;
        }
    }

    /** {@link #upsample(Image, int, double, long, UpsampleFrom)} of an image taken as a level of an .nwf file. */
    public Image upsample(Image image, int doublings, double temperature, long seed) {
        return upsample(image, doublings, temperature, seed, UpsampleFrom.CODEC_LEVEL);
    }

    /**
     * Enlarges {@code image} by 2^doublings, taken as the low-pass {@code from} says: the missing detail predicted from
     * the image itself and the prior network (SPEC.md §6.4) when {@code temperature} is 0, otherwise that prediction
     * plus a sample of the prior's scale times the temperature. RG-Flow models draw from their own prior.
     */
    public Image upsample(Image image, int doublings, double temperature, long seed, UpsampleFrom from) {
        if (doublings < 1 || doublings > 4) throw new IllegalArgumentException("doublings must be 1..4: " + doublings);
        if (!(temperature >= 0)) throw new IllegalArgumentException("temperature must be >= 0: " + temperature);
        // the prior was trained on the standard transform's planes
        ColourTransform ct = ColourTransform.standard(image.channels());
        int[][] planes = levelCoding(trialTools(null, null, Lifting.Filter.LE_GALL_53, null)).upsample(
                Pyramid.transformedPlanes(image, ct), image.width(), image.height(), image.bitDepth(), doublings,
                temperature, new java.util.Random(seed), from.filter);
        return Pyramid.toImage(planes, image.width() << doublings, image.height() << doublings, image.bitDepth(), ct,
                true);
    }

    /**
     * A header's coding tools (SPEC.md §2.4.1), parsed without decoding pixels or knowing the model: the model family's
     * support for each tool is checked when a codec decodes the file.
     */
    public static CodingTools tools(NwfHeader h) throws CodingToolException {
        return CodingTools.parse(h.tools(), h.channels(), h.bitDepth(), null);
    }

    /** The model family's level scheme for a file's tools, for {@link NwfDecoder}. */
    LevelCoding levelCodingFor(CodingTools tools) {
        return levelCoding(tools);
    }
}
