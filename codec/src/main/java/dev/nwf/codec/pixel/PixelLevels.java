package dev.nwf.codec.pixel;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.level.LevelCoding;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.LevelPlan;
import dev.nwf.codec.transform.Pyramid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Pixel levels (tool pixel-levels, SPEC.md §4.4): instead of a wavelet, level i holds the pixels of the image
 * decimated by 2^(n-1-i) that coarser levels do not hold (so a truncated file still decodes to a smaller image), each
 * coded by {@link PixelModel} in {@link PixelScan}'s order, one rANS stream per level. No network is evaluated: this
 * is the level scheme for graphics, screenshots and palette images, where most samples equal a neighbour.
 */
public final class PixelLevels implements LevelCoding {
    /**
     * The encoder tries pixel levels on images where at least this share of pixels equals, whole, the pixel to its
     * left or above it (an encoder's choice, not part of the format): graphics are far above it, photos far below.
     */
    static final double TRY_FROM_SHARE = 0.25;

    private final ColourTransform transform;

    /** @param transform the colour transform the planes are coded under (NONE for a palette's indices) */
    public PixelLevels(ColourTransform transform) {
        this.transform = transform;
    }

    /** Whether pixel levels may code this image smaller than wavelet levels (see {@link #TRY_FROM_SHARE}). */
    public static boolean worthTrying(Image image) {
        return repeatShare(image) >= TRY_FROM_SHARE;
    }

    /** The share of pixels that equal, in every channel, the pixel to their left or the one above. */
    static double repeatShare(Image image) {
        int w = image.width();
        int h = image.height();
        int channels = image.channels();
        long same = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean left = x > 0;
                boolean up = y > 0;
                for (int c = 0; c < channels && (left || up); c++) {
                    int[] p = image.plane(c);
                    left &= x > 0 && p[i - 1] == p[i];
                    up &= y > 0 && p[i - w] == p[i];
                }
                if (left || up) same++;
            }
        }
        return (double) same / image.pixels();
    }

    @Override
    public int[][] sizes(int width, int height) {
        return LevelPlan.sizes(width, height);
    }

    @Override
    public Encoded encode(Image image, List<ColourTransform> transforms, NwfCodec.EncodeProgress progress) {
        if (!transforms.contains(transform)) throw new IllegalArgumentException(transform + " is not among "
                + transforms);
        int w = image.width();
        int h = image.height();
        int levels = sizes(w, h).length;
        int[][] planes = Pyramid.transformedPlanes(image, transform);
        PixelModel model = model(planes.length, image.bitDepth(), image.pixels());
        List<byte[]> payloads = new ArrayList<>(levels);
        long total = image.pixels();
        long[] done = {0};
        for (int level = 0; level < levels; level++) {
            BitCoder.Encoding coder = new BitCoder.Encoding();
            model.codeLevel(planes, w, h, level, levels, coder, n -> progress.workDone(done[0] += n, total));
            payloads.add(coder.rans.finish());
            progress.levelCoded(level, levels);
        }
        return new Encoded(transform, payloads);
    }

    /**
     * The model for planes of this many channels and depth: differences of one more bit, and channels 1 and 2 signed,
     * under a colour transform (SPEC.md §4.4.2).
     */
    private PixelModel model(int channels, int bitDepth, long pixels) {
        boolean signed = transform != ColourTransform.NONE;
        int max = (1 << bitDepth) - 1;
        int[] least = new int[channels];
        int[] greatest = new int[channels];
        for (int c = 0; c < channels; c++) {
            least[c] = signed && (c == 1 || c == 2) ? -max : 0;
            greatest[c] = max;
        }
        return new PixelModel(channels, bitDepth + (signed ? 1 : 0), 1 << (bitDepth - 1), least, greatest, pixels);
    }

    @Override
    public LevelCoding.Decoder decoder(int channels, int width, int height, int bitDepth) {
        return new Decoder(channels, width, height, bitDepth);
    }

    @Override
    public int[][] upsample(int[][] planes, int width, int height, int bitDepth, int doublings, double temperature,
            java.util.Random random) {
        throw new UnsupportedOperationException("pixel levels hold no prior to upsample with");
    }

    private final class Decoder implements LevelCoding.Decoder {
        private final int width;
        private final int height;
        private final int levels;
        private final int[][] full;
        private final PixelModel model;
        private int done;

        Decoder(int channels, int width, int height, int bitDepth) {
            this.width = width;
            this.height = height;
            this.levels = sizes(width, height).length;
            this.full = new int[channels][width * height];
            this.model = model(channels, bitDepth, (long) width * height);
        }

        @Override
        public void next(byte[] payload, int start, IntConsumer work) throws CorruptStreamException {
            if (done == levels) throw new IllegalStateException("every level is decoded");
            RansDecoder rans = new RansDecoder(payload, start, payload.length - start);
            try {
                model.codeLevel(full, width, height, done, levels, new BitCoder.Decoding(rans), work);
            } catch (PixelModel.OutOfRange e) {
                throw new CorruptStreamException(e.getMessage(), rans.position() - start);
            }
            rans.checkEnd();
            done++;
        }

        @Override
        public long work(int upTo) {
            long n = 0;
            for (int i = 0; i < Math.min(upTo, levels); i++) n += PixelScan.pixels(width, height, i, levels);
            return n;
        }

        @Override
        public int[][] planes() {
            int s = PixelScan.stride(done - 1, levels);
            int w = PixelScan.ceilDiv(width, s);
            int h = PixelScan.ceilDiv(height, s);
            int[][] out = new int[full.length][w * h];
            for (int c = 0; c < full.length; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) out[c][y * w + x] = full[c][y * s * width + x * s];
                }
            }
            return out;
        }
    }
}
