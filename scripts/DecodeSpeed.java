import dev.nwf.codec.ModelResolver;
import dev.nwf.zoo.ModelZoo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes every .nwf file of a folder several rounds in one JVM and prints the best round's MP/s: run by
 * scripts/compare-builds.sh against two builds' jars in alternating processes (this machine's speed wanders). Finds
 * the decoder by reflection, so that builds before the NwfDecoder entry (NwfCodec.decode) run too.
 */
public class DecodeSpeed {
    public static void main(String[] args) throws Exception {
        List<byte[]> files = new ArrayList<>();
        try (var s = Files.list(Path.of(args[0]))) {
            for (Path p : s.sorted().toList()) if (p.toString().endsWith(".nwf")) files.add(Files.readAllBytes(p));
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ModelZoo zoo = ModelZoo.builtin();
        Decode decode = decoder(zoo);
        double best = 0;
        for (int r = 0; r < rounds; r++) {
            long pixels = 0;
            long t0 = System.nanoTime();
            for (byte[] f : files) {
                Object d = decode.apply(new ByteArrayInputStream(f));
                Object image = d.getClass().getMethod("image").invoke(d);
                pixels += (Long) image.getClass().getMethod("pixels").invoke(image);
            }
            best = Math.max(best, pixels / 1e6 / ((System.nanoTime() - t0) / 1e9));
        }
        System.out.printf("%.3f%n", best);
    }

    interface Decode {
        Object apply(InputStream in) throws Exception;
    }

    private static Decode decoder(ModelZoo zoo) throws Exception {
        try {
            Class<?> c = Class.forName("dev.nwf.codec.NwfDecoder");
            Object decoder = c.getMethod("of", ModelResolver.class).invoke(null, zoo);
            Method decode = c.getMethod("decode", InputStream.class);
            return in -> decode.invoke(decoder, in);
        } catch (ClassNotFoundException before) {
            Class<?> codec = Class.forName("dev.nwf.codec.NwfCodec");
            Class<?> evaluator = Class.forName("dev.nwf.codec.net.NetEvaluator");
            Class<?> options = Class.forName("dev.nwf.format.ReadOptions");
            Class<?> listener = Class.forName("dev.nwf.codec.LevelListener");
            Method decode = codec.getMethod("decode", InputStream.class, ModelResolver.class, evaluator, options,
                    int.class, listener);
            Object reference = Class.forName("dev.nwf.codec.net.ReferenceEvaluator").getField("INSTANCE").get(null);
            Object defaults = options.getField("DEFAULT").get(null);
            Object none = listener.getField("NONE").get(null);
            return in -> decode.invoke(null, in, zoo, reference, defaults, 0, none);
        }
    }
}
