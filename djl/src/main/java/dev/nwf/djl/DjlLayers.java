package dev.nwf.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** NDArray building blocks shared by DJL inference and quantisation-aware training. */
public final class DjlLayers {
    private DjlLayers() {
    }

    /** Replicate padding of an (N, C, H, W) array by {@code r} on every side. */
    public static NDArray padReplicate(NDArray x, int r) {
        if (r == 0) return x;
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        NDArray top = x.get(":, :, 0:1, :").repeat(2, r);
        NDArray bottom = x.get(":, :, " + (h - 1) + ":" + h + ", :").repeat(2, r);
        NDArray tall = NDArrays.concat(new NDList(top, x, bottom), 2);
        NDArray left = tall.get(":, :, :, 0:1").repeat(3, r);
        NDArray right = tall.get(":, :, :, " + (w - 1) + ":" + w).repeat(3, r);
        return NDArrays.concat(new NDList(left, tall, right), 3);
    }

    /** Raw convolution sum (no bias) with replicate padding, same spatial size. */
    public static NDArray convSum(NDArray x, NDArray weight, int kernel, int dilation) {
        int r = (kernel / 2) * dilation;
        NDArray padded = padReplicate(x, r);
        return Conv2d.conv2d(padded, weight, null, new Shape(1, 1), new Shape(0, 0),
                new Shape(dilation, dilation)).singletonOrThrow();
    }
}
