package dev.nwf.codec.pixel;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.level.LevelCoding;
import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.LevelPlan;
import dev.nwf.codec.transform.Pyramid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Pixel levels (tool pixel-levels, SPEC.md §4.4): instead of a wavelet, level i holds the pixels of the image
 * decimated by 2^(n-1-i) that coarser levels do not hold (so a truncated file still decodes to a smaller image), each
 * coded by {@link PixelModel} in {@link PixelScan}'s order, in one rANS stream, or a large level in one per part of
 * each channel, decoded side by side. No network is evaluated: this is the level scheme for graphics, screenshots
 * and palette images, where most samples equal a neighbour.
 */
public final class PixelLevels implements LevelCoding {
    /**
     * The encoder tries pixel levels on images where at least this share of pixels equals, whole, the pixel to its
     * left or above it (an encoder's choice, not part of the format): graphics are far above it, photos far below.
     */
    static final double TRY_FROM_SHARE = 0.25;

    private final ColourTransform transform;
    /** The parts of the channels code side by side on their own threads unless this is 1. */
    private final int threads;
    /** How many of §4.3's coarsest levels are left out (SPEC.md §4.4.1): level 0 is the plan's {@code skipped}th. */
    private final int skipped;
    /** Level 0's period (SPEC.md §4.4.1), 0 for none. */
    private final int period;
    /**
     * The raster finish's t (tool raster-finish, SPEC.md §4.4.1): the last level codes, in raster order, every pixel
     * the levels of stride 2^t and coarser do not hold; 0 for none, every finer level in two passes.
     */
    private final int finish;
    /** The block grid whose positions the stride-1 level keeps state by (tool pixel-grid, SPEC.md §4.4.6), or null. */
    private final BlockGrid grid;
    /** Candidates or differences only, the expert and the tools of the expert and the differences. */
    private final PixelTools tools;

    /** @param transform the colour transform the planes are coded under (NONE for a palette's indices) */
    public PixelLevels(ColourTransform transform) {
        this(transform, 0, 0);
    }

    /**
     * @param transform the colour transform the planes are coded under (NONE for a palette's indices)
     * @param threads 1 to code the channels one after another, else each on a thread of its own (the same bytes)
     * @param skipped how many of §4.3's coarsest levels to leave out: fewer, larger steps of progressive decoding
     */
    public PixelLevels(ColourTransform transform, int threads, int skipped) {
        this(transform, threads, skipped, 0);
    }

    /**
     * As {@link #PixelLevels(ColourTransform, int, int)}, level 0's samples also compared with the one {@code period}
     * places before them in raster order (0: none; {@link Period#choose}).
     */
    public PixelLevels(ColourTransform transform, int threads, int skipped, int period) {
        this(transform, threads, skipped, period, true);
    }

    /**
     * As {@link #PixelLevels(ColourTransform, int, int, int)}, with or without candidates: without, every sample that
     * is not flat is coded as its difference from the prediction (SPEC.md §4.4, differences only), with no period.
     */
    public PixelLevels(ColourTransform transform, int threads, int skipped, int period, boolean candidates) {
        this(transform, threads, skipped, period, candidates, false);
    }

    /**
     * As {@link #PixelLevels(ColourTransform, int, int, int, boolean)}, with the expert (SPEC.md §4.4.5) as one more
     * input to every difference's mix where {@code expert}.
     */
    public PixelLevels(ColourTransform transform, int threads, int skipped, int period, boolean candidates,
            boolean expert) {
        this(transform, threads, skipped, period, candidates, expert, 0);
    }

    /**
     * As {@link #PixelLevels(ColourTransform, int, int, int, boolean, boolean)}, the last level a raster finish from
     * stride 2^{@code finish} (0: none; see {@link #finishFor} for the t an image's plan allows).
     */
    public PixelLevels(ColourTransform transform, int threads, int skipped, int period, boolean candidates,
            boolean expert, int finish) {
        this(transform, threads, skipped, period, candidates, expert, finish, null);
    }

    /**
     * As {@link #PixelLevels(ColourTransform, int, int, int, boolean, boolean, int)}, the stride-1 level's models
     * keeping state per position in block grid {@code grid} (null: none; SPEC.md §4.4.6).
     */
    public PixelLevels(ColourTransform transform, int threads, int skipped, int period, boolean candidates,
            boolean expert, int finish, BlockGrid grid) {
        this(transform, threads, skipped, period, finish, grid,
                PixelTools.CANDIDATES.withCandidates(candidates).withExpert(expert));
    }

    /**
     * Pixel levels leaving out the {@code skipped} coarsest levels of §4.3's plan, level 0 with the given period (0:
     * none), the last level a raster finish from stride 2^{@code finish} (0: none), the stride-1 level keeping state
     * per position in {@code grid} (null: none), with {@code tools}.
     */
    public PixelLevels(ColourTransform transform, int threads, int skipped, int period, int finish, BlockGrid grid,
            PixelTools tools) {
        if (tools.gridClasses() && grid == null) throw new IllegalArgumentException("grid-classes needs a grid");
        this.tools = tools;
        this.grid = grid;
        if (finish < 0 || finish > MAX_FINISH) throw new IllegalArgumentException("raster finish: " + finish);
        this.finish = finish;
        if (skipped < 0) throw new IllegalArgumentException("skipped levels: " + skipped);
        if (period < 0) throw new IllegalArgumentException("period: " + period);
        if (period != 0 && !tools.candidates()) throw new IllegalArgumentException("a period needs candidates");
        this.transform = transform;
        this.threads = threads;
        this.skipped = skipped;
        this.period = period;
    }

    /** Level 0's period (SPEC.md §4.4.1), 0 for none. */
    public int period() {
        return period;
    }

    /** The raster finish's t (SPEC.md §4.4.1), 0 for none. */
    public int finish() {
        return finish;
    }

    /** The block grid of the stride-1 level's positions (SPEC.md §4.4.6), or null. */
    public BlockGrid grid() {
        return grid;
    }

    /** Candidates or differences only, the expert and the tools of the expert and the differences. */
    public PixelTools tools() {
        return tools;
    }

    /** Whether pixel levels may code this image smaller than wavelet levels (see {@link #TRY_FROM_SHARE}). */
    public static boolean worthTrying(Image image) {
        return repeatShare(image) >= TRY_FROM_SHARE;
    }

    /**
     * Whether an image of 3-4 channels (red, green, blue first) may code smaller as pixel levels green first than under
     * subtract green: where red and blue repeat their left neighbour at least as often as their differences from green
     * do. A smooth render's difference planes step wherever either channel steps; where subtracting green makes more
     * exact repeats (camera photos, textured renders) it codes smaller, by 5-57 % on set P.
     */
    public static boolean greenFirstMayPay(Image image) {
        int w = image.width();
        int[] r = image.plane(0);
        int[] g = image.plane(1);
        int[] b = image.plane(2);
        long raw = 0;
        long differences = 0;
        for (int i = 1; i < r.length; i++) {
            if (i % w == 0) continue;
            if (r[i] == r[i - 1]) raw++;
            if (b[i] == b[i - 1]) raw++;
            if (r[i] - g[i] == r[i - 1] - g[i - 1]) differences++;
            if (b[i] - g[i] == b[i - 1] - g[i - 1]) differences++;
        }
        return raw >= differences;
    }

    /** The share of pixels that equal, in every channel, the pixel to their left or the one above. */
    static double repeatShare(Image image) {
        int w = image.width();
        int h = image.height();
        int channels = image.channels();
        long same = 0;
        int[][] planes = new int[channels][];
        for (int c = 0; c < channels; c++) planes[c] = image.plane(c);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean left = x > 0;
                boolean up = y > 0;
                for (int c = 0; c < channels && (left || up); c++) {
                    int[] p = planes[c];
                    left &= x > 0 && p[i - 1] == p[i];
                    up &= y > 0 && p[i - w] == p[i];
                }
                if (left || up) same++;
            }
        }
        return (double) same / image.pixels();
    }

    /** The largest raster finish's t (SPEC.md §2.4.1): a level of stride 2^30 holds one pixel of any image. */
    public static final int MAX_FINISH = 30;

    /**
     * The raster finish the plan of a {@code width} x {@code height} image allows with {@code skipped} coarse levels
     * left out, up to {@code wanted}: at most t such that a level of stride 2^t or coarser is left before the finish,
     * 0 where none is.
     */
    public static int finishFor(int width, int height, int skipped, int wanted) {
        int kept = LevelPlan.sizes(width, height).length - skipped;
        return Math.max(0, Math.min(wanted, kept - 1));
    }

    @Override
    public int[][] sizes(int width, int height) {
        int[][] plan = LevelPlan.sizes(width, height);
        int[][] kept = java.util.Arrays.copyOfRange(plan, Math.min(skipped, plan.length), plan.length);
        if (finish == 0) return kept;
        // no level of stride 2^t before the finish: the tools describe no levels (a file's count cannot match)
        if (kept.length - 1 < finish) return new int[0][];
        // the levels down to stride 2^t, then the whole image
        int[][] out = java.util.Arrays.copyOf(kept, kept.length - finish + 1);
        out[out.length - 1] = kept[kept.length - 1];
        return out;
    }

    /**
     * The rows of level {@code level} of {@code levels}: with a raster finish, the levels before the last at strides
     * 2^t and up, the last the finish.
     */
    private LevelRows rows(int width, int height, int level, int levels) {
        if (finish == 0) return new LevelRows(width, height, level, levels, period);
        if (level == levels - 1) return LevelRows.finish(width, height, 1 << finish);
        return LevelRows.atStride(width, height, level == 0, 1 << (levels - 2 - level + finish), period);
    }

    @Override
    public Encoded encode(Image image, List<ColourTransform> transforms, NwfCodec.EncodeProgress progress) {
        if (!transforms.contains(transform)) throw new IllegalArgumentException(transform + " is not among "
                + transforms);
        int w = image.width();
        int h = image.height();
        int[][] sizes = sizes(w, h);
        int levels = sizes.length;
        checkFinish(w, h, levels);
        int[][] planes = Pyramid.transformedPlanes(image, transform);
        PixelModel[] models = models(planes.length, image.bitDepth(), w, h);
        List<byte[]> payloads = new ArrayList<>(levels);
        long total = image.pixels();
        long[] done = {0};
        for (int level = 0; level < levels; level++) {
            LevelRows rows = rows(w, h, level, levels);
            BitCoder.Encoding[] coders = new BitCoder.Encoding[streams(planes.length, rows)];
            for (int c = 0; c < coders.length; c++) coders[c] = new BitCoder.Encoding();
            run(models, planes, w, h, image.bitDepth(), rows, coders, n -> progress.workDone(done[0] += n, total));
            byte[][] streams = new byte[coders.length][];
            for (int c = 0; c < streams.length; c++) streams[c] = coders[c].finish();
            payloads.add(join(streams));
            progress.levelCoded(level, levels);
        }
        return new Encoded(transform, payloads);
    }

    /**
     * Refuses tools that leave no level (SPEC.md §4.4.1): every level of the plan skipped, or none before a finish.
     */
    private void checkFinish(int width, int height, int levels) {
        if (levels == 0) {
            throw new IllegalArgumentException("no level is left of a " + width + "x" + height + " image's plan with "
                    + skipped + " coarse levels left out"
                    + (finish == 0 ? "" : " and a raster finish from 2^" + finish));
        }
    }

    /** Levels of at least this many pixels code each part of each channel in a stream of its own (SPEC.md §4.4.1). */
    static final int STREAM_PER_PART_FROM = 1 << 14;

    /** The streams a level codes in: one per part of each channel for a large level, else one. */
    static int streams(int channels, LevelRows rows) {
        return rows.pixels() >= STREAM_PER_PART_FROM ? channels * rows.parts() : 1;
    }

    /** A level's payload: the length of every stream but the last (u32), then the streams in order. */
    private static byte[] join(byte[][] streams) {
        int length = 4 * (streams.length - 1);
        for (byte[] s : streams) length += s.length;
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(length);
        for (int c = 0; c < streams.length - 1; c++) out.putInt(streams[c].length);
        for (byte[] s : streams) out.put(s);
        return out.array();
    }

    /**
     * Codes one level of every channel: in one stream, row by row and channel by channel within a row; or, with a
     * stream per part of each channel, each part on a thread of its own as soon as the rows it needs are coded (the
     * last on the calling thread), or one part after another with one thread. Models are indexed channel * 2 + part.
     */
    private void run(PixelModel[] models, int[][] planes, int w, int h, int bitDepth, LevelRows rows, BitCoder[] coders,
            IntConsumer work) {
        int channels = planes.length;
        for (PixelModel m : models) m.channel0(planes[0]);
        CrossChannel results = new CrossChannel(channels, (int) rows.pixels(), bitDepth);
        if (coders.length == 1) {
            for (int r = 0; r < rows.count(); r++) {
                for (int c = 0; c < channels; c++) {
                    models[2 * c + rows.part(r)].codeRow(planes[c], w, h, rows, r, coders[0], results);
                }
                work.accept(rows.pixels(r));
            }
            return;
        }
        int parts = rows.parts();
        int tasks = channels * parts;
        // the last channel's parts report the work: every row of the level once
        Object lock = new Object();
        IntConsumer reported = n -> {
            synchronized (lock) {
                work.accept(n);
            }
        };
        IntConsumer none = n -> { };
        if (threads == 1) {
            for (int t = 0; t < tasks; t++) {
                int c = t / parts;
                part(models, planes, w, h, rows, coders[t], results, c, t % parts, RowGate.NONE,
                        c == channels - 1 ? work : none);
            }
            return;
        }
        RowGate gate = new RowGate(channels, rows.acrossRows());
        // errors too (out of memory): a part that died without failing the gate would leave the others waiting
        Throwable[] failure = new Throwable[tasks];
        Thread[] workers = new Thread[tasks - 1];
        for (int t = 0; t < tasks; t++) {
            int task = t;
            int c = t / parts;
            Runnable body = () -> {
                try {
                    part(models, planes, w, h, rows, coders[task], results, c, task % parts, gate,
                            c == channels - 1 ? reported : none);
                } catch (Throwable e) {
                    failure[task] = e;
                    gate.fail();
                }
            };
            if (t == tasks - 1) {
                body.run();
            } else {
                workers[t] = new Thread(body, "nwf-pixel-channel-" + c + "-part-" + task % parts);
                workers[t].setDaemon(true);
                workers[t].start();
            }
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while coding a pixel level", e);
            }
        }
        // the first failure is the cause; the parts after it only stopped for it
        for (Throwable e : failure) {
            if (e instanceof RowGate.Stopped) continue;
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof Error err) throw err;
        }
    }

    /** One part of one channel's rows of a level, each once the rows it needs are coded. */
    private static void part(PixelModel[] models, int[][] planes, int w, int h, LevelRows rows, BitCoder coder,
            CrossChannel results, int c, int part, RowGate gate, IntConsumer work) {
        PixelModel model = models[2 * c + part];
        for (int r = rows.firstRow(part); r < rows.endRow(part); r++) {
            gate.awaitRow(c, part, r);
            model.codeRow(planes[c], w, h, rows, r, coder, results);
            gate.rowDone(c, part, r);
            work.accept(rows.pixels(r));
        }
    }

    /**
     * Each channel's two models (part 0: RASTER and ACROSS rows, part 1: DOWN rows; SPEC.md §4.4.2), at index
     * channel * 2 + part: differences of one more bit, and channels 1 and 2 signed, under a colour transform; channels
     * 1 and 2 of 3 or 4 predicted with the correction (SPEC.md §4.4.2); hashed tables of 2^T entries (h5..h7 at most
     * 2^20), 2^T at least twice the part's share of the pixels (a third for part 0, two thirds for part 1;
     * {@link #tableBits}).
     */
    private PixelModel[] models(int channels, int bitDepth, int width, int height) {
        boolean signed = transform != ColourTransform.NONE;
        int max = (1 << bitDepth) - 1;
        long pixels = (long) width * height;
        PixelModel[] models = new PixelModel[2 * channels];
        for (int part = 0; part < 2; part++) {
            int tableBits = finish > 0 ? finishTableBits(pixels, part) : tableBits(pixels, part);
            for (int c = 0; c < channels; c++) {
                int least = signed && (c == 1 || c == 2) ? -max : 0;
                boolean colour = channels >= 3 && (c == 1 || c == 2);
                models[2 * c + part] = new PixelModel(c, part, bitDepth + (signed ? 1 : 0), 1 << (bitDepth - 1),
                        least, max, tableBits, colour, grid, tools);
            }
        }
        return models;
    }

    /** log2 of a part's hashed tables' entries: the least T of 16..21 with 3 * 2^T >= 2 * (part + 1) * pixels. */
    static int tableBits(long pixels, int part) {
        int bits = 16;
        while (bits < MAX_TABLE_BITS && 3 * (1L << bits) < 2 * (part + 1) * pixels) bits++;
        return bits;
    }

    static final int MAX_TABLE_BITS = 21;

    /**
     * With a raster finish, part 0 codes almost every pixel and part 1 only DOWN rows above the finish: the least T
     * of 16..21 with 2^T >= 2 * pixels for part 0, 16 for part 1.
     */
    static int finishTableBits(long pixels, int part) {
        int bits = 16;
        while (part == 0 && bits < MAX_TABLE_BITS && (1L << bits) < 2 * pixels) bits++;
        return bits;
    }

    @Override
    public LevelCoding.Decoder decoder(int channels, int width, int height, int bitDepth) {
        return new Decoder(channels, width, height, bitDepth);
    }

    @Override
    public int[][] upsample(int[][] planes, int width, int height, int bitDepth, int doublings, double temperature,
            java.util.Random random, dev.nwf.codec.transform.Lifting.Filter lowPass) {
        throw new UnsupportedOperationException("pixel levels hold no prior to upsample with");
    }

    private final class Decoder implements LevelCoding.Decoder {
        private final int width;
        private final int height;
        private final int levels;
        private final int[][] full;
        private final PixelModel[] models;
        private final int bitDepth;
        private int done;

        Decoder(int channels, int width, int height, int bitDepth) {
            this.bitDepth = bitDepth;
            this.width = width;
            this.height = height;
            this.levels = sizes(width, height).length;
            this.full = new int[channels][width * height];
            this.models = models(channels, bitDepth, width, height);
        }

        @Override
        public void next(byte[] payload, int start, IntConsumer work) throws CorruptStreamException {
            if (done == levels) throw new IllegalStateException("every level is decoded");
            LevelRows rows = rows(width, height, done, levels);
            int streams = streams(full.length, rows);
            int head = 4 * (streams - 1);
            if (payload.length - start < head) {
                throw new CorruptStreamException("level shorter than its " + head + " bytes of stream lengths",
                        payload.length - start);
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(payload, start, head);
            RansDecoder[] rans = new RansDecoder[streams];
            BitCoder[] coders = new BitCoder[streams];
            int[] offsets = new int[streams];
            long at = start + head;
            for (int c = 0; c < streams; c++) {
                long length = c < streams - 1 ? b.getInt() & 0xFFFFFFFFL : payload.length - at;
                if (at + length > payload.length) {
                    throw new CorruptStreamException("stream " + c + " of " + length
                            + " bytes runs past the level's end", c * 4L);
                }
                offsets[c] = (int) at - start;
                rans[c] = new RansDecoder(payload, (int) at, (int) length);
                coders[c] = new BitCoder.Decoding(rans[c]);
                at += length;
            }
            try {
                run(models, full, width, height, bitDepth, rows, coders, work);
            } catch (PixelModel.OutOfRange e) {
                int stream = streams == 1 ? 0 : e.channel * rows.parts() + e.part;
                throw new CorruptStreamException(e.getMessage(), offsets[stream]);
            }
            for (int c = 0; c < streams; c++) {
                try {
                    rans[c].checkEnd();
                } catch (CorruptStreamException e) {
                    throw new CorruptStreamException("stream " + c + ": " + e.reason(), offsets[c] + e.offset());
                }
            }
            done++;
        }

        @Override
        public long work(int upTo) {
            long n = 0;
            for (int i = 0; i < Math.min(upTo, levels); i++) n += rows(width, height, i, levels).pixels();
            return n;
        }

        @Override
        public int[][] planes() {
            int s = rows(width, height, done - 1, levels).stride;
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
