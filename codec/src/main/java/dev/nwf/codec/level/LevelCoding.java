package dev.nwf.codec.level;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.transform.ColourTransform;
import java.util.List;

/**
 * How a model family turns colour-transformed planes into level payloads and back (SPEC.md §4.3, §8). The container,
 * entropy coder and progressive decoding are shared; only this differs between families.
 */
public interface LevelCoding {
    /** Visible {width, height} of each level, coarsest first; the last is the image. */
    int[][] sizes(int width, int height);

    /**
     * Codes the image under one of {@code transforms} (the first, unless the family tries them and another codes
     * smaller) and returns which, with one payload per level, coarsest first.
     */
    Encoded encode(Image image, List<ColourTransform> transforms, NwfCodec.EncodeProgress progress);

    /** The levels' payloads and the colour transform they were coded under. */
    record Encoded(ColourTransform transform, List<byte[]> payloads) {
    }

    Decoder decoder(int channels, int width, int height, int bitDepth);

    /**
     * Enlarges colour-transformed planes by 2^doublings with detail drawn from the prior (SPEC.md §6.4, §8.4).
     *
     * @param lowPass the split the planes are taken as a low-pass of (the nwf family's; rgflow has its own)
     */
    int[][] upsample(int[][] planes, int width, int height, int bitDepth, int doublings, double temperature,
            java.util.Random random, dev.nwf.codec.transform.Lifting.Filter lowPass);

    /** Decoding state between levels. */
    interface Decoder {
        /**
         * Decodes the next level from its payload's bytes from {@code start} on (checking that they were used exactly),
         * telling {@code work} the units done as they complete.
         */
        void next(byte[] payload, int start, java.util.function.IntConsumer work) throws CorruptStreamException;

        /** Units of work in decoding the first {@code levels} levels, as {@link #next} reports them. */
        long work(int levels);

        /** The planes at the last decoded level's visible size (shared, do not modify). */
        int[][] planes();
    }
}
