package dev.nwf.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfModel;
import dev.nwf.format.LevelInfo;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import dev.nwf.format.NwfHeader;
import dev.nwf.format.ReadOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
// StrictMath in the synthetic images keeps the vectors identical on every JVM.
import java.util.zip.CRC32C;

/** Writes the conformance vectors; deterministic, so regenerating reproduces the committed files byte for byte. */
final class VectorGenerator {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The nwf family's coding as of format 1.3 (no Haar split, no zero context), which keeps the older cases' bytes. */
    private final NwfCodec nwf;
    /** Every feature the nwf family has. */
    private final NwfCodec nwfAll;
    /** Every feature of format 1.10 (all but the scale blend, bit 11): the band-stream and green-first cases keep their bytes. */
    private final NwfCodec nwf110;
    private final NwfCodec rgflow;
    /** The codec of the case being written. */
    private NwfCodec codec;
    private final Path root;
    private final List<String> written = new ArrayList<>();

    VectorGenerator(NwfModel model, NwfModel rgflowModel, Path root) {
        if (!NwfModel.FAMILY_RGFLOW.equals(rgflowModel.family())) throw new IllegalArgumentException(rgflowModel.id() + " is not an rgflow model");
        this.nwfAll = new NwfCodec(model);
        this.nwf110 = nwfAll.withFeatures(nwfAll.features() & ~NwfContainer.FEATURE_SCALE_BLEND);
        this.nwf = without(NwfContainer.FEATURE_HAAR_SPLIT | NwfContainer.FEATURE_ZERO_CONTEXT | NwfContainer.FEATURE_BIAS_CORRECTION
                | NwfContainer.FEATURE_ERROR_FEEDBACK);
        this.rgflow = new NwfCodec(rgflowModel);
        this.codec = nwf;
        this.root = root;
    }

    List<String> generate() throws IOException {
        image("gray8-1x1", "single pixel", List.of("gray", "8bit", "edge-size"), synthetic(1, 1, 1, 8, 1));
        image("gray8-1x37", "one column", List.of("gray", "8bit", "edge-size"), synthetic(1, 37, 1, 8, 2));
        NwfFile gray = image("gray8-37x1", "one row", List.of("gray", "8bit", "edge-size"), synthetic(37, 1, 1, 8, 3));
        image("rgb8-33x17", "odd sizes, two levels", List.of("rgb", "8bit", "odd-size", "multi-level"), synthetic(33, 17, 3, 8, 4));
        image("rgba8-20x20", "alpha channel", List.of("rgba", "8bit", "multi-level"), synthetic(20, 20, 4, 8, 5));
        image("graya8-18x16", "gray with alpha", List.of("gray-alpha", "8bit", "multi-level"), synthetic(18, 16, 2, 8, 6));
        image("gray16-31x29", "16-bit gray", List.of("gray", "16bit", "odd-size", "multi-level"), synthetic(31, 29, 1, 16, 7));
        image("rgb16-24x18", "16-bit RGB", List.of("rgb", "16bit", "multi-level"), synthetic(24, 18, 3, 16, 8));
        image("gray1-40x24", "1-bit gray", List.of("gray", "1bit", "multi-level"), synthetic(40, 24, 1, 1, 9));
        image("rgb8-noise-19x23", "uniform noise: escape codes", List.of("rgb", "8bit", "escape", "multi-level"), noise(19, 23, 3, 8, 10));
        NwfFile big = image("rgb8-70x45", "three levels", List.of("rgb", "8bit", "multi-level"), synthetic(70, 45, 3, 8, 11));
        truncations(big);
        errors(big);
        NwfFile green = transform("rgb8-subtract-green-48x40", "colour transform 2, subtract green (feature bit 1): planes G, R-G, B-G",
                List.of("rgb", "8bit", "multi-level", "subtract-green"), greenish(48, 40, 3, 15), NwfHeader.COLOUR_SUBTRACT_GREEN);
        transform("rgba8-subtract-green-36x20", "subtract green with an alpha channel (passes through)",
                List.of("rgba", "8bit", "multi-level", "subtract-green"), greenish(36, 20, 4, 16), NwfHeader.COLOUR_SUBTRACT_GREEN);
        featureMisuse("subtract-green-without-bit", "colour transform 2 with feature bit 1 clear",
                green, NwfContainer.FEATURE_ADAPTIVE_CONTEXT);
        featureMisuse("subtract-green-on-gray", "feature bit 1 (subtract green) on a one-channel file",
                gray, gray.header().requiredFeatures() | NwfContainer.FEATURE_SUBTRACT_GREEN);
        valueMaps();
        blockGrids();
        haarSplits();
        zeroContexts();
        networkFreeHaar();
        biasCorrections();
        errorFeedbacks();
        bandStreams();
        greenFirst();
        scaleBlends();
        codec = nwf.withFeatures(NwfContainer.FEATURE_ADAPTIVE_CONTEXT);
        transform("format11-rgb8-48x40", "format 1.1 coding: the image of rgb8-subtract-green-48x40 under YCoCg-R, the only transform 1.1 has",
                List.of("rgb", "8bit", "multi-level", "format-1.1"), greenish(48, 40, 3, 15), NwfHeader.COLOUR_YCOCG_R);
        codec = nwf.withFeatures(0);
        image("format10-rgb8-70x45", "format 1.0 coding: no adaptive context (feature bit 0 clear)", List.of("rgb", "8bit", "multi-level", "format-1.0"),
                synthetic(70, 45, 3, 8, 11));
        image("format10-gray16-31x29", "format 1.0 coding, 16-bit gray", List.of("gray", "16bit", "odd-size", "multi-level", "format-1.0"),
                synthetic(31, 29, 1, 16, 7));
        codec = rgflow;
        NwfFile rg = image("rgflow-rgb8-70x45", "rgflow family: padding to 80x48, three RG steps", List.of("rgflow", "rgb", "8bit", "odd-size", "multi-level"),
                synthetic(70, 45, 3, 8, 12));
        image("rgflow-gray16-31x29", "rgflow family, 16-bit gray", List.of("rgflow", "gray", "16bit", "odd-size", "multi-level"),
                synthetic(31, 29, 1, 16, 13));
        image("rgflow-gray8-1x37", "rgflow family, one column", List.of("rgflow", "gray", "8bit", "edge-size"), synthetic(1, 37, 1, 8, 14));
        featureMisuse("rgflow-adaptive-context", "feature bit 0 (adaptive context, nwf family only) on an rgflow file",
                rg, NwfContainer.FEATURE_ADAPTIVE_CONTEXT);
        mapped("rgflow-value-map-gray16-29x21", "rgflow family with a value map: 8-bit data stored as v*257",
                List.of("rgflow", "gray", "16bit", "odd-size", "multi-level", "value-map"), times257(synthetic(29, 21, 1, 8, 19)));
        codec = nwf;
        return written;
    }

    /** Value maps (feature bit 2): images that use few values, and maps a decoder must refuse. */
    private void valueMaps() throws IOException {
        NwfFile gray = mapped("gray16-value-map-40x30", "value map: 8-bit data stored as 16 bits (v*257), coded as 8-bit ranks",
                List.of("gray", "16bit", "multi-level", "value-map"), times257(synthetic(40, 30, 1, 8, 17)));
        mapped("rgba8-value-map-palette-45x33", "value map: a few colours with alpha, 2-bit ranks",
                List.of("rgba", "8bit", "odd-size", "multi-level", "value-map"), fewColours(45, 33, 18));
        featureMisuse("value-map-without-bit", "level 0 starts with a value map but feature bit 2 is clear",
                gray, gray.header().requiredFeatures() & ~NwfContainer.FEATURE_VALUE_MAP);
        int values = mapSize(gray, 0);
        int[] zeroGap = new int[values];
        for (int i = 1; i < values; i++) zeroGap[i] = i == values / 2 ? 0 : 257;
        write("value-map-not-increasing", withMap(gray, List.of(zeroGap)),
                errorCase("value-map-not-increasing", "a gap of 0 in the value list", "CORRUPT_LEVEL"));
        // 8-bit ranks still, so the levels decode; the ranks above the shortened list are out of range
        if (values <= 129) throw new IllegalStateException("gray16-value-map-40x30 has " + values + " values, the case needs more than 129");
        int[] shorter = new int[129];
        java.util.Arrays.fill(shorter, 1, shorter.length, 257);
        write("value-map-rank-out-of-range", withMap(gray, List.of(shorter)),
                errorCase("value-map-rank-out-of-range", "value list shortened to 129 entries: decoded ranks beyond it", "CORRUPT_LEVEL"));
    }

    /** Block grids (feature bit 3): JPEG-like images whose grid the encoder names, and grids a decoder must refuse. */
    private void blockGrids() throws IOException {
        Image jpegLike = jpegLike(waves(256, 256, 20), 256, 256, 3);
        NwfFile grid = withFeature("gray8-block-grid-256x256", "block grid: 8x8 blocks starting at column and row 3, as JPEG leaves them",
                List.of("gray", "8bit", "multi-level", "block-grid"), jpegLike, NwfContainer.FEATURE_BLOCK_GRID);
        withFeature("gray16-value-map-block-grid-256x256", "value map then block grid in level 0 (the same image widened to 16 bits)",
                List.of("gray", "16bit", "multi-level", "value-map", "block-grid"), times257(jpegLike),
                NwfContainer.FEATURE_BLOCK_GRID | NwfContainer.FEATURE_VALUE_MAP);
        featureMisuse("block-grid-without-adaptive-context", "feature bit 3 (block grid) with bit 0 (adaptive context) clear",
                grid, grid.header().requiredFeatures() & ~NwfContainer.FEATURE_ADAPTIVE_CONTEXT);
        List<byte[]> levels = new ArrayList<>(grid.levels());
        byte[] level0 = levels.get(0).clone();
        boolean mapped = (grid.header().requiredFeatures() & NwfContainer.FEATURE_VALUE_MAP) != 0;
        level0[mapped ? 4 + ByteBuffer.wrap(level0, 0, 4).getInt() : 0] = 6; // the grid's period byte (SPEC.md §2.6)
        levels.set(0, level0);
        write("block-grid-bad-period", NwfContainer.toBytes(new NwfFile(grid.header(), grid.levelIndex(), levels, grid.metadata(), null, null, List.of())),
                errorCase("block-grid-bad-period", "block grid period 6 (only 4 and 8 are defined)", "CORRUPT_LEVEL"));
    }

    /**
     * The Haar split (feature bit 4): images of flat 2×2 blocks, which the encoder splits with Haar, and a misuse. These
     * take the network's scales (format 1.5); {@link #networkFreeHaar} has the same image without the network.
     */
    private void haarSplits() throws IOException {
        codec = without(NwfContainer.FEATURE_NETWORK_FREE_HAAR | NwfContainer.FEATURE_BIAS_CORRECTION | NwfContainer.FEATURE_ERROR_FEEDBACK);
        withFeature("rgb8-haar-split-64x48", "Haar split at every level: an image enlarged by repeating pixels",
                List.of("rgb", "8bit", "multi-level", "haar-split"), pixelRepeated(synthetic(32, 24, 3, 8, 21), 64, 48),
                NwfContainer.FEATURE_HAAR_SPLIT);
        NwfFile haar = withFeature("gray8-haar-split-37x29", "Haar split of odd sizes (the last column and row repeated)",
                List.of("gray", "8bit", "odd-size", "multi-level", "haar-split"), pixelRepeated(synthetic(19, 15, 1, 8, 22), 37, 29),
                NwfContainer.FEATURE_HAAR_SPLIT);
        featureMisuse("haar-split-without-adaptive-context", "feature bit 4 (Haar split) with bit 0 (adaptive context) clear",
                haar, haar.header().requiredFeatures() & ~NwfContainer.FEATURE_ADAPTIVE_CONTEXT);
        codec = rgflow;
        NwfFile rg = image("rgflow-gray8-24x20", "rgflow family, 8-bit gray (the file the next case alters)",
                List.of("rgflow", "gray", "8bit", "multi-level"), synthetic(24, 20, 1, 8, 23));
        featureMisuse("haar-split-on-rgflow", "feature bit 4 (Haar split, nwf family only) on an rgflow file",
                rg, rg.header().requiredFeatures() | NwfContainer.FEATURE_HAAR_SPLIT);
        codec = nwf;
    }

    /**
     * The zero context (feature bit 5): a posterised image, whose flat areas leave details that are exactly 0, under the
     * 5/3 split (the Haar cases above carry the bit too), and misuses.
     */
    private void zeroContexts() throws IOException {
        codec = without(NwfContainer.FEATURE_HAAR_SPLIT | NwfContainer.FEATURE_BIAS_CORRECTION | NwfContainer.FEATURE_ERROR_FEEDBACK);
        NwfFile zero = withFeature("rgb8-zero-context-56x44", "zero context under the 5/3 split: a posterised image (steps of 24 levels)",
                List.of("rgb", "8bit", "multi-level", "zero-context"), posterised(synthetic(56, 44, 3, 8, 24), 24),
                NwfContainer.FEATURE_ZERO_CONTEXT);
        featureMisuse("zero-context-without-adaptive-context", "feature bit 5 (zero context) with bit 0 (adaptive context) clear",
                zero, zero.header().requiredFeatures() & ~NwfContainer.FEATURE_ADAPTIVE_CONTEXT);
        featureMisuse("zero-context-cleared", "feature bit 5 (zero context) cleared on a file coded with it: the levels decode wrongly",
                zero, zero.header().requiredFeatures() & ~NwfContainer.FEATURE_ZERO_CONTEXT);
        codec = nwf;
    }

    /** Network-free Haar levels (feature bit 6): the first Haar case's image coded without the network, and misuses. */
    private void networkFreeHaar() throws IOException {
        codec = without(NwfContainer.FEATURE_BIAS_CORRECTION | NwfContainer.FEATURE_ERROR_FEEDBACK);
        NwfFile free = withFeature("rgb8-network-free-haar-64x48", "Haar levels whose scales start from index 16, no network evaluated",
                List.of("rgb", "8bit", "multi-level", "haar-split", "network-free-haar"), pixelRepeated(synthetic(32, 24, 3, 8, 21), 64, 48),
                NwfContainer.FEATURE_HAAR_SPLIT | NwfContainer.FEATURE_NETWORK_FREE_HAAR);
        featureMisuse("network-free-haar-cleared", "feature bit 6 (network-free Haar) cleared on a file coded with it: the levels decode wrongly",
                free, free.header().requiredFeatures() & ~NwfContainer.FEATURE_NETWORK_FREE_HAAR);
        NwfFile legall = codec.withFeatures(codec.features() & ~NwfContainer.FEATURE_HAAR_SPLIT).encode(synthetic(24, 20, 3, 8, 25));
        featureMisuse("network-free-haar-without-haar-split", "feature bit 6 (network-free Haar) on a file split with the 5/3",
                legall, legall.header().requiredFeatures() | NwfContainer.FEATURE_NETWORK_FREE_HAAR);
        codec = nwf;
    }

    /**
     * The bias correction (feature bit 7) with every other feature: a sawtooth shading under the 5/3 and an image of flat
     * 2×2 blocks under Haar, and misuses.
     */
    private void biasCorrections() throws IOException {
        codec = without(NwfContainer.FEATURE_HAAR_SPLIT | NwfContainer.FEATURE_ERROR_FEEDBACK);
        NwfFile bias = withFeature("rgb8-bias-correction-64x48", "bias correction under the 5/3: a sawtooth shading",
                List.of("rgb", "8bit", "multi-level", "zero-context", "bias-correction"), sawtooth(64, 48),
                NwfContainer.FEATURE_BIAS_CORRECTION);
        codec = without(NwfContainer.FEATURE_ERROR_FEEDBACK);
        withFeature("gray8-bias-correction-haar-40x36", "bias correction with the Haar split, network-free",
                List.of("gray", "8bit", "multi-level", "haar-split", "network-free-haar", "zero-context", "bias-correction"),
                pixelRepeated(synthetic(20, 18, 1, 8, 26), 40, 36),
                NwfContainer.FEATURE_HAAR_SPLIT | NwfContainer.FEATURE_NETWORK_FREE_HAAR | NwfContainer.FEATURE_BIAS_CORRECTION);
        featureMisuse("bias-correction-cleared", "feature bit 7 (bias correction) cleared on a file coded with it: the levels decode wrongly",
                bias, bias.header().requiredFeatures() & ~NwfContainer.FEATURE_BIAS_CORRECTION);
        featureMisuse("bias-correction-without-adaptive-context", "feature bit 7 (bias correction) with bit 0 (adaptive context) clear",
                bias, bias.header().requiredFeatures() & ~NwfContainer.FEATURE_ADAPTIVE_CONTEXT & ~NwfContainer.FEATURE_ZERO_CONTEXT);
        codec = nwf;
    }

    /**
     * The error feedback (feature bit 8) with every other feature: the sawtooth shading under the 5/3, a three-channel
     * image of flat 2×2 blocks under Haar (each channel reads the errors of channel 0 and of the channel before it), and
     * misuses.
     */
    private void errorFeedbacks() throws IOException {
        codec = without(NwfContainer.FEATURE_HAAR_SPLIT);
        NwfFile feedback = withFeature("rgb8-error-feedback-64x48", "error feedback under the 5/3: a sawtooth shading",
                List.of("rgb", "8bit", "multi-level", "zero-context", "bias-correction", "error-feedback"), sawtooth(64, 48),
                NwfContainer.FEATURE_BIAS_CORRECTION | NwfContainer.FEATURE_ERROR_FEEDBACK);
        codec = without(0);
        withFeature("rgb8-error-feedback-haar-48x40", "error feedback with the Haar split, network-free",
                List.of("rgb", "8bit", "multi-level", "haar-split", "network-free-haar", "zero-context", "bias-correction", "error-feedback"),
                pixelRepeated(synthetic(24, 20, 3, 8, 27), 48, 40),
                NwfContainer.FEATURE_HAAR_SPLIT | NwfContainer.FEATURE_NETWORK_FREE_HAAR | NwfContainer.FEATURE_ERROR_FEEDBACK);
        featureMisuse("error-feedback-cleared", "feature bit 8 (error feedback) cleared on a file coded with it: the levels decode wrongly",
                feedback, feedback.header().requiredFeatures() & ~NwfContainer.FEATURE_ERROR_FEEDBACK);
        featureMisuse("error-feedback-without-adaptive-context", "feature bit 8 (error feedback) with bit 0 (adaptive context) clear",
                feedback, feedback.header().requiredFeatures() & ~NwfContainer.FEATURE_ADAPTIVE_CONTEXT & ~NwfContainer.FEATURE_ZERO_CONTEXT
                        & ~NwfContainer.FEATURE_BIAS_CORRECTION);
        codec = nwf;
    }

    /**
     * The nwf family with every feature but these bits, the band streams (bit 9: only {@link #bandStreams}' cases have
     * levels large enough to hold them), green first (bit 10, {@link #greenFirst}) and the scale blend (bit 11,
     * {@link #scaleBlends}), so that the older cases keep their bytes.
     */
    private NwfCodec without(long bits) {
        return nwfAll.withFeatures(nwfAll.features() & ~bits & ~NwfContainer.FEATURE_BAND_STREAMS & ~NwfContainer.FEATURE_GREEN_FIRST
                & ~NwfContainer.FEATURE_SCALE_BLEND);
    }

    /**
     * The learnt scale blend (feature bit 11) with every other feature: under Haar in colour, at 16 bits and at 4 bits
     * of depth (its step works in 8-bit units), under the 5/3, and misuses.
     */
    private void scaleBlends() throws IOException {
        codec = nwfAll;
        NwfFile blend = withFeature("rgb8-scale-blend-haar-64x48", "the learnt scale blend under Haar, network-free",
                List.of("rgb", "8bit", "multi-level", "haar-split", "network-free-haar", "zero-context", "bias-correction", "error-feedback",
                        "scale-blend"), speckled(pixelRepeated(synthetic(32, 24, 3, 8, 34), 64, 48), 34),
                NwfContainer.FEATURE_SCALE_BLEND | NwfContainer.FEATURE_HAAR_SPLIT | NwfContainer.FEATURE_NETWORK_FREE_HAAR);
        withFeature("gray16-scale-blend-40x36", "the learnt scale blend at 16 bits of depth",
                List.of("gray", "16bit", "multi-level", "zero-context", "bias-correction", "error-feedback", "scale-blend"),
                synthetic(40, 36, 1, 16, 35), NwfContainer.FEATURE_SCALE_BLEND);
        withFeature("gray4-scale-blend-33x17", "the learnt scale blend at 4 bits of depth, odd sizes",
                List.of("gray", "4bit", "odd-size", "multi-level", "zero-context", "bias-correction", "error-feedback", "scale-blend"),
                synthetic(33, 17, 1, 4, 36), NwfContainer.FEATURE_SCALE_BLEND);
        featureMisuse("scale-blend-cleared", "feature bit 11 (scale blend) cleared on a file coded with it: the levels decode wrongly",
                blend, blend.header().requiredFeatures() & ~NwfContainer.FEATURE_SCALE_BLEND);
        featureMisuse("scale-blend-without-adaptive-context", "feature bit 11 (scale blend) with bit 0 (adaptive context) clear",
                blend, blend.header().requiredFeatures() & ~NwfContainer.FEATURE_ADAPTIVE_CONTEXT & ~NwfContainer.FEATURE_ZERO_CONTEXT
                        & ~NwfContainer.FEATURE_BIAS_CORRECTION & ~NwfContainer.FEATURE_ERROR_FEEDBACK & ~NwfContainer.FEATURE_BLOCK_GRID
                        & ~NwfContainer.FEATURE_HAAR_SPLIT & ~NwfContainer.FEATURE_NETWORK_FREE_HAAR);
        codec = rgflow;
        NwfFile rg = rgflow.encode(synthetic(24, 20, 1, 8, 23));
        featureMisuse("scale-blend-on-rgflow", "feature bit 11 (scale blend, nwf family only) on an rgflow file",
                rg, rg.header().requiredFeatures() | NwfContainer.FEATURE_SCALE_BLEND);
        codec = nwf;
    }

    /**
     * Band streams (feature bit 9) with every other feature: images whose finest level's bands reach
     * {@code BandStreams.MIN_BAND_SAMPLES} (the coarser levels keep one stream), and misuses.
     */
    private void bandStreams() throws IOException {
        codec = nwf110;
        withFeature("rgb8-band-streams-haar-256x256", "band streams at the finest level under Haar (the repeated pixels also show a 4×4 grid): nine bands, each its own stream",
                List.of("rgb", "8bit", "multi-level", "block-grid", "haar-split", "network-free-haar", "zero-context", "bias-correction",
                        "error-feedback", "band-streams", "green-first"), speckled(pixelRepeated(synthetic(128, 128, 3, 8, 28), 256, 256), 28),
                NwfContainer.FEATURE_BAND_STREAMS | NwfContainer.FEATURE_HAAR_SPLIT | NwfContainer.FEATURE_NETWORK_FREE_HAAR);
        NwfFile fiveThree = withFeature("gray8-band-streams-5-3-258x255", "band streams under the 5/3 split (network means), odd sizes: three bands",
                List.of("gray", "8bit", "odd-size", "multi-level", "zero-context", "bias-correction", "error-feedback", "band-streams"),
                waves(258, 255, 29), NwfContainer.FEATURE_BAND_STREAMS);
        if ((fiveThree.header().requiredFeatures() & NwfContainer.FEATURE_HAAR_SPLIT) != 0) throw new IllegalStateException("gray8-band-streams-5-3-258x255 came out split with Haar");
        featureMisuse("band-streams-cleared", "feature bit 9 (band streams) cleared on a file coded with it: the finest level reads as one stream",
                fiveThree, fiveThree.header().requiredFeatures() & ~NwfContainer.FEATURE_BAND_STREAMS);
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
        write("band-stream-past-level-end", NwfContainer.toBytes(new NwfFile(fiveThree.header(), index, levels, fiveThree.metadata(), null, null, List.of())),
                errorCase("band-stream-past-level-end", "the finest level's first band stream claims 2^31 − 1 bytes", "CORRUPT_LEVEL"));
        codec = rgflow;
        NwfFile rg = rgflow.encode(synthetic(24, 20, 1, 8, 23));
        featureMisuse("band-streams-on-rgflow", "feature bit 9 (band streams, nwf family only) on an rgflow file",
                rg, rg.header().requiredFeatures() | NwfContainer.FEATURE_BAND_STREAMS);
        codec = nwf;
    }

    /** RGB shading in a sawtooth along x (a slow rise over 13 pixels, then a drop), a gentle ramp along y, slight noise. */
    static Image sawtooth(int w, int h) {
        java.util.Random r = new java.util.Random(33);
        int[][] p = new int[3][w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) p[c][y * w + x] = Math.min(255, 40 + 12 * ((x + 5 * c) % 13) + y / 3 + r.nextInt(3));
            }
        }
        return new Image(w, h, 8, p);
    }

    /** Samples rounded down to multiples of {@code step}: flat areas with steps between them. */
    static Image posterised(Image img, int step) {
        int[][] p = new int[img.channels()][];
        for (int c = 0; c < p.length; c++) {
            p[c] = img.plane(c).clone();
            for (int i = 0; i < p[c].length; i++) p[c][i] -= p[c][i] % step;
        }
        return new Image(img.width(), img.height(), img.bitDepth(), p);
    }

    /** The image enlarged twice by repeating pixels, cropped to w×h. */
    static Image pixelRepeated(Image img, int w, int h) {
        int[][] p = new int[img.channels()][w * h];
        for (int c = 0; c < p.length; c++) {
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) p[c][y * w + x] = img.plane(c)[(y / 2) * img.width() + x / 2];
        }
        return new Image(w, h, img.bitDepth(), p);
    }

    /**
     * Green first (feature bit 10, colour transform 3): colour images whose channels share no structure, which the
     * encoder codes untransformed rather than as differences from green, and misuses.
     */
    private void greenFirst() throws IOException {
        codec = nwf110;
        NwfFile rgb = transform("rgb8-green-first-48x40", "colour transform 3, green first: planes G, R, B (channels with nothing in common)",
                List.of("rgb", "8bit", "multi-level", "green-first"), unrelatedChannels(48, 40, 3, 30), NwfHeader.COLOUR_GREEN_FIRST);
        transform("rgba8-green-first-36x20", "green first with an alpha channel (passes through)",
                List.of("rgba", "8bit", "multi-level", "green-first"), unrelatedChannels(36, 20, 4, 31), NwfHeader.COLOUR_GREEN_FIRST);
        long bits = rgb.header().requiredFeatures();
        featureMisuse("green-first-cleared", "colour transform 3 with feature bit 10 clear", rgb, bits & ~NwfContainer.FEATURE_GREEN_FIRST);
        featureMisuse("green-first-with-subtract-green", "feature bits 1 (subtract green) and 10 (green first) together",
                rgb, bits | NwfContainer.FEATURE_SUBTRACT_GREEN);
        NwfFile gray = nwf.encode(synthetic(20, 18, 1, 8, 32));
        featureMisuse("green-first-on-gray", "feature bit 10 (green first) on a one-channel file",
                gray, gray.header().requiredFeatures() | NwfContainer.FEATURE_GREEN_FIRST);
        codec = nwf;
    }

    /**
     * Channels that share no structure: the first {@link #synthetic}'s pattern, the second {@link #waves}, the third
     * waves along the other axis (an alpha channel, if asked for, a ramp).
     */
    static Image unrelatedChannels(int w, int h, int channels, long seed) {
        int[][] p = new int[channels][];
        p[0] = synthetic(w, h, 1, 8, seed).plane(0);
        p[1] = waves(w, h, seed + 1).plane(0);
        int[] across = waves(h, w, seed + 2).plane(0);
        p[2] = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) p[2][y * w + x] = across[x * h + y];
        if (channels == 4) {
            p[3] = new int[w * h];
            for (int i = 0; i < w * h; i++) p[3][i] = 255 - (i % w) * 2;
        }
        return new Image(w, h, 8, p);
    }

    /** {@code img} with one sample in eight raised by 1 (clamped): Haar still wins, its finest details are no longer all 0. */
    static Image speckled(Image img, long seed) {
        Random r = new Random(seed);
        int max = (1 << img.bitDepth()) - 1;
        int[][] p = new int[img.channels()][];
        for (int c = 0; c < p.length; c++) {
            p[c] = img.plane(c).clone();
            for (int i = 0; i < p[c].length; i++) if (r.nextInt(8) == 0) p[c][i] = Math.min(max, p[c][i] + 1);
        }
        return new Image(img.width(), img.height(), img.bitDepth(), p);
    }

    /** {@link #image}, checking that the encoder set these feature bits. */
    private NwfFile withFeature(String name, String description, List<String> features, Image img, long bits) throws IOException {
        NwfFile file = image(name, description, features, img);
        if ((file.header().requiredFeatures() & bits) != bits) throw new IllegalStateException(name + " came out without feature bits 0x" + Long.toHexString(bits));
        return file;
    }

    /**
     * A plane as JPEG leaves it: each 8×8 block (blocks start at column and row {@code start}) through a DCT, quantised
     * with steps growing with frequency, and back (StrictMath: the same integers everywhere).
     */
    static Image jpegLike(Image gray, int w, int h, int start) {
        int[] plane = gray.plane(0);
        double[][] cos = new double[8][8];
        for (int k = 0; k < 8; k++) for (int n = 0; n < 8; n++) cos[k][n] = StrictMath.cos((2 * n + 1) * k * StrictMath.PI / 16);
        int[] out = plane.clone();
        for (int by = start - 8; by < h; by += 8) {
            for (int bx = start - 8; bx < w; bx += 8) {
                double[][] coef = new double[8][8];
                for (int v = 0; v < 8; v++) {
                    for (int u = 0; u < 8; u++) {
                        double sum = 0;
                        for (int y = 0; y < 8; y++) {
                            for (int x = 0; x < 8; x++) {
                                int px = Math.max(0, Math.min(w - 1, bx + x));
                                int py = Math.max(0, Math.min(h - 1, by + y));
                                sum += (plane[py * w + px] - 128) * cos[u][x] * cos[v][y];
                            }
                        }
                        double step = 4 + 3 * (u + v);
                        coef[v][u] = StrictMath.rint(sum * dctNorm(u, v) / step) * step;
                    }
                }
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        if (by + y < 0 || by + y >= h || bx + x < 0 || bx + x >= w) continue;
                        double sum = 0;
                        for (int v = 0; v < 8; v++) for (int u = 0; u < 8; u++) sum += dctNorm(u, v) * coef[v][u] * cos[u][x] * cos[v][y];
                        out[(by + y) * w + bx + x] = (int) Math.max(0, Math.min(255, StrictMath.rint(sum + 128)));
                    }
                }
            }
        }
        return new Image(w, h, 8, new int[][] {out});
    }

    /** Smooth waves with a little noise and no edge of their own: what the grid is found in is the grid. */
    static Image waves(int w, int h, long seed) {
        Random r = new Random(seed);
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = (int) StrictMath.rint(128 + 60 * StrictMath.sin(0.05 * x) * StrictMath.cos(0.04 * y)) + r.nextInt(5) - 2;
            }
        }
        return new Image(w, h, 8, new int[][] {p});
    }

    private static double dctNorm(int u, int v) {
        return (u == 0 ? StrictMath.sqrt(0.125) : 0.5) * (v == 0 ? StrictMath.sqrt(0.125) : 0.5);
    }

    /** {@link #image}, checking that the encoder chose a value map. */
    private NwfFile mapped(String name, String description, List<String> features, Image img) throws IOException {
        NwfFile file = image(name, description, features, img);
        if ((file.header().requiredFeatures() & NwfContainer.FEATURE_VALUE_MAP) == 0) throw new IllegalStateException(name + " came out without a value map");
        return file;
    }

    /** Number of values in a channel's map of a file with a value map (read from level 0, SPEC.md §4.0). */
    private static int mapSize(NwfFile file, int channel) {
        byte[] level0 = file.level(0);
        int length = ByteBuffer.wrap(level0, 0, 4).getInt();
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        try {
            inflater.setInput(level0, 4, length);
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

    /** The file with level 0's value map replaced: per channel its first value then gaps ({@code lists[c][0]} is the first value). */
    private static byte[] withMap(NwfFile file, List<int[]> lists) {
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
        byte[] level0 = file.level(0);
        int oldEnd = 4 + ByteBuffer.wrap(level0, 0, 4).getInt();
        byte[] out = new byte[4 + mapLength + level0.length - oldEnd];
        ByteBuffer.wrap(out).putInt(mapLength).put(buf, 0, mapLength).put(level0, oldEnd, level0.length - oldEnd);
        List<byte[]> levels = new ArrayList<>();
        List<LevelInfo> index = new ArrayList<>();
        for (int i = 0; i < file.levelCount(); i++) {
            byte[] payload = i == 0 ? out : file.level(i);
            levels.add(payload);
            LevelInfo info = file.levelIndex().get(i);
            index.add(new LevelInfo(info.width(), info.height(), payload.length));
        }
        return NwfContainer.toBytes(new NwfFile(file.header(), index, levels, file.metadata(), file.icc(), file.exif(), List.of()));
    }

    private static void writeVarint(java.io.ByteArrayOutputStream out, int v) {
        while (v >= 0x80) {
            out.write(v & 0x7F | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    /** An 8-bit image as 16-bit samples the way converters widen them: v·257. */
    static Image times257(Image img) {
        int[][] p = new int[img.channels()][];
        for (int c = 0; c < p.length; c++) {
            p[c] = img.plane(c).clone();
            for (int i = 0; i < p[c].length; i++) p[c][i] *= 257;
        }
        return new Image(img.width(), img.height(), 16, p);
    }

    /** Four colours (one transparent) in blobs, as in a palette image. */
    static Image fewColours(int w, int h, long seed) {
        int[][] colours = {{200, 30, 40, 255}, {20, 120, 220, 255}, {250, 250, 245, 255}, {0, 0, 0, 0}};
        Image base = synthetic(w, h, 1, 8, seed);
        int[][] p = new int[4][w * h];
        for (int i = 0; i < w * h; i++) {
            int[] col = colours[Math.min(3, base.plane(0)[i] / 64)];
            for (int c = 0; c < 4; c++) p[c][i] = col[c];
        }
        return new Image(w, h, 8, p);
    }

    /** A bit no version of the format defines yet. */
    private static final long UNDEFINED_FEATURE = 1L << 12;

    /** {@link #image}, checking that the encoder chose the colour transform the case is meant to cover. */
    private NwfFile transform(String name, String description, List<String> features, Image img, int colourTransform) throws IOException {
        NwfFile file = image(name, description, features, img);
        if (file.header().colourTransform() != colourTransform) {
            throw new IllegalStateException(name + " came out with colour transform " + file.header().colourTransform() + ", not " + colourTransform);
        }
        return file;
    }

    private NwfFile image(String name, String description, List<String> features, Image img) throws IOException {
        NwfFile file = codec.encode(img);
        byte[] bytes = NwfContainer.toBytes(file);
        List<CaseManifest.Level> levels = levelsOf(bytes, file.header().levels());
        write(name, bytes, new CaseManifest(name, description, features, codec.model().id(), CaseManifest.EXPECT_DECODE, levels,
                levels.get(levels.size() - 1), null));
        if (!PixelHash.of(img).equals(levels.get(levels.size() - 1).sha256())) throw new IllegalStateException(name + " does not round-trip");
        return file;
    }

    private List<CaseManifest.Level> levelsOf(byte[] bytes, int n) throws IOException {
        List<CaseManifest.Level> levels = new ArrayList<>();
        NwfFile f = NwfContainer.read(bytes, ReadOptions.DEFAULT).file();
        codec.decode(f, n, (level, total, image) -> levels.add(new CaseManifest.Level(level, image.width(), image.height(), PixelHash.of(image))));
        return levels;
    }

    /** A cut after each complete level, and one inside the last level's chunk. */
    private void truncations(NwfFile file) throws IOException {
        byte[] bytes = NwfContainer.toBytes(file);
        List<CaseManifest.Level> levels = levelsOf(bytes, file.header().levels());
        int end = bytes.length - 12; // before NEND
        int[] levelEnds = new int[file.levelCount()];
        for (int i = file.levelCount() - 1; i >= 0; i--) {
            levelEnds[i] = end;
            end -= 13 + file.level(i).length;
        }
        for (int i = 0; i < file.levelCount() - 1; i++) {
            write("truncated-after-level-" + i, Arrays.copyOf(bytes, levelEnds[i]), new CaseManifest("truncated-after-level-" + i,
                    "file cut right after level " + i + "'s chunk: decodes to that level", List.of("truncation", "progressive"),
                    codec.model().id(), CaseManifest.EXPECT_DECODE, levels.subList(0, i + 1), levels.get(i), null));
        }
        int last = file.levelCount() - 1;
        int mid = levelEnds[last] - file.level(last).length / 2;
        write("truncated-mid-chunk", Arrays.copyOf(bytes, mid), new CaseManifest("truncated-mid-chunk",
                "file cut inside the last level's chunk: decodes to the level before", List.of("truncation", "progressive"),
                codec.model().id(), CaseManifest.EXPECT_DECODE, levels.subList(0, last), levels.get(last - 1), null));
        write("truncated-in-header", Arrays.copyOf(bytes, 20), errorCase("truncated-in-header", "cut inside HEAD", "TRUNCATED"));
    }

    private void errors(NwfFile file) throws IOException {
        byte[] ok = NwfContainer.toBytes(file);
        byte[] sig = ok.clone();
        sig[0] &= 0x7F;
        write("bad-signature-7bit", sig, errorCase("bad-signature-7bit", "high bit of the first byte stripped", "BAD_SIGNATURE"));
        byte[] version = ok.clone();
        version[8] = 2;
        write("unsupported-version", version, errorCase("unsupported-version", "major version 2", "UNSUPPORTED_VERSION"));
        byte[] feature = NwfContainer.toBytes(file.withHeader(file.header().withRequiredFeatures(file.header().requiredFeatures() | UNDEFINED_FEATURE)));
        write("unsupported-feature", feature, errorCase("unsupported-feature", "required-feature bit 12 (undefined) set", "UNSUPPORTED_FEATURE"));
        byte[] crc = ok.clone();
        crc[crc.length / 2] ^= 0x01;
        write("crc-mismatch", crc, errorCase("crc-mismatch", "one flipped bit in a level chunk", "CRC_MISMATCH"));
        byte[] critical = ok.clone();
        int lidx = findChunk(critical, "LIDX");
        critical[lidx + 4] = 'X';
        fixCrc(critical, lidx);
        write("unknown-critical-chunk", critical, errorCase("unknown-critical-chunk", "LIDX renamed XIDX", "UNKNOWN_CRITICAL_CHUNK"));
        byte[] level = ok.clone();
        int lastLevel = findLastChunk(level, "LEVL");
        level[lastLevel + 8 + 1 + 9] ^= 0x55; // inside the coded data, CRC recomputed: only the coder can notice
        fixCrc(level, lastLevel);
        write("corrupt-level-data", level, errorCase("corrupt-level-data", "coded data altered with a valid CRC", "CORRUPT_LEVEL"));
        byte[] model = ok.clone();
        int head = findChunk(model, "HEAD");
        int headLength = ByteBuffer.wrap(model, head, 4).getInt();
        int idBytes = codec.model().id().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        model[head + 8 + headLength - idBytes] = (byte) 'X'; // HEAD ends with the model id (SPEC.md §2.4)
        fixCrc(model, head);
        write("unknown-model", model, errorCase("unknown-model", "model id changed", "UNKNOWN_MODEL"));
    }

    /** A case to reject as corrupt: {@code file} with its required-feature bits replaced by {@code features}. */
    private void featureMisuse(String name, String description, NwfFile file, long features) throws IOException {
        write(name, NwfContainer.toBytes(file.withHeader(file.header().withRequiredFeatures(features))), errorCase(name, description, "CORRUPT_LEVEL"));
    }

    private CaseManifest errorCase(String name, String description, String kind) {
        return new CaseManifest(name, description, List.of("reject"), codec.model().id(), CaseManifest.EXPECT_ERROR, null, null, kind);
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
    static void fixCrc(byte[] b, int p) {
        int len = ByteBuffer.wrap(b, p, 4).getInt();
        CRC32C crc = new CRC32C();
        crc.update(b, p + 4, 4 + len);
        ByteBuffer.wrap(b, p + 8 + len, 4).putInt((int) crc.getValue());
    }

    static Image synthetic(int w, int h, int channels, int depth, long seed) {
        Random r = new Random(seed);
        int max = (1 << depth) - 1;
        int[][] p = new int[channels][w * h];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0.5 + 0.35 * StrictMath.sin(0.21 * x + c) * StrictMath.cos(0.17 * y - c) + (x > w / 2 ? 0.08 : -0.08);
                    p[c][y * w + x] = (int) Math.max(0, Math.min(max, Math.round(v * max) + r.nextInt(3) - 1));
                }
            }
        }
        return new Image(w, h, depth, p);
    }

    /** Colours near gray with a red cast and red clipped in a corner: red and blue follow green, as subtract green assumes. */
    static Image greenish(int w, int h, int channels, long seed) {
        Image base = synthetic(w, h, 1, 8, seed);
        Random r = new Random(seed);
        int[][] p = new int[channels][w * h];
        for (int i = 0; i < w * h; i++) {
            int g = base.plane(0)[i];
            p[0][i] = i % w > w * 2 / 3 && i / w < h / 3 ? 255 : Math.min(255, g + 40);
            p[1][i] = g;
            p[2][i] = Math.max(0, g - 10 + r.nextInt(2));
            if (channels == 4) p[3][i] = 255 - (i % w) * 2;
        }
        return new Image(w, h, 8, p);
    }

    static Image noise(int w, int h, int channels, int depth, long seed) {
        Random r = new Random(seed);
        int[][] p = new int[channels][w * h];
        for (int[] plane : p) for (int i = 0; i < plane.length; i++) plane[i] = r.nextInt(1 << depth);
        return new Image(w, h, depth, p);
    }
}
