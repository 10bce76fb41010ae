package dev.nwf.conformance;

import dev.nwf.codec.CodingToolException;
import dev.nwf.codec.CorruptLevelException;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.codec.UnknownModelException;
import dev.nwf.format.NwfFormatException;
import dev.nwf.zoo.ModelZoo;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Bounded mutation fuzzing of the whole decoder (container + coder + networks): only named errors or clean decodes. */
class DecoderFuzzProperties {
    private static final String[] SEEDS = {"rgb8-70x45", "gray16-31x29", "rgba8-20x20", "rgb8-noise-19x23",
            "rgb8-subtract-green-48x40",
        "rgba8-subtract-green-36x20", "gray16-value-map-40x30", "rgba8-value-map-palette-45x33",
                "gray16-value-map-block-grid-256x256",
        "rgb8-haar-split-64x48", "gray8-haar-split-37x29", "rgb8-zero-context-56x44", "rgb8-scale-blend-haar-64x48",
                "rgb8-no-tools-70x45", "rgb8-bias-correction-64x48",
        "rgb8-error-feedback-64x48", "rgb8-error-feedback-haar-48x40", "rgb8-band-streams-haar-256x256",
                "gray8-band-streams-5-3-258x255", "rgb8-green-first-48x40"};

    @Property(tries = 400)
    void mutatedFilesNeverCrashTheDecoder(@ForAll @LongRange(min = 0,
            max = Long.MAX_VALUE) long seed) throws Exception {
        Random r = new Random(seed);
        byte[] original = Files.readAllBytes(Path.of("vectors", SEEDS[r.nextInt(SEEDS.length)], "input.nwf"));
        byte[] input = Reliability.mutate(original, r);
        try {
            NwfDecoder.of(ModelZoo.builtin()).allowingPartial(true).decode(new ByteArrayInputStream(input));
        } catch (NwfFormatException | CorruptLevelException | CodingToolException | UnknownModelException named) {
            // the expected outcome for most mutations
        }
    }

    @Property(tries = 3)
    void reliabilityRunIsClean(@ForAll @LongRange(min = 0, max = 1000) long seed) throws Exception {
        Reliability.Report report = Reliability.run(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model(), null, 10,
                100, seed, null);
        if (!report.clean()) throw new AssertionError(report.toString());
    }
}
