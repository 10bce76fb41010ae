package dev.nwf.codec.nwf;

import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.Family;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;
import dev.nwf.codec.entropy.ResidualCoder;
import dev.nwf.codec.level.BandSchedule;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.nwf.context.AdaptiveMean;
import dev.nwf.codec.nwf.context.BiasCorrection;
import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.nwf.context.FilterErrors;
import dev.nwf.codec.nwf.context.LocalScale;
import dev.nwf.codec.nwf.context.PackedInts;
import dev.nwf.codec.nwf.context.Sample;
import dev.nwf.codec.nwf.context.ScaleBlend;
import dev.nwf.codec.nwf.context.ScaleCalibration;
import dev.nwf.codec.nwf.context.ZeroContext;

/**
 * A detail level (SPEC.md §6.3): for channel 0, then 1.., the HL, LH, HH bands of the split of that channel,
 * each preceded by a 4-bit scale offset the encoder picks for the band, samples in raster order under a
 * discretised logistic with the prior's mean and (offset-corrected) scale. Channels after 0 see channel 0's bands.
 */
public final class DetailCoder {

    private final NetEvaluator eval;
    private final IntNet net;
    private final int bitDepth;
    private final boolean adaptiveContext;
    private final boolean zeroContext;
    private final boolean biasCorrection;
    private final boolean errorFeedback;
    private final boolean scaleBlend;
    /** The image's block grid (SPEC.md §6.3.5), or null. */
    private final BlockGrid grid;
    /** Whether the levels are split with Haar (§4.2): means start at zero and the adaptive mean reads the low-pass. */
    private final boolean haar;
    /** Whether the prior network gives the scales; without it every scale starts at {@link LocalScale#PRIOR_INDEX}. */
    private final boolean network;
    /** Pixels of the image each sample of the current level's bands stands for, along each axis. */
    private int stride;
    /** The image's adaptive context (SPEC.md §6.3.3-6.3.4), created at the first level; null without the feature. */
    private AdaptiveMean adaptive;
    private ScaleCalibration calibration;
    /** The image's adaptive zero probability (SPEC.md §6.3.6); null without the feature. */
    private ZeroContext zero;
    /** The image's bias correction (SPEC.md §6.3.7); null without the feature. */
    private BiasCorrection bias;
    /** The image's learnt local-scale blend (SPEC.md §6.3.9); null without the feature. */
    private ScaleBlend blend;
    /** The mean filter's errors at the level being coded (SPEC.md §6.3.8); null without the error feedback. */
    private FilterErrors filterErrors;
    /** Residuals of the level being coded and of the one before it; null before the first detail level. */
    private LevelResiduals levels;

    DetailCoder(NetEvaluator eval, IntNet net, int bitDepth, DetailContext context) {
        this.eval = eval;
        this.net = net;
        this.bitDepth = bitDepth;
        this.adaptiveContext = context.adaptive();
        this.zeroContext = context.zero();
        this.biasCorrection = context.bias();
        this.errorFeedback = context.feedback();
        this.scaleBlend = context.scaleBlend();
        this.grid = context.grid();
        this.haar = context.haar();
        this.network = context.network();
    }

    /** @param stride pixels of the image each band sample of the coming level stands for (2 at the finest level) */
    DetailCoder atStride(int stride) {
        this.stride = stride;
        return this;
    }

    /**
     * The image's last level is coded: its residuals and filter errors, kept as the next level's context, are let go
     * (at the finest level of an RGB image 18 bytes a pixel, which the inverse transform's planes would otherwise
     * join).
     */
    void imageCoded() {
        levels = null;
        filterErrors = null;
    }

    /** The current level's block-grid classes by column and by row (see {@link BlockGrid#classTables}). */
    private int[] columnClasses;
    private int[] rowClasses;

    private void startLevel(int channels, int w, int h) {
        // the level before's filter errors go first: nothing reads them at this level
        filterErrors = null;
        levels = levels == null ? LevelResiduals.first(channels, w, h, bitDepth) : levels.next(w, h);
        if (errorFeedback) filterErrors = new FilterErrors(channels, w * h, bitDepth);
        if (grid != null) {
            int[][] tables = grid.classTables(w, h, stride);
            columnClasses = tables[0];
            rowClasses = tables[1];
        }
        if (adaptiveContext && adaptive == null) {
            adaptive = new AdaptiveMean(channels, bitDepth, grid != null, haar, errorFeedback);
            // with the bias correction the calibration is also keyed by the mean's class against the scale
            calibration = new ScaleCalibration(channels,
                    3 * BlockGrid.MAX_CLASSES * (biasCorrection ? BiasCorrection.MEAN_CLASSES : 1));
            if (zeroContext) zero = new ZeroContext(channels);
            if (biasCorrection) bias = new BiasCorrection(channels, bitDepth, errorFeedback);
            if (scaleBlend) blend = new ScaleBlend(channels, bitDepth);
        }
    }

    /**
     * Codes a level's bands side by side on {@code workers} threads: with band streams (§6.5) each band's stream is
     * finished as soon as the band is coded, so only the bands in progress hold their queued symbols (4 bytes each:
     * at a 4.9 MP photo's finest level 35 MB for every band at once); without, every band's symbols are appended in
     * coding order into one stream.
     *
     * @param bands       [channel][HL, LH, HH] at the low-pass size; ll [channel]
     * @param bandStreams whether each band gets a stream of its own
     * @param bandCoded   told the sample count of each band once it is coded (for progress)
     * @return each band's stream in coding order, or with one stream only it
     */
    byte[][] encode(int[][] ll, int[][][] bands, int w, int h, boolean bandStreams, int workers,
            java.util.function.IntConsumer bandCoded) {
        RansEncoder[] queued = new RansEncoder[3 * ll.length];
        byte[][] streams = new byte[queued.length][];
        eachBand(ll, bands, w, h, workers, false, band -> {
            // scale indices are below CodingTables.SCALES (72): a byte each
            byte[] local = new byte[band.v.length];
            for (int y = 0; y < h; y++) {
                band.beforeRow(y);
                for (int i = y * w; i < (y + 1) * w; i++) {
                    local[i] = (byte) band.prepare(i);
                    band.coded(i);
                }
                band.afterRow(y);
            }
            RansEncoder enc = new RansEncoder();
            int offset = ScaleOffset.best(Family.LOGISTIC, band.v, band.mean, local);
            ScaleOffset.write(enc, offset);
            for (int i = 0; i < band.v.length; i++) {
                int scale = HighPassPrior.clampScale(local[i] + offset);
                if (band.zero == null) {
                    ResidualCoder.encode(enc, Family.LOGISTIC, scale, band.mean[i], band.v[i]);
                } else {
                    band.at(i);
                    ResidualCoder.encode(enc, Family.LOGISTIC, scale, band.mean[i], band.v[i], band);
                    band.zeroCoded(band.v[i]);
                }
            }
            if (bandStreams) streams[band.k] = enc.finish();
            else queued[band.k] = enc;
            report(bandCoded, band.v.length);
        });
        if (bandStreams) return streams;
        RansEncoder all = new RansEncoder();
        for (int k = 0; k < queued.length; k++) {
            all.append(queued[k]);
            queued[k] = null;
        }
        return new byte[][] {all.finish()};
    }

    /**
     * Decodes a level's bands, band k from {@code streams[k]}: with one stream shared by every band on one thread, with
     * band streams (§6.5) on {@code workers}, each stream checked to end with its band.
     *
     * @return [channel][HL, LH, HH]
     */
    int[][][] decode(RansDecoder[] streams, boolean bandStreams, int workers, int[][] ll, int w, int h,
                     java.util.function.IntConsumer bandDecoded) throws CorruptStreamException {
        int[][][] bands = new int[ll.length][3][w * h];
        eachBand(ll, bands, w, h, bandStreams ? workers : 1, true, band -> {
            RansDecoder dec = streams[band.k];
            int offset = ScaleOffset.read(dec);
            for (int y = 0; y < h; y++) {
                band.beforeRow(y);
                for (int i = y * w; i < (y + 1) * w; i++) {
                    int scale = HighPassPrior.clampScale(band.prepare(i) + offset);
                    if (band.zero == null) {
                        band.v[i] = ResidualCoder.decode(dec, Family.LOGISTIC, scale, band.meanAt(i));
                    } else {
                        band.at(i);
                        band.v[i] = ResidualCoder.decode(dec, Family.LOGISTIC, scale, band.meanAt(i), band);
                        band.zeroCoded(band.v[i]);
                    }
                    band.coded(i);
                }
                band.afterRow(y);
            }
            if (bandStreams) dec.checkEnd();
            report(bandDecoded, band.v.length);
        });
        return bands;
    }

    /** Progress from bands coded side by side, told one at a time. */
    private synchronized void report(java.util.function.IntConsumer progress, int samples) {
        progress.accept(samples);
    }

    /** What the encoder or decoder does with one band, whose samples {@code band.v} it reads or fills. */
    private interface BandStep<E extends Exception> {
        void run(Band band) throws E;
    }

    /**
     * The level's bands in coding order (SPEC.md §6.3): channel 0, then 1.., each HL, LH, HH, with the prior's means
     * and scales, run as a wavefront (§6.5) on {@code workers} threads.
     *
     * @param meanRows whether a band's corrected means need be kept only for the rows its next samples read (the
     *     decoder's: three rows); the encoder keeps them all for its second pass
     */
    private <E extends Exception> void eachBand(int[][] ll, int[][][] bands, int w, int h, int workers,
            boolean meanRows, BandStep<E> step) throws E {
        startLevel(ll.length, w, h);
        ChannelInputs inputs = new ChannelInputs(ll, bands, w, h);
        BandSchedule.run(3 * ll.length, h, workers, (schedule, k) -> {
            int c = k / 3;
            int b = k % 3;
            ChannelInputs.Channel in = inputs.channel(c, schedule);
            // the network was trained on the 5/3's details: with Haar only its scales are used (SPEC.md §6.3)
            HighPassPrior.BandParams params = network ? in.take(b) : null;
            // the network's means before any correction: under Haar all zero (null)
            PackedInts netMean = haar ? null : params.meanFixed();
            // without the network every scale starts at the prior's index (null: no band-sized array of it)
            byte[] scale = network ? params.scaleIndex() : null;
            int[] mean;
            if (meanRows) {
                // rows y-2..y, each filled with the network's means as its turn comes (Band.beforeRow)
                mean = new int[Math.min(w * h, MEAN_ROWS * w)];
            } else {
                // corrected in place; the adaptive mean reads the network's own
                mean = haar ? new int[w * h] : netMean.toInts();
            }
            step.run(new Band(schedule, k, bands[c][b], mean, meanRows, netMean, scale, bands[c],
                    c > 0 ? bands[0] : null, ll[c], in.flat()));
        });
    }

    /**
     * What the bands of one channel share: the prior's means and scales (for channels after 0, computed once channel
     * 0's bands are complete: they are the network's input) and where the low-pass is flat.
     */
    private final class ChannelInputs {
        record Channel(HighPassPrior.BandParams[] params, boolean[] flat) {
            /**
             * Band b's means and scales, handed to its coder once (the only one to ask): the channel no longer holds
             * them, so only the bands in progress do (two band-sized arrays each).
             */
            HighPassPrior.BandParams take(int b) {
                HighPassPrior.BandParams p = params[b];
                params[b] = null;
                return p;
            }
        }

        private final int[][] ll;
        private final int[][][] bands;
        private final int w;
        private final int h;
        /** The network's inputs; null without the network. */
        private final HighPassPrior.LevelInputs levelInputs;
        private final Object inputsLock = new Object();
        private final Channel[] channels;
        private final Object[] locks;
        /** Whether channel 0's bands have been given to the network's inputs (guarded by {@code inputsLock}). */
        private boolean lumaGiven;

        ChannelInputs(int[][] ll, int[][][] bands, int w, int h) {
            this.ll = ll;
            this.bands = bands;
            this.w = w;
            this.h = h;
            this.levelInputs = network ? new HighPassPrior.LevelInputs(ll[0], w * h, bitDepth) : null;
            this.channels = new Channel[ll.length];
            this.locks = new Object[ll.length];
            for (int c = 0; c < ll.length; c++) locks[c] = new Object();
        }

        /**
         * Channel c's inputs, computed by the first of its bands to ask; with the network, after channel 0's bands are
         * complete (waited for before taking the channel's lock, which channel 0's bands may still need).
         */
        Channel channel(int c, BandSchedule schedule) {
            if (network && c > 0) schedule.awaitBand(2);
            synchronized (locks[c]) {
                if (channels[c] == null) {
                    HighPassPrior.BandParams[] params = null;
                    if (network) {
                        HighPassPrior.LevelInputs in;
                        synchronized (inputsLock) {
                            if (c > 0 && !lumaGiven) levelInputs.lumaBands(bands[0]);
                            lumaGiven |= c > 0;
                            in = levelInputs;
                        }
                        params = HighPassPrior.predict(eval, net, in, c, ll[c], w, h, bitDepth);
                    }
                    channels[c] = new Channel(params,
                            zero == null ? null : ZeroContext.flatLowPass(ll[c], w, h));
                }
                return channels[c];
            }
        }
    }

    /**
     * One band being coded: the context stages (SPEC.md §6.3) run on one {@link Sample}, in sample order and in the
     * same order by encoder and decoder: the along-edge mean, the local scale (or its learnt blend), the adaptive mean,
     * the bias correction, the calibration; after the sample, the same stages learn.
     */
    private final class Band implements ResidualCoder.ZeroModel {
        private final BandSchedule schedule;
        /** The band's place in coding order: 3 c + b. */
        final int k;
        private final int b;
        private final int w;
        private final int[] v;
        /**
         * The corrected means: of sample i at {@code i % mean.length} — every sample's, or the last {@value
         * #MEAN_ROWS} rows' (the along-edge mean reads the row above).
         */
        private final int[] mean;
        /** Whether {@link #mean} holds rows only, each filled from {@link #initialMean} as its turn comes. */
        private final boolean rows;
        /** The network's means, which the corrections start from (null: all zero). */
        private final PackedInts initialMean;
        /** The sample being coded, as every stage sees it. */
        private final Sample s;
        /** The image's context stages, each with this band's own per-sample state (each is null without its tool). */
        private final AdaptiveMean adaptive;
        private final BiasCorrection bias;
        private final ScaleBlend blend;
        private final ScaleCalibration calibration;
        final ZeroContext zero;

        Band(BandSchedule schedule, int k, int[] v, int[] mean, boolean rows, PackedInts netMean, byte[] netScale,
                int[][] ownBands, int[][] lumaBands, int[] low, boolean[] flat) {
            this.schedule = schedule;
            this.k = k;
            int c = k / 3;
            this.b = k % 3;
            this.w = levels.width;
            this.v = v;
            this.mean = mean;
            this.rows = rows;
            this.initialMean = netMean;
            this.s = new Sample(c, b, w, levels.height);
            s.levels = levels;
            s.finest = stride == 2;
            s.v = v;
            s.netMean = DetailCoder.this.adaptive == null ? null : netMean;
            s.netScale = netScale;
            s.res = levels.band(c, b);
            s.co = coLocated(c, b);
            s.coExtraCount = (levels.parent != null ? 1 : 0) + (haar ? 1 : 0);
            s.ownBands = ownBands;
            s.lumaBands = lumaBands;
            s.low = low;
            s.errors = filterErrors == null ? null : filterErrors.band(c, b);
            s.coErrors = filterErrors == null ? null : filterErrors.coLocated(c, b);
            s.flat = flat;
            s.leftWeight = leftWeight(b);
            s.upWeight = upWeight(b);
            this.adaptive = DetailCoder.this.adaptive == null ? null : DetailCoder.this.adaptive.forBand();
            this.bias = DetailCoder.this.bias == null ? null : DetailCoder.this.bias.forBand();
            this.zero = DetailCoder.this.zero == null ? null : DetailCoder.this.zero.forBand();
            this.blend = DetailCoder.this.blend == null ? null : DetailCoder.this.blend.forBand();
            this.calibration = DetailCoder.this.calibration == null ? null : DetailCoder.this.calibration.forBand();
        }

        /** Waits until the bands before this one are far enough ahead to code row y (SPEC.md §6.5). */
        void beforeRow(int y) {
            schedule.beforeRow(k, y);
            if (rows) {
                int at = y * w % mean.length;
                if (initialMean == null) java.util.Arrays.fill(mean, at, at + w, 0);
                else initialMean.copyTo(y * w, mean, at, w);
            }
        }

        /** Sample i's corrected mean, once {@link #prepare} has corrected it (and until two rows later). */
        int meanAt(int i) {
            return mean[i % mean.length];
        }

        /** Row y is coded: bands after this one may read it. */
        void afterRow(int y) {
            schedule.afterRow(k, y);
        }

        /**
         * Corrects mean[i] (along the band's edges unless the filter reads its errors, then adaptively) and returns the
         * scale index (local, then calibrated); reads only samples before i.
         */
        int prepare(int i) {
            s.at(i);
            // with the error feedback the filter reads the neighbours' errors itself (SPEC.md §6.3.8)
            int m = i % mean.length;
            if (s.errors == null) mean[m] = alongEdge(i, w, b, v, mean);
            s.coExtra = coExtra();
            if (blend == null) {
                s.local = LocalScale.at(i, w, s.res, s.netScale, s.co, s.coExtra, s.coExtraCount, s.leftWeight,
                        s.upWeight);
            }
            else blend.predict(s);
            if (adaptive == null) return s.local;
            s.mean = mean[m];
            s.gridClass = grid == null ? 0 : rowClasses[s.y] + columnClasses[s.x];
            adaptive.predict(s);
            s.slot = b * BlockGrid.MAX_CLASSES + s.gridClass;
            if (bias != null) bias.predict(s);
            mean[m] = s.mean;
            calibration.predict(s);
            return s.scale;
        }

        /**
         * The co-located magnitudes computed at the current sample rather than held as arrays: the parent level's
         * residual under it and, under Haar, the low-pass slope (SPEC.md §6.3.1).
         */
        private long coExtra() {
            long sum = 0;
            if (levels.parent != null) sum += Math.abs(levels.parentAt(s.c, b, s.x, s.y));
            if (haar) sum += LocalScale.slopeAt(s.low, s.x, s.y, w, levels.height, b);
            return sum;
        }

        /** The sample the zero context is asked about next. */
        void at(int i) {
            if (s.i != i) s.at(i); // the decoder has just prepared this sample; the encoder codes in a later pass
            zero.predict(s);
        }

        /**
         * The frequency the value 0 is coded with at the current sample (SPEC.md §6.3.6); asked where 0 has a symbol of
         * its own.
         */
        @Override
        public int frequency(int tableFreq, int maxFreq) {
            return zero.frequency(s, tableFreq, maxFreq);
        }

        /** The current sample's value is known: the zero context counts it if it was asked. */
        void zeroCoded(int value) {
            s.value = value;
            zero.learn(s);
        }

        /** Sample i's value is known: record its residual and let the context stages learn from it. */
        void coded(int i) {
            int r = LevelResiduals.residual(v[i], mean[i % mean.length]);
            s.res.set(i, r);
            if (adaptive == null) return;
            s.value = v[i];
            s.magnitude = Math.abs(r);
            // the mean filter learns from its own mean, before the bias correction
            adaptive.learn(s);
            if (s.errors != null) s.errors.set(i, FilterErrors.error(v[i], s.filterMean));
            if (bias != null) bias.learn(s);
            calibration.learn(s);
            if (blend != null) blend.learn(s);
        }
    }

    /**
     * Residuals coded at the same positions before band b of channel c (SPEC.md §6.3.1): this channel's earlier bands,
     * then channel 0's same band (for channels > 0), with the zero context the previous channel's same band (for
     * channels > 1; set A 2.0098 → 2.0083 bpsp), then the parent level's same band.
     */
    private PackedInts[] coLocated(int c, int b) {
        java.util.List<PackedInts> all = new java.util.ArrayList<>();
        for (int k = 0; k < b; k++) all.add(levels.band(c, k));
        if (c > 0) all.add(levels.band(0, b));
        if (c > 1 && zeroContext) all.add(levels.band(c - 1, b));
        // the parent level's same band is read sample by sample (Band.coExtra)
        return all.toArray(new PackedInts[0]);
    }

    /** Rows of corrected means the decoder keeps per band: the along-edge mean reads the row above. */
    static final int MEAN_ROWS = 3;

    /** Share (in 1/16) of the along-edge neighbour's residual added to a mean: edges continue across samples. */
    public static final int EDGE_GAIN = 2;

    /**
     * The mean corrected by the residual of the neighbour along the band's edges (SPEC.md §6.3.2): the upper one for
     * HL, the left one for LH; HH is left as predicted.
     */
    private static int alongEdge(int i, int w, int band, int[] v, int[] mean) {
        int n = mean.length;
        int j;
        if (band == 0) j = i >= w ? i - w : -1;
        else if (band == 1) j = i % w > 0 ? i - 1 : -1;
        else return mean[i % n];
        if (j < 0) return mean[i % n];
        long r = 16L * v[j] - mean[j % n];
        return (int) Math.max(-(1L << 30), Math.min(1L << 30, mean[i % n] + ((r * EDGE_GAIN) >> 4)));
    }

    /** HL holds horizontal differences (vertical edges): its upper neighbour is the better guide; LH the reverse. */
    private static int upWeight(int band) {
        return band == 0 ? LocalScale.ALONG : band == 1 ? LocalScale.ACROSS : LocalScale.NEAR;
    }

    private static int leftWeight(int band) {
        return band == 1 ? LocalScale.ALONG : band == 0 ? LocalScale.ACROSS : LocalScale.NEAR;
    }
}
