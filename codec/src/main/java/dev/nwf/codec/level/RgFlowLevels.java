package dev.nwf.codec.level;

import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.entropy.CodingTables;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.Family;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;
import dev.nwf.codec.entropy.ResidualCoder;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.nwf.CoarseCoder;
import dev.nwf.codec.nwf.HighPassPrior;
import dev.nwf.codec.nwf.LevelResiduals;
import dev.nwf.codec.nwf.ScaleOffset;
import dev.nwf.codec.nwf.context.BiasCorrection;
import dev.nwf.codec.nwf.context.LocalScale;
import dev.nwf.codec.nwf.context.PackedInts;
import dev.nwf.codec.nwf.context.Sample;
import dev.nwf.codec.nwf.context.ScaleBlend;
import dev.nwf.codec.nwf.context.ScaleCalibration;
import dev.nwf.codec.nwf.context.ZeroContext;
import dev.nwf.codec.rgflow.RgFlow;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.Pyramid;
import java.util.ArrayList;
import java.util.List;

/**
 * The rgflow family's levels (SPEC.md §8): planes padded to the plan's size, RG steps down to the coarsest grid
 * (coded like nwf's level 0), then per step, coarsest first, each channel's latents: a 4-bit scale offset the
 * encoder picks, then the 12 latent sites in {@link RgFlow#LATENT} order, blocks in raster order, each under a
 * discretised Laplace with the prior network's mean and scale index plus the offset.
 */
public final class RgFlowLevels implements LevelCoding {
    /**
     * Above this many pixels the colour transforms are tried on the image's 2×2 averages (set P: the same choices as on
     * the images themselves), at a quarter of the cost.
     */
    static final long WHOLE_TRIAL_PIXELS = 1L << 18;
    private final NetEvaluator eval;
    private final List<IntNet> nets;
    private final LatentTools tools;

    /**
     * The context tools of an rgflow file's latents (SPEC.md §8.3): the adaptive mean and scale calibration, and,
     * through it, the zero context, the bias correction, the scale blend and the kept grid as the mean filter's
     * features.
     */
    public record LatentTools(boolean adaptiveMean, boolean zeroContext, boolean biasCorrection, boolean scaleBlend,
            boolean keptContext) {
    }

    public RgFlowLevels(NetEvaluator eval, NwfModel model, LatentTools tools) {
        this.eval = eval;
        this.nets = model.nets();
        this.tools = tools;
    }

    @Override
    public int[][] sizes(int width, int height) {
        return RgFlow.plan(width, height).visible();
    }

    @Override
    public Encoded encode(Image image, List<ColourTransform> transforms, NwfCodec.EncodeProgress progress) {
        if (transforms.size() == 1) return encode(image, transforms.get(0), progress);
        // the transform whose planes code smallest: a small image is coded whole under each and the smallest kept, a
        // large one tried on its 2x2 averages, then coded under the winner
        boolean whole = image.pixels() <= WHOLE_TRIAL_PIXELS;
        Image trial = whole ? image : ImageOps.shrink(image, 2);
        Encoded best = null;
        long bestBytes = Long.MAX_VALUE;
        for (ColourTransform t : transforms) {
            Encoded e = encode(trial, t, (level, total) -> { });
            long bytes = e.payloads().stream().mapToLong(level -> level.length).sum();
            if (bytes < bestBytes) {
                bestBytes = bytes;
                best = e;
            }
        }
        if (!whole) return encode(image, best.transform(), progress);
        // the kept coding's progress, told now (a small image codes in well under a second)
        int levels = best.payloads().size();
        for (int k = 0; k < levels; k++) {
            progress.levelCoded(k, levels);
            progress.workDone(k + 1, levels);
        }
        return best;
    }

    private Encoded encode(Image image, ColourTransform transform, NwfCodec.EncodeProgress progress) {
        return new Encoded(transform, encode(Pyramid.transformedPlanes(image, transform), image.width(), image.height(),
                image.bitDepth(), progress));
    }

    private List<byte[]> encode(int[][] planes, int width, int height, int bitDepth, NwfCodec.EncodeProgress progress) {
        RgFlow.Plan plan = RgFlow.plan(width, height);
        int steps = plan.steps();
        int channels = planes.length;
        // grids[i][c]: the grid entering step i (grids[steps] is the coarsest); latents[i][c]
        int[][][] grids = new int[steps + 1][channels][];
        int[][][][] latents = new int[steps][channels][][];
        for (int c = 0; c < channels; c++) grids[0][c] = RgFlow.pad(planes[c], width, height, plan.paddedWidth(),
                plan.paddedHeight());
        for (int i = 0; i < steps; i++) {
            for (int c = 0; c < channels; c++) {
                RgFlow.Split s = RgFlow.forward(eval, nets, grids[i][c], plan.paddedWidth() >> i,
                        plan.paddedHeight() >> i, bitDepth);
                grids[i + 1][c] = s.kept();
                latents[i][c] = s.latents();
            }
        }
        List<byte[]> payloads = new ArrayList<>(steps + 1);
        LatentState state = new LatentState(tools, channels, bitDepth);
        RansEncoder enc = new RansEncoder();
        CoarseCoder.encode(enc, grids[steps], plan.paddedWidth() >> steps, plan.paddedHeight() >> steps);
        payloads.add(enc.finish());
        progress.levelCoded(0, steps + 1);
        progress.workDone(1, steps + 1);
        for (int i = steps - 1; i >= 0; i--) {
            int kw = plan.paddedWidth() >> (i + 1);
            int kh = plan.paddedHeight() >> (i + 1);
            int[][] lumaMags = null;
            int[][] lumaZ = null;
            int[][][] res = new int[channels][][];
            for (int c = 0; c < channels; c++) {
                RgFlow.LatentPrior p = RgFlow.prior(eval, nets.get(RgFlow.PRIOR_NET), grids[i + 1][c], kw, kh, bitDepth,
                        c > 0);
                int[][] z = latents[i][c];
                LatentContext ctx = new LatentContext(p, c, kw / 2, lumaMags, res, state, grids[i + 1][c], i == 0);
                int[][] local = new int[z.length][z[0].length];
                int[][] mean = new int[z.length][z[0].length];
                for (int j = 0; j < z.length; j++) {
                    ctx.startClass(j);
                    for (int b = 0; b < z[j].length; b++) {
                        local[j][b] = ctx.prepare(b);
                        mean[j][b] = ctx.mean();
                        ctx.coded(b, z[j][b]);
                    }
                }
                if (c == 0) lumaMags = ctx.mags;
                int offset = ScaleOffset.best(Family.LAPLACE, flat(z), flat(mean), flat(local));
                ScaleOffset.write(enc, offset);
                // the zero context counts in coding order, under the offset's tables: here, not in the pass above
                LatentZeros zeros = LatentZeros.of(state, c, kw, z, lumaZ, grids[i + 1][c], i == 0);
                for (int j = 0; j < z.length; j++) {
                    if (zeros != null) zeros.startClass(j);
                    for (int b = 0; b < z[j].length; b++) {
                        int scale = HighPassPrior.clampScale(local[j][b] + offset);
                        if (zeros == null) {
                            ResidualCoder.encode(enc, Family.LAPLACE, scale, mean[j][b], z[j][b]);
                            continue;
                        }
                        zeros.at(b);
                        ResidualCoder.encode(enc, Family.LAPLACE, scale, mean[j][b], z[j][b], zeros);
                        zeros.coded(z[j][b]);
                    }
                }
                if (c == 0) lumaZ = z;
            }
            payloads.add(enc.finish());
            progress.levelCoded(steps - i, steps + 1);
            progress.workDone(steps - i + 1, steps + 1);
        }
        return payloads;
    }

    @Override
    public Decoder decoder(int channels, int width, int height, int bitDepth) {
        RgFlow.Plan plan = RgFlow.plan(width, height);
        return new Decoder() {
            private int[][] grids = new int[channels][];
            private int[][] visible;
            private int level;
            private final LatentState state = new LatentState(tools, channels, bitDepth);

            @Override
            public void next(byte[] payload, int start,
                    java.util.function.IntConsumer work) throws CorruptStreamException {
                RansDecoder dec = new RansDecoder(payload, start, payload.length - start);
                int i = plan.steps() - level; // grids are currently the output of step i (input of step i-1)
                if (level == 0) {
                    grids = CoarseCoder.decode(dec, channels, plan.paddedWidth() >> i, plan.paddedHeight() >> i);
                } else {
                    int kw = plan.paddedWidth() >> (i + 1);
                    int kh = plan.paddedHeight() >> (i + 1);
                    int[][] lumaMags = null;
                    int[][] lumaZ = null;
                    int[][][] res = new int[channels][][];
                    for (int c = 0; c < channels; c++) {
                        RgFlow.LatentPrior p = RgFlow.prior(eval, nets.get(RgFlow.PRIOR_NET), grids[c], kw, kh,
                                bitDepth, c > 0);
                        int offset = ScaleOffset.read(dec);
                        int[][] z = new int[p.mean().length][p.mean()[0].length];
                        LatentContext ctx = new LatentContext(p, c, kw / 2, lumaMags, res, state, grids[c], i == 0);
                        LatentZeros zeros = LatentZeros.of(state, c, kw, z, lumaZ, grids[c], i == 0);
                        for (int j = 0; j < z.length; j++) {
                            ctx.startClass(j);
                            if (zeros != null) zeros.startClass(j);
                            for (int b = 0; b < z[j].length; b++) {
                                int scale = HighPassPrior.clampScale(ctx.prepare(b) + offset);
                                if (zeros == null) {
                                    z[j][b] = ResidualCoder.decode(dec, Family.LAPLACE, scale, ctx.mean());
                                } else {
                                    zeros.at(b);
                                    z[j][b] = ResidualCoder.decode(dec, Family.LAPLACE, scale, ctx.mean(), zeros);
                                    zeros.coded(z[j][b]);
                                }
                                ctx.coded(b, z[j][b]);
                            }
                        }
                        if (c == 0) {
                            lumaMags = ctx.mags;
                            lumaZ = z;
                        }
                        grids[c] = RgFlow.inverse(eval, nets, grids[c], z, 2 * kw, 2 * kh, bitDepth);
                    }
                }
                dec.checkEnd();
                int[] size = plan.visible()[level];
                int gw = plan.paddedWidth() >> (plan.steps() - level);
                visible = new int[channels][];
                for (int c = 0; c < channels; c++) visible[c] = RgFlow.crop(grids[c], gw, size[0], size[1]);
                level++;
                work.accept(1);
            }

            @Override
            public long work(int levels) {
                return Math.min(levels, plan.steps() + 1);
            }

            @Override
            public int[][] planes() {
                return visible;
            }
        };
    }

    /**
     * What the latent context learns inside an image, level after level (SPEC.md §8.3): each part null where its tool
     * is not listed.
     */
    private static final class LatentState {
        final LatentMean meanFilter;
        final ScaleCalibration calib;
        final BiasCorrection bias;
        final ScaleBlend blend;
        final ZeroContext zeros;

        LatentState(LatentTools tools, int channels, int bitDepth) {
            boolean adaptive = tools.adaptiveMean();
            zeros = adaptive && tools.zeroContext() ? new ZeroContext(channels, LatentMean.CLASSES) : null;
            meanFilter = adaptive ? new LatentMean(channels, bitDepth, tools.keptContext()) : null;
            // with the bias correction, a calibration slot per class and class of mean against scale
            calib = adaptive ? new ScaleCalibration(channels, LatentMean.CLASSES * BiasCorrection.MEAN_CLASSES) : null;
            bias = adaptive && tools.biasCorrection()
                    ? new BiasCorrection(channels, LatentMean.CLASSES, bitDepth, false) : null;
            blend = adaptive && tools.scaleBlend() ? new ScaleBlend(channels, LatentMean.CLASSES, bitDepth) : null;
        }
    }

    /**
     * The per-latent context step shared by encoder and decoder (SPEC.md §8.3): the local scale of §6.3.1 on the block
     * grid, from the magnitudes coded so far in this latent class, this channel's earlier classes and, for channels
     * after 0, channel 0's same class (its blend learnt with the scale blend); with the adaptive mean, the mean
     * corrected (then bias-corrected) and the scale calibrated online.
     */
    private static final class LatentContext {
        private final RgFlow.LatentPrior prior;
        private final int c;
        private final int nbx;
        private final int[][] lumaMags;
        /** The level's residuals 16·z − prior mean per channel and class, which the filter reads. */
        private final int[][][] res;
        private final LatentState state;
        /** This channel's kept grid, which the step's latents are coded after. */
        private final int[] kept;
        /** Whether these are the finest level's latents (a bias-correction context bit). */
        private final boolean finest;
        /**
         * The latent being coded: its local index before calibration, its mean after and before the bias correction,
         * its calibration slot.
         */
        private int rawLocal;
        private int mean;
        private int filterMean;
        private int slot;
        /** Residual magnitudes per latent class, filled as samples are coded. */
        final int[][] mags;
        /** The latent class being coded as the local scale sees it: its magnitudes, co-located ones, prior's scales. */
        private Sample sample;
        private int j;

        LatentContext(RgFlow.LatentPrior prior, int c, int nbx, int[][] lumaMags, int[][][] res, LatentState state,
                int[] kept, boolean finest) {
            this.prior = prior;
            this.c = c;
            this.nbx = nbx;
            this.lumaMags = lumaMags;
            this.mags = new int[prior.mean().length][];
            this.res = res;
            this.state = state;
            this.kept = kept;
            this.finest = finest;
            if (state.meanFilter != null) res[c] = new int[prior.mean().length][prior.mean()[0].length];
        }

        void startClass(int j) {
            this.j = j;
            List<PackedInts> c = new ArrayList<>();
            for (int k = 0; k < j; k++) c.add(PackedInts.of(mags[k]));
            if (lumaMags != null) c.add(PackedInts.of(lumaMags[j]));
            mags[j] = new int[prior.mean()[j].length];
            int[] scale = prior.scale()[j];
            byte[] ownScale = new byte[scale.length];
            for (int i = 0; i < scale.length; i++) ownScale[i] = (byte) scale[i];
            sample = new Sample(this.c, j, nbx, scale.length / nbx);
            sample.res = PackedInts.of(mags[j]);
            sample.netScale = ownScale;
            sample.co = c.toArray(new PackedInts[0]);
            sample.leftWeight = LocalScale.NEAR;
            sample.upWeight = LocalScale.NEAR;
        }

        /** Latent b's scale index before the level's offset (calibrated with the adaptive mean); sets its mean. */
        int prepare(int b) {
            Sample s = sample;
            s.at(b);
            rawLocal = state.blend != null ? state.blend.at(s)
                    : LocalScale.at(b, nbx, s.res, s.netScale, s.co, s.leftWeight, s.upWeight);
            int priorMean = prior.mean()[j][b];
            if (state.meanFilter == null) {
                mean = priorMean;
                return rawLocal;
            }
            mean = state.meanFilter.correct(c, j, b, nbx, priorMean, res, kept);
            filterMean = mean;
            slot = j;
            if (state.bias != null) {
                int[] own = res[c][j];
                int ctx = state.bias.contextAtDepth(rawLocal, mean, s.x > 0 ? own[b - 1] : 0,
                        b >= nbx ? own[b - nbx] : 0, finest, 0);
                mean = state.bias.correct(c, j, ctx, mean);
                slot = j * BiasCorrection.MEAN_CLASSES
                        + BiasCorrection.meanAgainstScale(mean, LocalScale.mad(rawLocal));
            }
            return state.calib.calibrated(c, slot, rawLocal);
        }

        /** The mean latent b is coded with, once {@link #prepare} has set it. */
        int mean() {
            return mean;
        }

        /** Latent b, prepared last, is z: the context learns, its magnitude is recorded. */
        void coded(int b, int z) {
            int magnitude = LocalScale.magnitude(z, mean);
            mags[j][b] = magnitude;
            if (state.blend != null) state.blend.learn(magnitude);
            if (state.meanFilter == null) return;
            state.meanFilter.learn(z, filterMean);
            if (state.bias != null) state.bias.learn(LevelResiduals.residual(z, filterMean));
            res[c][j][b] = LevelResiduals.residual(z, prior.mean()[j][b]);
            state.calib.record(c, slot, rawLocal, magnitude);
        }
    }

    /**
     * The zero context's view of one channel's latents at one step (SPEC.md §8.3): a latent class as §6.3.6's band,
     * the pattern read from the class's left and upper latents, the class before and class 0 in the same block,
     * channel 0's same latent, and whether the block's four kept sites are equal.
     */
    private static final class LatentZeros implements ResidualCoder.ZeroModel {
        private final ZeroContext zero;
        private final int c;
        private final int nbx;
        private final int[][] z;
        private final int[][] lumaZ;
        private final boolean[] flat;
        private final boolean finest;
        private Sample s;

        private LatentZeros(ZeroContext zero, int c, int nbx, int[][] z, int[][] lumaZ, boolean[] flat,
                boolean finest) {
            this.zero = zero;
            this.c = c;
            this.nbx = nbx;
            this.z = z;
            this.lumaZ = lumaZ;
            this.flat = flat;
            this.finest = finest;
        }

        /** Null without the zero context; {@code kept} is the step's kept grid, {@code kw} sites wide. */
        static LatentZeros of(LatentState state, int c, int kw, int[][] z, int[][] lumaZ, int[] kept, boolean finest) {
            if (state.zeros == null) return null;
            int nbx = kw / 2;
            boolean[] flat = new boolean[z[0].length];
            for (int b = 0; b < flat.length; b++) {
                int k = 2 * (b / nbx) * kw + 2 * (b % nbx);
                int v = kept[k];
                flat[b] = kept[k + 1] == v && kept[k + kw] == v && kept[k + kw + 1] == v;
            }
            return new LatentZeros(state.zeros, c, nbx, z, lumaZ, flat, finest);
        }

        void startClass(int j) {
            s = new Sample(c, j, nbx, z[j].length / nbx);
            s.v = z[j];
            s.ownBands = z;
            s.lumaBands = lumaZ;
            s.flat = flat;
            s.finest = finest;
        }

        /** Latent b of the class is coded next. */
        void at(int b) {
            s.at(b);
            zero.predict(s);
        }

        @Override
        public int frequency(int tableFreq, int maxFreq) {
            return zero.frequency(s, tableFreq, maxFreq);
        }

        /** The latent asked about is {@code value}. */
        void coded(int value) {
            s.value = value;
            zero.learn(s);
        }
    }

    /** The rows of {@code a} one after another (the coding order of a level's latents). */
    private static int[] flat(int[][] a) {
        int[] out = new int[a.length * a[0].length];
        for (int j = 0; j < a.length; j++) System.arraycopy(a[j], 0, out, j * a[0].length, a[0].length);
        return out;
    }

    /**
     * Upsampling (SPEC.md §8.4): the image is taken as a kept grid (padded to even sides); each doubling draws the
     * latents from the prior — its mean at temperature 0, else a Laplace sample with the scale times the temperature —
     * and runs the inverse RG step.
     */
    @Override
    public int[][] upsample(int[][] planes, int w, int h, int bitDepth, int doublings, double temperature,
            java.util.Random r, dev.nwf.codec.transform.Lifting.Filter lowPass) {
        for (int d = 0; d < doublings; d++) {
            int kw = w + (w & 1);
            int kh = h + (h & 1);
            for (int c = 0; c < planes.length; c++) {
                int[] kept = RgFlow.pad(planes[c], w, h, kw, kh);
                RgFlow.LatentPrior p = RgFlow.prior(eval, nets.get(RgFlow.PRIOR_NET), kept, kw, kh, bitDepth, c > 0);
                int[][] z = new int[p.mean().length][p.mean()[0].length];
                for (int j = 0; j < z.length; j++) {
                    for (int b = 0; b < z[j].length; b++) {
                        double noise = 0;
                        if (temperature > 0) {
                            double u = r.nextDouble() - 0.5;
                            noise = -temperature * CodingTables.scale(p.scale()[j][b]) * Math.signum(u)
                                    * Math.log(1 - 2 * Math.abs(u) + 1e-300);
                        }
                        z[j][b] = (int) Math.round(p.mean()[j][b] / (double) CodingTables.MEAN_FRACTIONS + noise);
                    }
                }
                planes[c] = RgFlow.crop(RgFlow.inverse(eval, nets, kept, z, 2 * kw, 2 * kh, bitDepth), 2 * kw, 2 * w,
                        2 * h);
            }
            w *= 2;
            h *= 2;
        }
        return planes;
    }
}
