import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decoding speed of two builds in one JVM, each in a class loader of its own, file by file in alternating order: on
 * this machine, whose speed wanders by ±15 % over minutes, each pair sees the same moment, and a few rounds give the
 * new/old ratio to a few percent (separate processes, as scripts/compare-builds.sh runs them, rarely tell 5 %).
 *   java scripts/DecodeAB.java OLD_CLI_TARGET NEW_CLI_TARGET DIR[,NEW_DIR] ROUNDS
 * *_CLI_TARGET is a build's cli/target folder (nwf.jar and lib/). DIR holds .nwf files both builds decode; with
 * NEW_DIR, the new build decodes those instead (the same names: each build's own encoding, where the format changed).
 * -Dold.classes=PATH or -Dnew.classes=PATH puts a classes folder (codec/target/classes) before that build's jars.
 */
public class DecodeAB {
    /** One build's decoding of a file's bytes with the default model. */
    interface Decode {
        void decode(byte[] nwf) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Decode[] builds = {build(args[0], System.getProperty("old.classes")),
            build(args[1], System.getProperty("new.classes"))};
        String[] dirs = args[2].split(",");
        List<List<byte[]>> files = List.of(read(dirs[0]), read(dirs[dirs.length - 1]));
        if (files.get(0).size() != files.get(1).size()) throw new IllegalArgumentException("the folders differ");
        int rounds = Integer.parseInt(args[3]);
        for (int r = 0; r < rounds; r++) {
            long[] nanos = new long[2];
            for (int i = 0; i < files.get(0).size(); i++) {
                for (int j = 0; j < 2; j++) {
                    int k = (r + i + j) & 1;
                    long t0 = System.nanoTime();
                    builds[k].decode(files.get(k).get(i));
                    nanos[k] += System.nanoTime() - t0;
                }
            }
            System.out.printf("round %d: old %.2f s, new %.2f s, new/old %.3f%s%n", r, nanos[0] / 1e9, nanos[1] / 1e9,
                    (double) nanos[1] / nanos[0], r == 0 ? " (the JIT's warm-up)" : "");
        }
    }

    private static List<byte[]> read(String dir) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (var s = Files.list(Path.of(dir))) {
            for (Path p : s.sorted().filter(p -> p.toString().endsWith(".nwf")).toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** The build in {@code target} (its classes folder {@code classes} first, if any), by reflection. */
    private static Decode build(String target, String classes) throws Exception {
        List<URL> urls = new ArrayList<>();
        if (classes != null) urls.add(Path.of(classes).toUri().toURL());
        urls.add(Path.of(target, "nwf.jar").toUri().toURL());
        try (var l = Files.list(Path.of(target, "lib"))) {
            for (Path p : l.sorted().toList()) urls.add(p.toUri().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Class<?> zoo = loader.loadClass("dev.nwf.zoo.ModelZoo");
        Object entry = zoo.getMethod("get", String.class).invoke(zoo.getMethod("builtin").invoke(null),
                zoo.getField("DEFAULT_MODEL").get(null));
        Object model = entry.getClass().getMethod("model").invoke(entry);
        Class<?> codecClass = loader.loadClass("dev.nwf.codec.NwfCodec");
        Object codec = codecClass.getConstructor(loader.loadClass("dev.nwf.codec.NwfModel")).newInstance(model);
        Object decoder = codecClass.getMethod("decoder").invoke(codec);
        Class<?> options = loader.loadClass("dev.nwf.format.ReadOptions");
        Method read = loader.loadClass("dev.nwf.format.NwfContainer").getMethod("read", byte[].class, options);
        Object defaults = options.getField("DEFAULT").get(null);
        Method file = read.getReturnType().getMethod("file");
        Method decode = decoder.getClass().getMethod("decode", file.getReturnType());
        return bytes -> decode.invoke(decoder, file.invoke(read.invoke(null, bytes, defaults)));
    }
}
