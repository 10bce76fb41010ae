package dev.nwf.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.TestModels;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.ReadOptions;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DJL evaluator computes the reference's integers: the same bytes encoding, the same image decoding, per family.
 */
class DjlCodecTest {
    @Test
    void djlEvaluatorCodesIdenticallyToTheReference() throws IOException {
        for (NwfModel model : List.of(TestModels.random(3), TestModels.randomRgFlow(3))) {
            NwfCodec reference = new NwfCodec(model);
            NwfCodec djl = new NwfCodec(model, new DjlEvaluator(Device.cpu(), DjlEvaluator.Precision.AUTO,
                    NwfModel.MAX_INPUT_BOUND));
            // 45x38 under the 5/3: the nwf family evaluates its network at every detail level
            Image img = SyntheticImages.synthetic(45, 38, 3, 8, 12);
            byte[] ref = NwfContainer.toBytes(reference.encode(img));
            assertArrayEquals(ref, NwfContainer.toBytes(djl.encode(img)), model.family());
            Image back = djl.decoder().decode(NwfContainer.read(ref, ReadOptions.DEFAULT).file()).image();
            assertTrue(img.sameAs(back), model.family());
        }
    }
}
