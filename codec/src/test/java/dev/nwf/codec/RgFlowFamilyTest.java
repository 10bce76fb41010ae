package dev.nwf.codec;
class RgFlowFamilyTest extends CodecContractTest {
    @Override
    NwfModel randomModel(long seed) {
        return TestModels.randomRgFlow(seed);
    }

    @Override
    NwfModel constantModel() {
        return TestModels.constantRgFlow();
    }
}
