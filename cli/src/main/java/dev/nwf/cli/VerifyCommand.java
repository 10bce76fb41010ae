package dev.nwf.cli;

import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfRead;
import dev.nwf.format.ReadOptions;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = {"Check that files decode exactly.",
        "An .nwf is fully decoded (every CRC and coder end state checked), and compared with --against if given;",
        "any other image is encoded and decoded in memory and compared sample by sample."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to check.")
    Path[] files;

    @Option(names = "--against", paramLabel = "IMAGE", description = "Original image to compare a single .nwf with.")
    Path against;

    @Option(names = {"-m", "--model"}, paramLabel = "ID", defaultValue = ModelZoo.DEFAULT_MODEL,
            description = "Model for image round trips.")
    String model;

    @Mixin
    ModelOptions models;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        ModelZoo zoo = models.zoo();
        int failures = 0;
        for (Path f : files) {
            String verdict;
            try {
                verdict = check(zoo, f);
            } catch (Exception e) {
                failures++;
                verdict = "FAILED: " + e.getMessage();
            }
            System.out.println(f + ": " + verdict);
        }
        if (failures > 0) throw new VerifyFailedException(failures + " of " + files.length
                + " file(s) failed verification");
        return ExitCodes.OK;
    }

    private String check(ModelZoo zoo, Path f) throws Exception {
        byte[] bytes = Streams.readAll(f);
        boolean isNwf = NwfContainer.hasSignature(bytes, bytes.length);
        if (isNwf) {
            NwfRead read = NwfContainer.read(bytes, ReadOptions.DEFAULT);
            if (!read.complete()) throw new
                    dev.nwf.format.NwfFormatException(dev.nwf.format.NwfFormatException.Kind.TRUNCATED,
                    read.verifiedBytes(), "truncated: " + read.stopReason());
            NwfCodec codec = new NwfCodec(zoo.resolve(read.file().header().modelId(),
                    read.file().header().modelDigest()), models.evaluator()).withThreads(threads.get());
            Decoded d = codec.decoder().decode(read.file());
            if (against != null) {
                Image original = ImageFiles.read(against);
                if (!original.sameAs(d.image())) throw new VerifyFailedException("decoded image differs from "
                        + against);
                return "OK, decodes to exactly " + against;
            }
            return "OK, " + d.totalLevels() + " levels decode consistently";
        }
        Image img = ImageFiles.read(new java.io.ByteArrayInputStream(bytes), f.toString());
        NwfCodec codec = new NwfCodec(zoo.get(model).model(), models.evaluator()).withThreads(threads.get());
        byte[] coded = NwfContainer.toBytes(codec.encode(img));
        Decoded d = codec.decoder().decode(NwfContainer.read(coded, ReadOptions.DEFAULT).file());
        if (!img.sameAs(d.image())) throw new VerifyFailedException("round trip differs from the input");
        return String.format("OK, bit-exact round trip, %d bytes (%.3f bpsp)", coded.length, coded.length * 8.0
                / (img.pixels() * img.channels()));
    }
}
