package dev.nwf.codec.nwf;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;
import dev.nwf.codec.level.BandSchedule;
import dev.nwf.codec.level.BandStreams;
import dev.nwf.codec.level.EncodePhases;
import dev.nwf.codec.level.LevelCoding;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.LevelPlan;
import dev.nwf.codec.transform.Pyramid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The nwf family's levels (SPEC.md §4.3, §6): lifting pyramid, coarse coder, then detail levels under the prior. */
public final class NwfLevels implements LevelCoding {
    private final NetEvaluator eval;
    private final NwfModel model;
    private final DetailContext context;
    /** Log2 of the fewest band samples that get a stream per band (SPEC.md §6.5), or no band streams (negative). */
    private final int bandStreamsLog2;
    /** Threads to code on, 0 for one per core. */
    private final int threads;

    public NwfLevels(NetEvaluator eval, NwfModel model, DetailContext context, int bandStreamsLog2, int threads) {
        this.eval = eval;
        this.model = model;
        this.context = context;
        this.bandStreamsLog2 = bandStreamsLog2;
        this.threads = threads;
    }

    /** Pixels of the image that each band sample of detail level {@code level} of {@code levels} stands for. */
    static int stride(int level, int levels) {
        return 1 << Math.min(30, levels - level);
    }

    /**
     * Whether any detail level of an image with these level sizes holds band streams from 2^log2 samples (SPEC.md
     * §6.5).
     */
    public static boolean holdsBandStreams(int[][] sizes, int log2) {
        for (int level = 1; level < sizes.length; level++) {
            if (BandStreams.apply(sizes[level - 1], log2)) return true;
        }
        return false;
    }

    /** Whether the detail level whose bands have this {width, height} holds band streams in this coding. */
    private boolean splits(int[] bandSize) {
        return bandStreamsLog2 >= 0 && BandStreams.apply(bandSize, bandStreamsLog2);
    }

    @Override
    public int[][] sizes(int width, int height) {
        return LevelPlan.sizes(width, height);
    }

    /**
     * With several transforms, each codes the levels below the finest (all levels when there are fewer than
     * {@value #MIN_LEVELS_FOR_PARTIAL_TRIAL}), and the finest is coded only under the winner, which continues where its
     * trial stopped. The first transform wins unless another's trial is smaller by more than
     * {@value #TRIAL_MARGIN_PER_MILLE} per mille: on set A the transforms' difference at the finest level exceeded the
     * coarse levels' by 1 % or more in favour of subtract green, listed first.
     */
    @Override
    public Encoded encode(Image image, List<ColourTransform> transforms, NwfCodec.EncodeProgress progress) {
        int levels = LevelPlan.sizes(image.width(), image.height()).length;
        boolean partial = levels >= MIN_LEVELS_FOR_PARTIAL_TRIAL;
        int trialLevels = transforms.size() == 1 ? 0 : partial ? levels - 1 : levels;
        // every transform codes the trial levels, the winner the rest
        Work work = new Work(progress, detailSamples(image, trialLevels) * transforms.size()
                + detailSamples(image, levels) - detailSamples(image, trialLevels));
        List<LevelEncoder> trials = new ArrayList<>();
        // a trial that stops below the finest level keeps none of its bands: the winner splits the image again
        for (ColourTransform t : transforms) trials.add(new LevelEncoder(image, t, work,
                transforms.size() > 1 && trialLevels < levels));
        if (trials.size() > 1) {
            codeSideBySide(trials, trialLevels);
            LevelEncoder best = trials.get(0);
            long margin = partial ? TRIAL_MARGIN_PER_MILLE : 0;
            for (LevelEncoder e : trials) if (e.bytes() * 1000 < best.bytes() * (1000 - margin)) best = e;
            trials = List.of(best);
        }
        LevelEncoder chosen = trials.get(0);
        for (int level = 0; level < chosen.coded(); level++) progress.levelCoded(level, levels);
        while (chosen.coded() < levels) progress.levelCoded(chosen.next(), levels);
        return new Encoded(chosen.transform, chosen.payloads);
    }

    /**
     * Codes the first {@code levels} levels of every trial side by side: each has a coder of its own, so the bytes do
     * not depend on the order (set A's encoding spent a fifth of its time on the second transform's trial, one core
     * idle).
     */
    private void codeSideBySide(List<LevelEncoder> trials, int levels) {
        List<java.util.function.Supplier<Integer>> tasks = new ArrayList<>();
        for (LevelEncoder e : trials) tasks.add(() -> e.codeTo(levels));
        EncodePhases.sideBySide(tasks, threads);
    }

    /** Below this many levels every transform codes the whole image in the trial. */
    static final int MIN_LEVELS_FOR_PARTIAL_TRIAL = 3;
    /** How much smaller (per mille) another transform's trial must be to win over the first. */
    static final int TRIAL_MARGIN_PER_MILLE = 3;

    /** Detail samples of an image's first {@code levels} levels (the coarsest image is not counted). */
    private static long detailSamples(Image image, int levels) {
        int[][] sizes = LevelPlan.sizes(image.width(), image.height());
        long n = 0;
        for (int level = 1; level < levels; level++) n += 3L * image.channels() * sizes[level - 1][0]
                * sizes[level - 1][1];
        return n;
    }

    /** Samples coded so far, told to the progress listener band by band (by trials running side by side, too). */
    private static final class Work implements java.util.function.IntConsumer {
        private final NwfCodec.EncodeProgress progress;
        private final long total;
        private long done;

        Work(NwfCodec.EncodeProgress progress, long total) {
            this.progress = progress;
            this.total = total;
        }

        @Override
        public synchronized void accept(int samples) {
            done += samples;
            progress.workDone(done, total);
        }
    }

    /** Codes one transform's levels one at a time, coarsest first; the detail coder's state carries over. */
    private final class LevelEncoder {
        final ColourTransform transform;
        final List<byte[]> payloads = new ArrayList<>();
        private final Image image;
        /** The levels still to code; coded levels are let go. */
        private Pyramid pyr;
        private final DetailCoder detail;
        private final RansEncoder enc = new RansEncoder();
        private final Work work;
        private long bytes;

        /** @param finestBandsLater whether the finest level's bands are left out until that level is coded */
        LevelEncoder(Image image, ColourTransform transform, Work work, boolean finestBandsLater) {
            this.image = image;
            this.transform = transform;
            this.work = work;
            this.pyr = finestBandsLater ? Pyramid.buildWithoutFinestBands(image, transform, context.filter())
                    : Pyramid.build(image, transform, context.filter());
            this.detail = new DetailCoder(eval, model.prior(), image.bitDepth(), context);
        }

        int coded() {
            return payloads.size();
        }

        long bytes() {
            return bytes;
        }

        /** Codes the levels up to {@code levels}; returns how many are coded. */
        int codeTo(int levels) {
            while (coded() < levels) next();
            return coded();
        }

        /** Codes the next level; returns its index. */
        int next() {
            int level = payloads.size();
            byte[] payload;
            if (level == 0) {
                CoarseCoder.encode(enc, pyr.coarsest, pyr.sizes[0][0], pyr.sizes[0][1]);
                payload = enc.finish();
            } else {
                if (pyr.bands[level] == null) pyr = Pyramid.finestLevel(image, transform, context.filter());
                // the bands are coded side by side in either layout: without band streams their symbols go into one
                // stream
                boolean split = splits(pyr.sizes[level - 1]);
                byte[][] streams = detail.atStride(stride(level, pyr.sizes.length)).encode(pyr.lows[level],
                        pyr.bands[level], pyr.sizes[level - 1][0], pyr.sizes[level - 1][1], split,
                        BandSchedule.workers(3 * pyr.lows[level].length, threads), work);
                payload = split ? BandStreams.join(List.of(streams)) : streams[0];
                if (level == pyr.sizes.length - 1) detail.imageCoded();
            }
            pyr.release(level);
            payloads.add(payload);
            bytes += payload.length;
            return level;
        }
    }

    @Override
    public Decoder decoder(int channels, int width, int height, int bitDepth) {
        int[][] sizes = sizes(width, height);
        DetailCoder detail = new DetailCoder(eval, model.prior(), bitDepth, context);
        return new Decoder() {
            private int[][] planes;
            private int level;

            @Override
            public void next(byte[] payload, int start,
                    java.util.function.IntConsumer work) throws CorruptStreamException {
                if (level == 0) {
                    RansDecoder dec = new RansDecoder(payload, start, payload.length - start);
                    planes = CoarseCoder.decode(dec, channels, sizes[0][0], sizes[0][1]);
                    dec.checkEnd();
                    work.accept(channels * sizes[0][0] * sizes[0][1]);
                } else {
                    int n = 3 * channels;
                    boolean split = splits(sizes[level - 1]);
                    RansDecoder[] streams;
                    if (split) {
                        streams = BandStreams.split(payload, start, n);
                    } else {
                        streams = new RansDecoder[n];
                        Arrays.fill(streams, new RansDecoder(payload, start, payload.length - start));
                    }
                    int[][][] bands = detail.atStride(stride(level, sizes.length)).decode(streams, split,
                            BandSchedule.workers(n, threads),
                            planes, sizes[level - 1][0], sizes[level - 1][1], work);
                    if (!split) streams[0].checkEnd();
                    if (level == sizes.length - 1) detail.imageCoded();
                    planes = Pyramid.merge(planes, bands, sizes[level][0], sizes[level][1], context.filter());
                }
                level++;
            }

            @Override
            public long work(int levels) {
                // level 0's samples, then three bands at the previous level's size per channel
                long samples = (long) sizes[0][0] * sizes[0][1];
                for (int l = 1; l < Math.min(levels, sizes.length); l++) samples += 3L * sizes[l - 1][0]
                        * sizes[l - 1][1];
                return channels * samples;
            }

            @Override
            public int[][] planes() {
                return planes;
            }
        };
    }

    @Override
    public int[][] upsample(int[][] planes, int width, int height, int bitDepth, int doublings, double temperature,
            java.util.Random random, dev.nwf.codec.transform.Lifting.Filter lowPass) {
        return Upsampler.upsample(eval, model, planes, width, height, bitDepth, doublings, temperature, random,
                lowPass);
    }
}
