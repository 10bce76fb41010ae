package dev.nwf.codec;

import dev.nwf.format.NwfContainer;

/** The nwf family as format 1.1 coded it: adaptive context, YCoCg-R only. Files from 1.1 encoders must keep decoding. */
class NwfFormat11Test extends NwfFamilyTest {
    @Override
    NwfCodec codecFor(NwfModel model) {
        return new NwfCodec(model).withFeatures(NwfContainer.FEATURE_ADAPTIVE_CONTEXT);
    }
}
