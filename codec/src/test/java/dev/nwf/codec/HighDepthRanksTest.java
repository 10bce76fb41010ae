package dev.nwf.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * 12-bit data in 16-bit samples (a CT scan, a camera's raw values) is also coded as 12-bit ranks, and the smaller kept:
 * the context model's learners scale their steps by the depth, which the container's depth would mislead by 16 times.
 */
class HighDepthRanksTest {
    @Test
    void smoothTwelveBitDataInSixteenBitSamplesCodesAsRanksAndSmaller() throws Exception {
        // smooth 12-bit waves (every value from about 1000 to 3100 used) in 16-bit samples
        Image image = SyntheticImages.waves(256, 192, 16, 2048, 1000, 16, 7);
        NwfCodec codec = new NwfCodec(TestModels.constant());
        EnumSet<CodingTool> noMap = EnumSet.copyOf(codec.tools());
        noMap.remove(CodingTool.VALUE_MAP);
        NwfFile withMap = codec.encode(image);
        NwfFile without = codec.withTools(noMap).encode(image);
        byte[] mapped = NwfContainer.toBytes(withMap);
        byte[] plain = NwfContainer.toBytes(without);
        assertTrue(mapped.length < plain.length, "ranks " + mapped.length + " bytes, samples " + plain.length);
        int depth = NwfCodec.tools(withMap.header()).codedDepth(16);
        assertTrue(depth >= 11 && depth <= 12, "ranks of about 2100 values: " + depth + " bits");
        assertTrue(image.sameAs(codec.decoder().decode(mapped).image()));
    }

    @Test
    void whereTheMapCostsMoreTheSamplesAreKept() throws Exception {
        Image twelve = SyntheticImages.synthetic(96, 80, 1, 12, 7);
        Image image = new Image(twelve.width(), twelve.height(), 16, new int[][] {twelve.plane(0)});
        NwfCodec codec = new NwfCodec(TestModels.constant());
        EnumSet<CodingTool> noMap = EnumSet.copyOf(codec.tools());
        noMap.remove(CodingTool.VALUE_MAP);
        byte[] chosen = NwfContainer.toBytes(codec.encode(image));
        byte[] plain = NwfContainer.toBytes(codec.withTools(noMap).encode(image));
        assertTrue(chosen.length <= plain.length, "kept " + chosen.length + " bytes, samples " + plain.length);
        assertTrue(image.sameAs(codec.decoder().decode(chosen).image()));
    }
}
