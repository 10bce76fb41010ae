package dev.nwf.codec;

import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;
import dev.nwf.codec.net.NetEvaluator;
import java.util.ArrayList;
import java.util.List;

/** The nwf family's levels (SPEC.md §4.3, §6): 5/3 lifting pyramid, coarse coder, then detail levels under the prior. */
final class NwfLevels implements LevelCoding {
    private final NetEvaluator eval;
    private final NwfModel model;
    private final boolean adaptiveContext;

    /** @param adaptiveContext whether detail levels adapt the prior's means and scales online (SPEC.md §6.3.3-6.3.4) */
    NwfLevels(NetEvaluator eval, NwfModel model, boolean adaptiveContext) {
        this.eval = eval;
        this.model = model;
        this.adaptiveContext = adaptiveContext;
    }

    @Override
    public int[][] sizes(int width, int height) {
        return LevelPlan.sizes(width, height);
    }

    @Override
    public List<byte[]> encode(int[][] planes, int width, int height, int bitDepth, NwfCodec.EncodeProgress progress) {
        Pyramid pyr = Pyramid.build(planes, width, height);
        int levels = pyr.sizes.length;
        List<byte[]> payloads = new ArrayList<>(levels);
        RansEncoder enc = new RansEncoder();
        CoarseCoder.encode(enc, pyr.coarsest, pyr.sizes[0][0], pyr.sizes[0][1]);
        payloads.add(enc.finish());
        progress.levelCoded(0, levels);
        DetailCoder detail = new DetailCoder(eval, model.prior(), bitDepth, adaptiveContext);
        for (int level = 1; level < levels; level++) {
            detail.encode(enc, pyr.lows[level], pyr.bands[level], pyr.sizes[level - 1][0], pyr.sizes[level - 1][1]);
            payloads.add(enc.finish());
            progress.levelCoded(level, levels);
        }
        return payloads;
    }

    @Override
    public Decoder decoder(int channels, int width, int height, int bitDepth) {
        int[][] sizes = sizes(width, height);
        DetailCoder detail = new DetailCoder(eval, model.prior(), bitDepth, adaptiveContext);
        return new Decoder() {
            private int[][] planes;
            private int level;

            @Override
            public void next(RansDecoder dec) throws CorruptStreamException {
                if (level == 0) {
                    planes = CoarseCoder.decode(dec, channels, sizes[0][0], sizes[0][1]);
                } else {
                    int[][][] bands = detail.decode(dec, planes, sizes[level - 1][0], sizes[level - 1][1]);
                    planes = Pyramid.merge(planes, bands, sizes[level][0], sizes[level][1]);
                }
                level++;
            }

            @Override
            public int[][] planes() {
                return planes;
            }
        };
    }

    @Override
    public int[][] upsample(int[][] planes, int width, int height, int bitDepth, int doublings, double temperature, java.util.Random random) {
        return Upsampler.upsample(eval, model, planes, width, height, bitDepth, doublings, temperature, random);
    }
}
