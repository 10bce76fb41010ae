package dev.nwf.codec.level;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.CodingTool;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.TestModels;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.ReadOptions;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatentMeanTest {
    /** Class 1 repeats class 0 at the same block, plus noise: the filter learns to predict it from there. */
    @Test
    void learnsALatentFromTheClassBeforeIt() {
        int nbx = 32;
        int n = nbx * nbx;
        Random r = new Random(4);
        int[][][] res = new int[1][LatentMean.CLASSES][n];
        int[] z0 = new int[n];
        for (int b = 0; b < n; b++) {
            z0[b] = r.nextInt(41) - 20;
            res[0][0][b] = 16 * z0[b];
        }
        LatentMean filter = new LatentMean(1, 8, false);
        double early = 0;
        double late = 0;
        for (int b = 0; b < n; b++) {
            int z = z0[b] + r.nextInt(3) - 1;
            int mean = filter.correct(0, 1, b, nbx, 0, res, null);
            filter.learn(z, mean);
            res[0][1][b] = 16 * z;
            double e = Math.abs(16.0 * z - mean);
            if (b < 64) early += e / 64;
            if (b >= n - 256) late += e / 256;
        }
        // noise of ±1 leaves 16·2/3 on average: the filter comes within a sixteenth of a grey level of that
        assertTrue(late < early / 2 && late < 16, "late error " + late + " vs early " + early);
    }

    /**
     * A latent that is the next block's kept site less the block's own mean, as on a block's right edge: with the kept
     * context the filter learns to predict it, without it it cannot.
     */
    @Test
    void keptContextLearnsFromTheNeighbouringBlocks() {
        int nbx = 32;
        int kw = 2 * nbx;
        Random r = new Random(5);
        int[] kept = new int[kw * kw];
        for (int i = 0; i < kept.length; i++) kept[i] = r.nextInt(200);
        double[] late = new double[2];
        for (int k = 0; k < 2; k++) {
            LatentMean filter = new LatentMean(1, 8, k == 1);
            int[][][] res = new int[1][LatentMean.CLASSES][nbx * nbx];
            for (int b = 0; b < nbx * nbx; b++) {
                int x0 = 2 * (b % nbx);
                int y0 = 2 * (b / nbx);
                int m = Math.floorDiv(kept[y0 * kw + x0] + kept[y0 * kw + x0 + 1] + kept[(y0 + 1) * kw + x0]
                        + kept[(y0 + 1) * kw + x0 + 1], 4);
                int z = kept[y0 * kw + Math.min(kw - 1, x0 + 2)] - m;
                int mean = filter.correct(0, 0, b, nbx, 0, res, kept);
                filter.learn(z, mean);
                res[0][0][b] = 16 * z;
                if (b >= nbx * nbx - 256) late[k] += Math.abs(16.0 * z - mean) / 256;
            }
        }
        assertTrue(late[1] < 16 && late[1] < late[0] / 10, "error with the kept context " + late[1] + ", without "
                + late[0]);
    }

    /** Coded with and without the tool, an rgflow file decodes exactly; with it, a smooth image codes smaller. */
    @Test
    void rgflowFilesRoundTripWithAndWithoutTheTool() throws Exception {
        NwfCodec rgflow = new NwfCodec(TestModels.randomRgFlow(3));
        assertTrue(rgflow.tools().contains(CodingTool.ADAPTIVE_MEAN), "rgflow models support the adaptive mean");
        // the latent levels only: no pixel levels, rows or palette, which a random prior could lose to
        NwfCodec with = rgflow.withTools(EnumSet.of(CodingTool.COLOUR_TRANSFORM, CodingTool.ADAPTIVE_MEAN));
        NwfCodec without = rgflow.withTools(EnumSet.of(CodingTool.COLOUR_TRANSFORM));
        Image img = SyntheticImages.fixedWaves(96, 80, 3, 8, 5);
        long[] sizes = new long[2];
        int k = 0;
        for (NwfCodec codec : new NwfCodec[] {with, without}) {
            byte[] bytes = NwfContainer.toBytes(codec.encode(img));
            sizes[k++] = bytes.length;
            Image back = codec.decoder().decode(NwfContainer.read(bytes, ReadOptions.DEFAULT).file()).image();
            assertTrue(img.sameAs(back));
        }
        assertTrue(sizes[0] < sizes[1], "with the adaptive mean " + sizes[0] + " bytes, without " + sizes[1]);
    }

    /** With every latent tool (bias correction, scale blend, kept context) and each left out, files decode exactly. */
    @Test
    void rgflowFilesRoundTripWithEachLatentTool() throws Exception {
        NwfCodec rgflow = new NwfCodec(TestModels.randomRgFlow(3));
        EnumSet<CodingTool> all = EnumSet.of(CodingTool.COLOUR_TRANSFORM, CodingTool.ADAPTIVE_MEAN,
                CodingTool.BIAS_CORRECTION, CodingTool.SCALE_BLEND, CodingTool.KEPT_CONTEXT);
        Image img = SyntheticImages.fixedWaves(72, 56, 3, 8, 6);
        for (CodingTool left : new CodingTool[] {null, CodingTool.BIAS_CORRECTION, CodingTool.SCALE_BLEND,
                CodingTool.KEPT_CONTEXT}) {
            EnumSet<CodingTool> tools = EnumSet.copyOf(all);
            if (left != null) tools.remove(left);
            NwfCodec codec = rgflow.withTools(tools);
            var file = codec.encode(img);
            assertTrue(NwfCodec.tools(file.header()).tools().equals(tools), "listed " + NwfCodec.tools(file.header())
                    .tools() + ", coded with " + tools);
            byte[] bytes = NwfContainer.toBytes(file);
            Image back = codec.decoder().decode(NwfContainer.read(bytes, ReadOptions.DEFAULT).file()).image();
            assertTrue(img.sameAs(back), "without " + left);
        }
    }
}
