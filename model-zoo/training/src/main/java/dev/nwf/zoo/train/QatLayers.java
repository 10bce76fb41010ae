package dev.nwf.zoo.train;

import ai.djl.ndarray.NDArray;
import dev.nwf.djl.DjlLayers;

/**
 * Quantisation-aware versions of the integer layer ops: the forward pass computes exactly what the integer network
 * will compute, the backward pass treats rounding as identity (straight-through estimator).
 */
final class QatLayers {
    private QatLayers() {
    }

    static NDArray steRound(NDArray x) {
        return x.add(x.round().sub(x).stopGradient());
    }

    static NDArray steFloor(NDArray x) {
        return x.add(x.floor().sub(x).stopGradient());
    }

    /**
     * One layer: integer weights round(w * 2^shift), bias likewise, floor((acc + 2^(shift-1)) / 2^shift), clamp.
     * @param lo, hi clamp bounds, or infinite for none
     */
    static NDArray layer(NDArray x, NDArray wReal, NDArray bReal, int kernel, int dilation, int shift, double lo,
            double hi) {
        double scale = 1L << shift;
        NDArray w = steRound(wReal.mul(scale));
        NDArray b = steRound(bReal.mul(scale)).reshape(1, -1, 1, 1);
        double rounding = shift == 0 ? 0 : 1L << (shift - 1);
        NDArray acc = DjlLayers.convSum(x, w, kernel, dilation).add(b).add(rounding);
        NDArray y = steFloor(acc.div(scale));
        return Double.isInfinite(lo) && Double.isInfinite(hi) ? y : y.clip(lo, hi);
    }
}
