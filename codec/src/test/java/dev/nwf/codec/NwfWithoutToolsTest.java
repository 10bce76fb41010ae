package dev.nwf.codec;

import java.util.EnumSet;

/**
 * The nwf family with no coding tool: the network's prior alone (the baseline every context tool is measured against).
 */
class NwfWithoutToolsTest extends NwfFamilyTest {
    @Override
    NwfCodec codecFor(NwfModel model) {
        return new NwfCodec(model).withTools(EnumSet.noneOf(CodingTool.class));
    }
}
