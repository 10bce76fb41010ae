package dev.nwf.cli;

import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.ReadOptions;
import dev.nwf.zoo.ModelZoo;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo",
        description =
        "Encode the bundled sample photo with each bundled model, decode it, check it is bit-exact and print sizes against PNG.")
final class DemoCommand implements Callable<Integer> {
    static final String SAMPLE = "/dev/nwf/cli/samples/astronaut-256.png";

    @Mixin
    ModelOptions models;

    @Mixin
    ThreadsOption threads;

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
        double sub = img.pixels() * img.channels();
        System.out.printf("sample: astronaut crop %dx%d RGB 8-bit (skimage, public domain)%n", img.width(),
                img.height());
        System.out.printf("%-26s %9s %8s %8s %10s %10s%n", "", "bytes", "bpsp", "vs PNG", "encode ms", "decode ms");
        System.out.printf("%-26s %9d %8.3f %8.3f%n", "PNG (bundled)", png.length, png.length * 8 / sub, 1.0);
        ModelZoo zoo = models.zoo();
        var evaluator = models.evaluator();
        for (String id : new String[] {ModelZoo.DEFAULT_MODEL, ModelZoo.RGFLOW_MODEL}) {
            NwfCodec codec = new NwfCodec(zoo.get(id).model(), evaluator).withThreads(threads.get());
            long t0 = System.nanoTime();
            byte[] nwf = NwfContainer.toBytes(codec.encode(img));
            long t1 = System.nanoTime();
            Decoded d = codec.decoder().decode(NwfContainer.read(nwf, ReadOptions.DEFAULT).file());
            long t2 = System.nanoTime();
            if (!img.sameAs(d.image())) throw new VerifyFailedException("demo round trip with " + id
                    + " is not bit-exact");
            System.out.printf("%-26s %9d %8.3f %8.3f %10.0f %10.0f%n", "nwf -m " + id, nwf.length, nwf.length * 8 / sub,
                    nwf.length / (double) png.length, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
        System.out.println("both decoded bit-exactly");
        return ExitCodes.OK;
    }
}
