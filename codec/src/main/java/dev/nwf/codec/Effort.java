package dev.nwf.codec;

import java.util.List;

/**
 * How hard the encoder searches, 1 to 9 as `cjxl -e` and `cwebp -z` (`nwf encode -e`): which codings it tries before
 * keeping the smallest file. Each effort tries what the one below does and more (choices made on trials of part of
 * the image, as the colour transform's on the levels below the finest, may still pick a coding that comes out a
 * little larger); decoding costs what the chosen tools cost, whatever the effort that chose them (SPEC.md §2.4.1).
 *
 * @param level 1 (one coding, chosen by the image's kind) to 9 (every trial); {@link #DEFAULT} 7
 */
public record Effort(int level) {
    /** The fastest effort. */
    public static final int MIN = 1;
    /** The slowest effort. */
    public static final int MAX = 9;
    /** Effort 7, the encoder's default. */
    public static final Effort DEFAULT = new Effort(7);

    /** Checks the level is between {@link #MIN} and {@link #MAX}. */
    public Effort {
        if (level < MIN || level > MAX) throw new IllegalArgumentException("effort must be " + MIN + " to " + MAX
                + ": " + level);
    }

    /** From 3: subtract green and green first are both tried on the levels below the finest; below, subtract green. */
    boolean triesColourTransforms() {
        return level >= 3;
    }

    /**
     * From 3: pixel levels of differences only (SPEC.md §4.4) are tried beside those with candidates, on a large
     * image's mosaic or a small image whole, a small image that is no graphic as differences only: textured renders
     * and camera frames code 4-10 % smaller without candidates.
     */
    boolean triesDifferencesOnly() {
        return level >= 3;
    }

    /** Images of at most this many pixels are tried both with and without the pixel levels' expert. */
    static final long EXPERT_TRIAL_UP_TO_PIXELS = 1 << 16;

    /**
     * Whether a coding of the samples as pixel levels is done with the expert (SPEC.md §4.4.5), as a list of the
     * choices to try: from 3, with it, and for an image of at most {@link #EXPERT_TRIAL_UP_TO_PIXELS} without it too;
     * below, without. It codes every photo of sets A and P smaller (1–3.5 %), and graphics' pixel levels 0.3–0.5 %,
     * for about a third more of the photos' pixel levels' decoding time (little more on graphics, whose samples mostly
     * repeat a candidate); a small image where it does not pay costs little to code twice.
     */
    List<Boolean> expertChoices(long pixels) {
        if (level < 3) return List.of(false);
        return pixels <= EXPERT_TRIAL_UP_TO_PIXELS ? List.of(false, true) : List.of(true);
    }

    /**
     * At 9: a block grid is tried both ways at any size, and pixel levels both with and without their grid (SPEC.md
     * §4.4.6); below, a grid is tried both ways on small images only (wavelet levels) or taken where it shows
     * throughout the image (pixel levels).
     */
    boolean triesEveryGridChoice() {
        return level >= 9;
    }

    /** At 9: YCoCg-R is tried too (it won on one photo of set A, by 0.7 %). */
    boolean triesYcocg() {
        return level >= 9;
    }

    /** Below effort 5, images of more pixels than this are coded once; smaller ones cost little to code twice. */
    static final long ONE_CODING_ABOVE_PIXELS = 1 << 16;

    /**
     * From 5, or for an image of at most {@link #ONE_CODING_ABOVE_PIXELS}: an image of few colours is coded both as its
     * samples and as palette indices, graphics both as pixel levels and as wavelet levels, and data of fewer bits than
     * its depth (above 8) both as samples and as ranks; below, one coding, by the image's kind.
     */
    boolean triesAlternatives(long pixels) {
        return level >= 5 || pixels <= ONE_CODING_ABOVE_PIXELS;
    }

    /** From 7: a small image's pixel levels are also tried as one level; a smaller one's block grid both ways. */
    boolean triesSmallImageOptions() {
        return level >= 7;
    }

    /**
     * From 8: a large image whose mosaic codes at least 5 % smaller as pixel levels is coded whole as wavelet levels
     * too; below, as pixel levels only.
     */
    boolean codesWaveletBesideClearPixels() {
        return level >= 8;
    }

    /** Photos of fewer pixels than this cost little to code twice (see {@link #codesSmallPhotoAsWaveletToo}). */
    static final long PHOTO_WAVELET_TRIAL_BELOW_PIXELS = 1 << 16;

    /**
     * Whether a photo too small for a mosaic trial, which is coded whole as pixel levels of differences only, is also
     * coded whole as wavelet levels and the smaller kept: from 8, or where it has fewer than {@link
     * #PHOTO_WAVELET_TRIAL_BELOW_PIXELS} pixels. Of the 16 such photos of sets A and P (2^16 to 2^18 pixels) none came
     * out smaller as wavelet levels (0.3-10.7 % larger, chelsea nearest), whose coding evaluates the network.
     */
    boolean codesSmallPhotoAsWaveletToo(long pixels) {
        return level >= 8 || pixels < PHOTO_WAVELET_TRIAL_BELOW_PIXELS;
    }

    /**
     * From 8: pixel levels are coded with the raster finish and without it (every finer level in two passes), and the
     * smaller kept; below, with it only (SPEC.md §4.4.1), but for small images ({@link #triesSmallImageOptions}).
     */
    boolean triesWithoutRasterFinish() {
        return level >= 8;
    }

    /**
     * From 8: pixel levels with the expert also take tool expert-errors (SPEC.md §4.4.7), which codes photos 0.3–0.5 %
     * smaller for 3–4 % more decoding time; below, the default keeps decoding at its speed.
     */
    boolean readsExpertErrors() {
        return level >= 8;
    }

    /**
     * From 3, as the expert: pixel levels (not of a palette's indices) take tool far-contexts (SPEC.md §4.4.9), which
     * codes photos' pixel levels 0.3–0.9 % smaller and graphics' 0.5 %; below, the fastest efforts keep their speed.
     */
    boolean readsFarContexts() {
        return level >= 3;
    }

    /** Images of fewer pixels than this keep the full model (see {@link #keepsModelLean}). */
    static final long LEAN_MODEL_FROM_PIXELS = 1 << 16;

    /**
     * Up to 7: pixel levels of an image of {@link #LEAN_MODEL_FROM_PIXELS} pixels or more take tool lean-model (SPEC.md
     * §4.4.13), which decodes set A's photos about a tenth faster for 0.2 % of their bytes; from 8, and for small
     * images (which decode in moments, and whose learning has few samples), the full model.
     */
    boolean keepsModelLean(long pixels) {
        return level <= 7 && pixels >= LEAN_MODEL_FROM_PIXELS;
    }

    /** At 9: pixel levels are tried on every image, not only where a mosaic says they may pay. */
    boolean triesPixelLevelsEverywhere() {
        return level >= 9;
    }
}
