package dev.nwf.codec.rgflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.NwfModel;
import dev.nwf.codec.TestModels;
import dev.nwf.codec.net.ReferenceEvaluator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RgFlowTest {
    @ParameterizedTest
    @CsvSource({"4,4", "8,4", "16,12", "32,32", "12,20"})
    void inverseUndoesForwardForAnyWeights(int gw, int gh) {
        Random r = new Random(gw * 100L + gh);
        for (long seed = 0; seed < 4; seed++) {
            List<dev.nwf.codec.net.IntNet> nets = TestModels.randomRgFlow(seed).nets();
            int[] grid = new int[gw * gh];
            for (int i = 0; i < grid.length; i++) grid[i] = r.nextInt(512) - 256;
            RgFlow.Split s = RgFlow.forward(ReferenceEvaluator.INSTANCE, nets, grid, gw, gh, 8);
            assertEquals(gw * gh / 4, s.kept().length);
            assertEquals(RgFlow.LATENT.length, s.latents().length);
            assertArrayEquals(grid, RgFlow.inverse(ReferenceEvaluator.INSTANCE, nets, s.kept(), s.latents(), gw, gh,
                    8));
        }
    }

    @Test
    void identityCouplingsKeepTheEvenSitesAndEmitTheOthers() {
        List<dev.nwf.codec.net.IntNet> nets = TestModels.constantRgFlow().nets();
        int[] grid = new int[8 * 8];
        for (int i = 0; i < grid.length; i++) grid[i] = i;
        RgFlow.Split s = RgFlow.forward(ReferenceEvaluator.INSTANCE, nets, grid, 8, 8, 8);
        // kept (x, y) is the grid's (2x, 2y) after the couplings: here the black sites only gain zero updates
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) assertEquals(grid[2 * y * 8 + 2 * x],
                s.kept()[y * 4 + x]);
    }

    @Test
    void planPadsToMultiplesOfTheDeepestBlock() {
        RgFlow.Plan p = RgFlow.plan(512, 384);
        assertEquals(5, p.steps());
        assertEquals(512, p.paddedWidth());
        assertEquals(384, p.paddedHeight());
        assertArrayEquals(new int[] {16, 12}, p.visible()[0]);
        RgFlow.Plan odd = RgFlow.plan(33, 1);
        assertEquals(2, odd.steps());
        assertEquals(40, odd.paddedWidth());
        assertEquals(8, odd.paddedHeight());
        assertArrayEquals(new int[] {33, 1}, odd.visible()[2]);
        assertArrayEquals(new int[] {9, 1}, odd.visible()[0]);
        assertEquals(0, RgFlow.plan(16, 9).steps());
        assertTrue(RgFlow.plan(1 << 14, 3).levels() <= 20);
    }

    @Test
    void couplingNetworksMustStayInsideTheirBlock() {
        List<dev.nwf.codec.net.IntNet> nets = new java.util.ArrayList<>(TestModels.randomRgFlow(1).nets());
        var l = nets.get(0).layers().get(0);
        var wide = new dev.nwf.codec.net.IntConv(l.inChannels(), l.outChannels(), 3, 1,
                new int[l.outChannels() * l.inChannels() * 9],
                l.bias(), l.shift(), l.clampLo(), l.clampHi(), false);
        nets.set(0, new dev.nwf.codec.net.IntNet(l.inChannels(), List.of(wide, nets.get(0).layers().get(1))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NwfModel("x",
                NwfModel.FAMILY_RGFLOW, nets));
        assertTrue(e.getMessage().contains("inside its block"), e.getMessage());
    }
}
