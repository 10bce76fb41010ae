package dev.nwf.bench;

import dev.nwf.codec.CodingTool;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.zoo.ModelZoo;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One encoding or decoding the way {@code nwf encode} / {@code nwf decode} do it (image and metadata read whole, the
 * file written whole), for {@link MemoryBenchmark} to run in a JVM of a given heap: exit 0 when it completes, 3 when
 * the heap ran out.
 */
public final class MemoryProbe {
    /** Exit status when the heap ran out. */
    static final int OUT_OF_MEMORY = 3;

    private MemoryProbe() {
    }

    /**
     * {@code encode IN.png OUT.nwf [TOOL,TOOL...]} (coded without those tools, as {@code nwf encode --without}: a
     * photo without haar-split and pixel-levels takes the 5/3 levels, where the prior network runs) or
     * {@code decode IN.nwf OUT.png}.
     */
    public static void main(String[] args) throws Exception {
        try {
            if (args[0].equals("encode")) {
                ImageFiles.Picture p = ImageFiles.readPicture(Files.readAllBytes(Path.of(args[1])), args[1],
                        ImageFiles.SizeCheck.NONE);
                NwfCodec codec = new NwfCodec(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model());
                if (args.length > 3) codec = codec.withTools(without(codec.tools(), args[3]));
                Files.write(Path.of(args[2]), NwfContainer.toBytes(codec.encode(p.image(), p.containerMetadata(),
                        p.icc(), p.exif())));
            } else {
                dev.nwf.codec.Decoded d;
                try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
                    d = NwfDecoder.of(ModelZoo.builtin()).decode(in);
                }
                ImageFiles.Picture picture = ImageFiles.Picture.of(d.image(), d.icc(), d.metadata(), d.exif());
                try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
                    ImageFiles.writePng(picture, out);
                }
            }
        } catch (OutOfMemoryError e) {
            System.exit(OUT_OF_MEMORY);
        }
    }

    private static java.util.Set<CodingTool> without(java.util.Set<CodingTool> tools, String names) {
        java.util.Set<CodingTool> left = java.util.EnumSet.copyOf(tools);
        for (String name : names.split(",")) left.remove(CodingTool.ofName(name));
        left.removeIf(t -> t.needs != null && !left.contains(t.needs));
        return left;
    }
}
