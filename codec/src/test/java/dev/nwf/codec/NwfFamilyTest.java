package dev.nwf.codec;
class NwfFamilyTest extends CodecContractTest {
    @Override
    NwfModel randomModel(long seed) {
        return TestModels.random(seed);
    }

    @Override
    NwfModel constantModel() {
        return TestModels.constant();
    }
}
