package dev.nwf.codec;

import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.level.LevelCoding;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.codec.transform.Pyramid;
import dev.nwf.codec.transform.ValueMap;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.LevelInfo;
import dev.nwf.format.NwfFile;
import dev.nwf.format.NwfFormatException;
import dev.nwf.format.NwfHeader;
import dev.nwf.format.NwfStreamReader;
import dev.nwf.format.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.io.InputStream;
import java.util.Objects;

/**
 * The one way to decode: a stream, bytes or a file already read, level by level (SPEC.md §2, §6, §8). Immutable; each
 * {@code with...} gives a decoder that differs in one setting. Levels are counted one way: {@link #droppingFinest}
 * leaves out the finest levels (1 gives half size). A file that ends before the levels asked for is refused as
 * {@code TRUNCATED} unless {@link #allowingPartial} accepts the finest complete level; the decision is made here, for
 * every caller alike.
 */
public final class NwfDecoder {
    private final ModelResolver models;
    private final NetEvaluator evaluator;
    private final ReadOptions options;
    private final int threads;
    private final int dropFinest;
    private final boolean allowPartial;
    private final LevelListener listener;

    private NwfDecoder(ModelResolver models, NetEvaluator evaluator, ReadOptions options, int threads, int dropFinest,
                       boolean allowPartial, LevelListener listener) {
        this.models = models;
        this.evaluator = evaluator;
        this.options = options;
        this.threads = threads;
        this.dropFinest = dropFinest;
        this.allowPartial = allowPartial;
        this.listener = listener;
    }

    /**
     * A decoder that finds each file's model through {@code models}: the pure-Java evaluator, default read limits, one
     * thread per core, the full image, truncated files refused, no listener.
     */
    public static NwfDecoder of(ModelResolver models) {
        return new NwfDecoder(Objects.requireNonNull(models, "models"), ReferenceEvaluator.INSTANCE,
                ReadOptions.DEFAULT, 0, 0, false,
                LevelListener.NONE);
    }

    /** Evaluates the networks on {@code evaluator}; every evaluator gives the same integers, so the same image. */
    public NwfDecoder withEvaluator(NetEvaluator evaluator) {
        return new NwfDecoder(models, Objects.requireNonNull(evaluator, "evaluator"), options, threads, dropFinest,
                allowPartial, listener);
    }

    /** Reads with these limits (largest image). */
    public NwfDecoder withReadOptions(ReadOptions options) {
        return new NwfDecoder(models, evaluator, Objects.requireNonNull(options, "options"), threads, dropFinest,
                allowPartial, listener);
    }

    /** Decodes bands on at most {@code threads} threads (0: one per core); the image is the same with any number. */
    public NwfDecoder withThreads(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (one per core) or more: " + threads);
        return new NwfDecoder(models, evaluator, options, threads, dropFinest, allowPartial, listener);
    }

    /**
     * Leaves out the {@code levels} finest levels: 0 decodes the full image, 1 half its size, and so on; a file has at
     * least one level, which is always decoded.
     */
    public NwfDecoder droppingFinest(int levels) {
        if (levels < 0) throw new IllegalArgumentException("levels to drop must be 0 or more: " + levels);
        return new NwfDecoder(models, evaluator, options, threads, levels, allowPartial, listener);
    }

    /** Whether a file that ends before the levels asked for gives its finest complete level instead of failing. */
    public NwfDecoder allowingPartial(boolean allow) {
        return new NwfDecoder(models, evaluator, options, threads, dropFinest, allow, listener);
    }

    /** Told as each level is decoded, coarsest first (for progressive display and progress bars). */
    public NwfDecoder withListener(LevelListener listener) {
        return new NwfDecoder(models, evaluator, options, threads, dropFinest, allowPartial,
                Objects.requireNonNull(listener, "listener"));
    }

    /** Decodes a file held in memory; as {@link #decode(java.io.InputStream)}. */
    public Decoded decode(byte[] bytes) throws IOException {
        return decode(new ByteArrayInputStream(bytes));
    }

    /**
     * Reads and decodes a stream level by level; a stream cut short gives what arrived whole (see the class). A stream
     * cut after its last level gives the whole image, with a stop reason that says the end chunk is missing.
     */
    public Decoded decode(InputStream in) throws IOException {
        NwfStreamReader reader = NwfContainer.open(in, options);
        NwfHeader h = reader.header();
        Levels d = start(h, reader.levelIndex());
        while (d.done < d.wanted) {
            byte[] payload = reader.nextLevel();
            if (payload == null) break;
            d.next(payload);
        }
        String trailer = null;
        if (d.done == h.levels()) {
            dev.nwf.format.NwfRead rest = reader.readRest();
            // every level is whole, but the file ends early: say so, the image is complete
            if (!rest.complete()) trailer = "every level is complete, but the file is cut before its end chunk: "
                    + rest.stopReason();
        }
        String reason = d.done == h.levels() ? trailer : d.done == d.wanted ? "stopped at level " + d.wanted
                + " as asked"
                : reader.stopReason();
        check(d, reason, reader.verifiedBytes());
        return new Decoded(d.image(), d.done, h.levels(), reason, reader.metadata(), reader.icc(), reader.exif());
    }

    /** Decodes a file already read, whose levels may be fewer than its header declares (a truncated file). */
    public Decoded decode(NwfFile file) throws IOException {
        NwfHeader h = file.header();
        Levels d = start(h, file.levelIndex());
        while (d.done < Math.min(d.wanted, file.levelCount())) d.next(file.level(d.done));
        String reason = d.done == h.levels() ? null : d.done == d.wanted ? "stopped at level " + d.wanted + " as asked"
                : "only " + file.levelCount() + " of " + h.levels() + " levels are present";
        check(d, reason, -1);
        return new Decoded(d.image(), d.done, h.levels(), reason, file.metadata(), file.icc(), file.exif());
    }

    private Levels start(NwfHeader h, List<LevelInfo> index) throws IOException {
        NwfModel model = models.resolve(h.modelId(), h.modelDigest());
        CodingTools tools = CodingTools.parse(h.tools(), h.channels(), h.bitDepth(), model.family());
        NwfCodec codec = new NwfCodec(model, evaluator).withThreads(threads);
        return new Levels(h, index, tools, codec.levelCodingFor(tools), Math.max(1, h.levels() - dropFinest),
                listener);
    }

    /** Refuses a decode that fell short of the levels asked for, unless partial results are allowed. */
    private void check(Levels d, String reason, long verifiedBytes) throws IOException {
        long at = Math.max(0, verifiedBytes);
        if (d.done == 0) throw new NwfFormatException(NwfFormatException.Kind.TRUNCATED, at,
                "no level is complete: " + reason);
        if (d.done < d.wanted && !allowPartial) {
            Image image = d.image();
            throw new NwfFormatException(NwfFormatException.Kind.TRUNCATED, at, "file is truncated: " + reason + "; "
                    + d.done + " of "
                    + d.header.levels() + " levels are complete, a " + image.width() + "x" + image.height() + " image");
        }
    }

    /** Decoding state between levels. */
    private static final class Levels {
        final NwfHeader header;
        private final CodingTools tools;
        private final int[][] sizes;
        private final LevelCoding.Decoder coding;
        private final LevelListener listener;
        /** Levels asked for, and decoded so far. */
        final int wanted;
        int done;
        private long workDone;

        Levels(NwfHeader h, List<LevelInfo> index, CodingTools tools, LevelCoding levelCoding, int wanted,
                LevelListener listener) throws IOException {
            this.header = h;
            this.tools = tools;
            this.wanted = Math.min(wanted, h.levels());
            this.listener = listener;
            this.sizes = levelCoding.sizes(h.width(), h.height());
            if (sizes.length != h.levels()) {
                throw new CorruptLevelException(0, 0, "header declares " + h.levels() + " levels, a " + h.width() + "x"
                        + h.height() + " image has " + sizes.length, null);
            }
            // the container checked the sizes' shape; the tools decide which jump before the finest level they take
            for (int i = 0; i < sizes.length; i++) {
                LevelInfo l = index.get(i);
                if (l.width() != sizes[i][0] || l.height() != sizes[i][1]) {
                    throw new CorruptLevelException(i, 0, "level " + i + " is listed as " + l.width() + "x"
                            + l.height() + ", its tools make it " + sizes[i][0] + "x" + sizes[i][1], null);
                }
            }
            this.coding = levelCoding.decoder(tools.codedChannels(h.channels()), h.width(), h.height(),
                    tools.codedDepth(h.bitDepth()));
        }

        void next(byte[] payload) throws IOException {
            try {
                long total = coding.work(wanted);
                coding.next(payload, 0, units -> {
                    workDone += units;
                    listener.workDone(workDone, total);
                });
            } catch (CorruptStreamException e) {
                throw new CorruptLevelException(done, e.offset(), e.reason(), e);
            }
            done++;
            if (listener.wantsImages()) listener.levelDecoded(done - 1, header.levels(), image());
        }

        Image image() throws CorruptLevelException {
            boolean full = done == header.levels();
            ValueMap map = tools.valueMap;
            try {
                Image coded = Pyramid.toImage(coding.planes(), sizes[done - 1][0], sizes[done - 1][1],
                        tools.codedDepth(header.bitDepth()),
                        tools.colourTransform, !full);
                if (tools.palette != null) return tools.palette.toColours(coded, !full);
                return map == null ? coded : map.toValues(coded, !full);
            } catch (IllegalArgumentException e) {
                throw new CorruptLevelException(done - 1, 0, "decoded samples out of range: " + e.getMessage(), e);
            }
        }
    }
}
