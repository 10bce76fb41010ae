package dev.nwf.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nwf.codec.CodingToolException;
import dev.nwf.codec.CorruptLevelException;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.codec.UnknownModelException;
import dev.nwf.format.NwfFormatException;
import dev.nwf.format.ReadOptions;
import dev.nwf.zoo.ModelZoo;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Any bytes given to the decoder (container reader of both forms, tool list, models, levels) end in an image or in
 * one of its named errors: never another exception, a hang or running out of memory. Seeds: small conformance
 * vectors of every kind in the inputs directory, which also hold every finding, named after the failure.
 */
class NwfDecoderFuzzTest {
    /** Keeps one input's work small: a header may claim any size, and the decoder allocates for it. */
    static final long MAX_PIXELS = 1 << 16;
    private static final NwfDecoder DECODER = NwfDecoder.of(bundled()).allowingPartial(true).withThreads(1)
            .withReadOptions(ReadOptions.DEFAULT.withMaxPixels(MAX_PIXELS));

    @FuzzTest(maxDuration = "")
    void decodes(byte[] input) throws IOException {
        long start = System.nanoTime();
        try {
            DECODER.decode(input);
        } catch (NwfFormatException | CorruptLevelException | CodingToolException | UnknownModelException named) {
            // what bad input must give
        }
        SlowInput.check(start, input);
    }

    static ModelZoo bundled() {
        try {
            return ModelZoo.builtin();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
