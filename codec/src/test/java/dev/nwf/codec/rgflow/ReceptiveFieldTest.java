package dev.nwf.codec.rgflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.TestModels;
import dev.nwf.codec.net.ReferenceEvaluator;
import org.junit.jupiter.api.Test;

class ReceptiveFieldTest {
    private static final int SIDE = 48;
    private static final int STEPS = 3;

    private static int[] plane() {
        Image img = SyntheticImages.synthetic(SIDE, SIDE, 1, 8, 11);
        return img.plane(0);
    }

    /**
     * The MERA light cone: a step-s block sees its own pixels plus 2 * 2^k sites of disentangler overlap per step k <=
     * s.
     */
    @Test
    void fieldsStayInsideTheLightConeAndGrowWithTheStep() {
        long[][] f = ReceptiveField.measure(ReferenceEvaluator.INSTANCE, TestModels.randomRgFlow(4), plane(), SIDE,
                STEPS);
        int previousArea = 0;
        for (int s = 0; s < STEPS; s++) {
            int[] b = ReceptiveField.block(SIDE, s);
            int ext = 2 * ((2 << s) - 1);
            int area = 0;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean inside = x >= b[0] - ext && x < b[0] + b[1] + ext && y >= b[0] - ext && y < b[0] + b[1]
                            + ext;
                    if (f[s][y * SIDE + x] != 0) {
                        area++;
                        assertTrue(inside, "step " + s + " pixel (" + x + "," + y + ") is outside the light cone");
                    }
                }
            }
            assertTrue(area > previousArea, "step " + s + " field (" + area + " px) is larger than the step before");
            previousArea = area;
        }
    }

    /**
     * With couplings that output nothing, the decimator only subtracts block means: nothing outside the block matters.
     */
    @Test
    void identityCouplingsSeeOnlyTheirOwnBlock() {
        long[][] f = ReceptiveField.measure(ReferenceEvaluator.INSTANCE, TestModels.constantRgFlow(), plane(), SIDE, 1);
        int[] b = ReceptiveField.block(SIDE, 0);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean inside = x >= b[0] && x < b[0] + 4 && y >= b[0] && y < b[0] + 4;
                if (!inside) assertEquals(0, f[0][y * SIDE + x], "(" + x + "," + y + ")");
            }
        }
        assertTrue(f[0][b[0] * SIDE + b[0]] > 0);
    }
}
