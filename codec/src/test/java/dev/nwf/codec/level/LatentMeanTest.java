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
        LatentMean filter = new LatentMean(1, 8);
        double early = 0;
        double late = 0;
        for (int b = 0; b < n; b++) {
            int z = z0[b] + r.nextInt(3) - 1;
            int mean = filter.correct(0, 1, b, nbx, 0, res);
            filter.learn(z, mean);
            res[0][1][b] = 16 * z;
            double e = Math.abs(16.0 * z - mean);
            if (b < 64) early += e / 64;
            if (b >= n - 256) late += e / 256;
        }
        // noise of ±1 leaves 16·2/3 on average: the filter comes within a sixteenth of a grey level of that
        assertTrue(late < early / 2 && late < 16, "late error " + late + " vs early " + early);
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
}
