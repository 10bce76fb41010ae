package dev.nwf.codec;

/** The nwf family coded as format 1.0 wrote it (no adaptive context): files from before 1.1 must keep decoding. */
class NwfFormat10Test extends NwfFamilyTest {
    @Override
    NwfCodec codecFor(NwfModel model) {
        return new NwfCodec(model).withFeatures(0);
    }
}
