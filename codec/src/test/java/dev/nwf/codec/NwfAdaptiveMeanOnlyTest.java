package dev.nwf.codec;

import java.util.EnumSet;

/** The nwf family with the colour transform and the adaptive mean alone: each other context tool is optional. */
class NwfAdaptiveMeanOnlyTest extends NwfFamilyTest {
    @Override
    NwfCodec codecFor(NwfModel model) {
        return new NwfCodec(model).withTools(EnumSet.of(CodingTool.COLOUR_TRANSFORM, CodingTool.ADAPTIVE_MEAN));
    }
}
