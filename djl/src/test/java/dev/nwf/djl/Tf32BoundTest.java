package dev.nwf.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GPU convolutions in fp32 may round operands to TF32 (measured on an H100: conformance/gpu/check_nets.py), so
 * fp32 on a GPU needs every layer input and weight within 2^11 on top of the fp32 accumulator bound.
 */
class Tf32BoundTest {
    /** One 3x3 layer, one channel in and out, all weights {@code w}, no clamp. */
    private static IntNet single(int w) {
        int[] weights = new int[9];
        java.util.Arrays.fill(weights, w);
        return new IntNet(1, List.of(new IntConv(1, 1, 3, 1, weights, new int[] {0}, 0, IntConv.NO_CLAMP_LO,
                IntConv.NO_CLAMP_HI, false)));
    }

    /** Two layers: the first multiplies by 9 * 16 with no clamp, so the second sees inputs 144 times the network's. */
    private static IntNet amplifying() {
        int[] w = new int[9];
        java.util.Arrays.fill(w, 16);
        IntConv first = new IntConv(1, 1, 3, 1, w, new int[] {0}, 0, IntConv.NO_CLAMP_LO, IntConv.NO_CLAMP_HI, false);
        IntConv second = new IntConv(1, 1, 1, 1, new int[] {1}, new int[] {0}, 0, IntConv.NO_CLAMP_LO,
                IntConv.NO_CLAMP_HI, false);
        return new IntNet(1, List.of(first, second));
    }

    @Test
    void operandsUpTo2048AreTf32Exact() {
        assertTrue(single(2048).tf32Exact(1), "an 11-bit weight");
        assertTrue(single(1).tf32Exact(2048), "an 11-bit input");
        assertFalse(single(2049).tf32Exact(1), "a 12-bit weight");
        assertFalse(single(1).tf32Exact(2049), "a 12-bit input");
        assertTrue(single(1).fp32Exact(2049), "while fp32 alone is exact");
    }

    @Test
    void hiddenLayerInputsCountToo() {
        assertTrue(amplifying().tf32Exact(14), "second layer sees 9*16*14 = 2016");
        assertFalse(amplifying().tf32Exact(15), "second layer sees 9*16*15 = 2160");
        assertTrue(amplifying().fp32Exact(15));
    }

    @Test
    void tf32NeedsTheFp32AccumulatorBound() {
        assertFalse(single(2048).tf32Exact(1024), "9*2048*1024 > 2^24");
    }

    @Test
    void onAGpuFp32IsChosenOnlyWhenTf32Exact() {
        IntNet net = single(1);
        assertEquals(DataType.FLOAT32, new DjlEvaluator(Device.cpu(), DjlEvaluator.Precision.AUTO, 4095).dataType(net));
        assertEquals(DataType.FLOAT64, new DjlEvaluator(Device.gpu(), DjlEvaluator.Precision.AUTO, 4095).dataType(net));
        assertEquals(DataType.FLOAT32, new DjlEvaluator(Device.gpu(), DjlEvaluator.Precision.AUTO, 2048).dataType(net));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DjlEvaluator(Device.gpu(), DjlEvaluator.Precision.FP32, 4095).dataType(net));
        assertTrue(e.getMessage().contains("TF32"), e.getMessage());
    }
}
