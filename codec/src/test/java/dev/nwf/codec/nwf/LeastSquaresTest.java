package dev.nwf.codec.nwf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {
    @Test
    void theShareIsTheLeastSquaresBlendClampedToZeroAndOne() {
        double[] p = {2, 4, 6, -8};
        double[] l = {0, 0, 0, 0};
        assertEquals(0.5, LeastSquares.bestShare(p, l, new double[] {1, 2, 3, -4}), 1e-12);
        assertEquals(1, LeastSquares.bestShare(p, l, new double[] {4, 8, 12, -16}));
        assertEquals(0, LeastSquares.bestShare(p, l, new double[] {-1, -2, -3, 4}));
        // halfway between the two
        assertEquals(0.5, LeastSquares.bestShare(new double[] {4, 4}, new double[] {2, 2}, new double[] {3, 3}), 1e-12);
        // no difference between the two: the regression's
        assertEquals(1, LeastSquares.bestShare(new double[] {1, 2}, new double[] {1, 2}, new double[] {5, 5}));
    }

    @Test
    void solveSolvesASymmetricSystem() {
        double[][] lower = {{4}, {1, 3}, {2, 0, 5}};
        double[] x = {1, -2, 3};
        double[] b = {4 * 1 + 1 * -2 + 2 * 3, 1 * 1 + 3 * -2, 2 * 1 + 5 * 3};
        double[][] full = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j <= i; j++) full[i][j] = lower[i][j];
        assertArrayEquals(x, LeastSquares.solve(full, b), 1e-4);
    }
}
