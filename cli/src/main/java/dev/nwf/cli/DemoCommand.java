package dev.nwf.cli;

import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.ImageFiles;
import dev.nwf.codec.NwfCodec;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.ReadOptions;
import dev.nwf.zoo.ModelZoo;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", description = "Encode the bundled sample photo, decode it, check it is bit-exact and print sizes against PNG.")
final class DemoCommand implements Callable<Integer> {
    static final String SAMPLE = "/dev/nwf/cli/samples/astronaut-256.png";

    @Mixin
    ModelOptions models;

    static byte[] samplePng() throws java.io.IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE)) {
            if (in == null) throw new java.io.IOException("bundled sample " + SAMPLE + " is missing");
            return in.readAllBytes();
        }
    }

    /** The bundled sample photo. */
    static Image sample() throws java.io.IOException {
        return ImageFiles.read(new java.io.ByteArrayInputStream(samplePng()), SAMPLE);
    }

    @Override
    public Integer call() throws Exception {
        byte[] png = samplePng();
        Image img = ImageFiles.read(new java.io.ByteArrayInputStream(png), SAMPLE);
        NwfCodec codec = new NwfCodec(models.zoo().get(ModelZoo.DEFAULT_MODEL).model(), models.evaluator());
        long t0 = System.nanoTime();
        byte[] nwf = NwfContainer.toBytes(codec.encode(img));
        long t1 = System.nanoTime();
        Decoded d = codec.decode(NwfContainer.read(nwf, ReadOptions.DEFAULT).file(), Integer.MAX_VALUE, dev.nwf.codec.LevelListener.NONE);
        long t2 = System.nanoTime();
        if (!img.sameAs(d.image())) throw new VerifyFailedException("demo round trip is not bit-exact");
        double sub = img.pixels() * img.channels();
        System.out.printf("sample: astronaut crop %dx%d RGB 8-bit (skimage, public domain)%n", img.width(), img.height());
        System.out.printf("%-22s %9s %8s%n", "", "bytes", "bpsp");
        System.out.printf("%-22s %9d %8.3f%n", "PNG (bundled)", png.length, png.length * 8 / sub);
        System.out.printf("%-22s %9d %8.3f%n", "nwf " + ModelZoo.DEFAULT_MODEL, nwf.length, nwf.length * 8 / sub);
        System.out.printf("nwf / PNG = %.3f; decoded bit-exactly (%d levels); encode %.0f ms, decode %.0f ms%n",
                nwf.length / (double) png.length, d.totalLevels(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        return ExitCodes.OK;
    }
}
