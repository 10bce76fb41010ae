package dev.nwf.codec.deflate;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.RawDeflate;
import dev.nwf.codec.level.LevelCoding;
import dev.nwf.codec.transform.ColourTransform;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.zip.Deflater;

/**
 * Rows (SPEC.md §4.5, tool {@code deflate-rows}): one level, the coded planes' rows as PNG stores them — a filter
 * type, then the row filtered — in one raw DEFLATE stream. The encoder's fallback for what PNG's LZ77 codes smaller
 * than the context models (dithered textures, strips of small sprites): with it such an image is not larger than PNG
 * makes it with the same filters and strategies. Not progressive; no model is evaluated.
 */
public final class DeflateRows implements LevelCoding {
    /** PNG's filter types: None, Sub, Up, Average, Paeth. */
    static final int FILTERS = 5;
    /** Deflate strategies the encoder tries with each row filtering (as optipng -o2 does, but Z_RLE). */
    private static final int[] STRATEGIES = {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY};

    @Override
    public int[][] sizes(int width, int height) {
        return new int[][] {{width, height}};
    }

    /** Bytes a sample takes: 1 up to 8 bits, else 2 (big-endian). */
    static int sampleBytes(int depth) {
        return depth <= 8 ? 1 : 2;
    }

    @Override
    public Encoded encode(Image image, List<ColourTransform> transforms, NwfCodec.EncodeProgress progress) {
        if (!transforms.contains(ColourTransform.NONE)) {
            throw new IllegalArgumentException("rows code untransformed planes, not under " + transforms);
        }
        byte[] raw = rows(image);
        int stride = rowBytes(image.width(), image.channels(), image.bitDepth());
        int bpp = image.channels() * sampleBytes(image.bitDepth());
        byte[] best = null;
        for (boolean adaptive : new boolean[] {false, true}) {
            byte[] filtered = filter(raw, stride, image.height(), bpp, adaptive);
            for (int strategy : STRATEGIES) {
                byte[] stream = RawDeflate.deflate(filtered, strategy);
                if (best == null || stream.length < best.length) best = stream;
            }
        }
        progress.workDone(image.pixels(), image.pixels());
        progress.levelCoded(0, 1);
        return new Encoded(ColourTransform.NONE, List.of(best));
    }

    /** Bytes of a filtered row: its filter type, then its samples. */
    static int rowBytes(int width, int channels, int depth) {
        return 1 + width * channels * sampleBytes(depth);
    }

    /** The unfiltered rows, each led by a zero filter byte. */
    private static byte[] rows(Image image) {
        int w = image.width();
        int channels = image.channels();
        int b = sampleBytes(image.bitDepth());
        int stride = rowBytes(w, channels, image.bitDepth());
        byte[] out = new byte[stride * image.height()];
        for (int y = 0; y < image.height(); y++) {
            int at = y * stride + 1;
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    int v = image.at(c, y * w + x);
                    if (b == 2) out[at++] = (byte) (v >>> 8);
                    out[at++] = (byte) v;
                }
            }
        }
        return out;
    }

    /**
     * The rows filtered: each with None, or (adaptive) with the filter whose bytes, read as signed, sum smallest in
     * absolute value — PNG's own heuristic.
     */
    private static byte[] filter(byte[] raw, int stride, int height, int bpp, boolean adaptive) {
        byte[] out = new byte[raw.length];
        byte[] trial = new byte[stride];
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            int bestType = 0;
            long bestCost = Long.MAX_VALUE;
            for (int type = 0; type < (adaptive ? FILTERS : 1); type++) {
                long cost = 0;
                for (int i = 1; i < stride; i++) {
                    int d = (raw[row + i] - predictor(type, raw, row, i, stride, bpp)) & 0xFF;
                    trial[i] = (byte) d;
                    cost += Math.abs((byte) d);
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    bestType = type;
                    System.arraycopy(trial, 1, out, row + 1, stride - 1);
                }
            }
            out[row] = (byte) bestType;
        }
        return out;
    }

    /** PNG's prediction of byte {@code i} of the row at {@code row} from the unfiltered bytes before it. */
    static int predictor(int type, byte[] raw, int row, int i, int stride, int bpp) {
        int a = i > bpp ? raw[row + i - bpp] & 0xFF : 0;
        int b = row >= stride ? raw[row - stride + i] & 0xFF : 0;
        int c = i > bpp && row >= stride ? raw[row - stride + i - bpp] & 0xFF : 0;
        return switch (type) {
            case 0 -> 0;
            case 1 -> a;
            case 2 -> b;
            case 3 -> (a + b) >>> 1;
            default -> paeth(a, b, c);
        };
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    @Override
    public LevelCoding.Decoder decoder(int channels, int width, int height, int bitDepth) {
        return new Decoder(channels, width, height, bitDepth);
    }

    @Override
    public int[][] upsample(int[][] planes, int width, int height, int bitDepth, int doublings, double temperature,
            java.util.Random random, dev.nwf.codec.transform.Lifting.Filter lowPass) {
        throw new UnsupportedOperationException("rows hold no prior to upsample with");
    }

    private static final class Decoder implements LevelCoding.Decoder {
        private final int channels;
        private final int width;
        private final int height;
        private final int depth;
        private int[][] planes;

        Decoder(int channels, int width, int height, int depth) {
            this.channels = channels;
            this.width = width;
            this.height = height;
            this.depth = depth;
        }

        @Override
        public void next(byte[] payload, int start, IntConsumer work) throws CorruptStreamException {
            if (planes != null) throw new IllegalStateException("the one level is decoded");
            int stride = rowBytes(width, channels, depth);
            long total = (long) stride * height;
            if (total > Integer.MAX_VALUE - 8) throw new CorruptStreamException("rows of " + total
                    + " bytes are more than one level can hold", start);
            byte[] raw = new byte[(int) total];
            int n = RawDeflate.inflate("the rows", payload, start, payload.length, raw);
            if (n != raw.length) throw new CorruptStreamException("the rows inflate to " + n + " bytes, not "
                    + raw.length, start);
            int bpp = channels * sampleBytes(depth);
            int b = sampleBytes(depth);
            int max = (1 << depth) - 1;
            int[][] out = new int[channels][width * height];
            for (int y = 0; y < height; y++) {
                int row = y * stride;
                int type = raw[row] & 0xFF;
                if (type >= FILTERS) throw new CorruptStreamException("row " + y + " has filter type " + type
                        + " (PNG's are 0 to 4)", start);
                for (int i = 1; i < stride; i++) {
                    raw[row + i] = (byte) (raw[row + i] + predictor(type, raw, row, i, stride, bpp));
                }
                int at = row + 1;
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < channels; c++) {
                        int v = raw[at++] & 0xFF;
                        if (b == 2) v = v << 8 | raw[at++] & 0xFF;
                        if (v > max) throw new CorruptStreamException("row " + y + " holds sample " + v + ", above "
                                + depth + " bits", start);
                        out[c][y * width + x] = v;
                    }
                }
                work.accept(width);
            }
            planes = out;
        }

        @Override
        public long work(int levels) {
            return levels == 0 ? 0 : (long) width * height;
        }

        @Override
        public int[][] planes() {
            return planes;
        }
    }
}
