package dev.nwf.conformance;

import dev.nwf.codec.CodingToolException;
import dev.nwf.codec.CorruptLevelException;
import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.ModelResolver;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.UnknownModelException;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFormatException;
import dev.nwf.format.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reliability figures: round trips of random images and of two large enough for band streams, mutated-input decoding
 * (named error or clean decode, never a crash, hang or OOM), and decode equality between two network evaluators.
 * Crashing inputs are saved as regression files named after the failure.
 */
public final class Reliability {
    /** What a run found. */
    public record Report(int roundTrips, int roundTripsExact, int mutations, int namedErrors, int decodedAnyway,
                         List<String> crashes, int hangs, int engineFiles, int engineEqual) {
        /** Whether nothing went wrong: every round trip exact, no crash or hang, evaluators equal. */
        public boolean clean() {
            return roundTrips == roundTripsExact && crashes.isEmpty() && hangs == 0 && engineFiles == engineEqual;
        }
    }

    static final long HANG_SECONDS = 20;
    /**
     * Round trips of images with band streams (gray, then RGB), after the random ones; they join the mutation corpus.
     */
    public static final int LARGE_IMAGES = 2;
    /** Graphics coded as pixel levels (SPEC.md §4.4), the last with a stream per channel, after the large images. */
    public static final int GRAPHICS = 3;

    private Reliability() {
    }

    /**
     * @param other a second evaluator to compare with the reference (e.g. DJL), or null to skip
     * @param regressions where to save crashing inputs, or null
     */
    public static Report run(NwfModel model, NetEvaluator other, int images, int mutations, long seed,
            Path regressions) throws IOException {
        Random r = new Random(seed);
        NwfCodec codec = new NwfCodec(model);
        ModelResolver resolver = (id, digest) -> {
            if (!id.equals(model.id()) || !Arrays.equals(digest,
                    model.digest())) throw new UnknownModelException("unknown model " + id);
            return model;
        };
        int exact = 0;
        List<byte[]> corpus = new ArrayList<>();
        for (int i = 0; i < images + LARGE_IMAGES + GRAPHICS; i++) {
            // then two large enough for band streams (SPEC.md §6.5): mutations reach bands decoded side by side; then
            // graphics, whose pixel levels decode channels side by side in the largest
            int k = i - images - LARGE_IMAGES;
            Image img = i < images ? randomImage(r) : k < 0 ? SyntheticImages.fixedWaves(256, 256 + 3 * (i - images),
                    1 + 2 * (i - images), 8, r.nextLong())
                    : SyntheticImages.graphic(40 + 80 * k, 30 + 50 * k, k == 0 ? 1 : 2 + k, 8, r.nextLong());
            byte[] bytes = NwfContainer.toBytes(codec.encode(img));
            Decoded d = codec.decoder().decode(NwfContainer.read(bytes, ReadOptions.DEFAULT).file());
            if (img.sameAs(d.image())) exact++;
            if (corpus.size() < 16 || i >= images) corpus.add(bytes);
        }
        int named = 0;
        int decoded = 0;
        int hangs = 0;
        List<String> crashes = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(t -> {
            Thread th = new Thread(t, "reliability-decode");
            th.setDaemon(true);
            return th;
        });
        try {
            for (int i = 0; i < mutations; i++) {
                byte[] input = mutate(corpus.get(r.nextInt(corpus.size())), r);
                Future<?> f = pool.submit(() -> {
                    NwfDecoder.of(resolver).allowingPartial(true).decode(new ByteArrayInputStream(input));
                    return null;
                });
                try {
                    f.get(HANG_SECONDS, TimeUnit.SECONDS);
                    decoded++;
                } catch (TimeoutException e) {
                    f.cancel(true);
                    hangs++;
                    save(regressions, "hang", input);
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof NwfFormatException || c instanceof CorruptLevelException
                            || c instanceof CodingToolException
                            || c instanceof UnknownModelException) {
                        named++;
                    } else {
                        crashes.add(c.toString());
                        save(regressions, c.getClass().getSimpleName(), input);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int engineEqual = 0;
        int engineFiles = 0;
        if (other != null) {
            NwfCodec otherCodec = new NwfCodec(model, other);
            for (byte[] bytes : corpus) {
                var file = NwfContainer.read(bytes, ReadOptions.DEFAULT).file();
                Image a = codec.decoder().decode(file).image();
                Image b = otherCodec.decoder().decode(file).image();
                engineFiles++;
                if (a.sameAs(b) && Arrays.equals(bytes, NwfContainer.toBytes(otherCodec.encode(a)))) engineEqual++;
            }
        }
        return new Report(images + LARGE_IMAGES + GRAPHICS, exact, mutations, named, decoded, crashes, hangs, engineFiles,
                engineEqual);
    }

    static Image randomImage(Random r) {
        int w = 1 + r.nextInt(r.nextBoolean() ? 8 : 80);
        int h = 1 + r.nextInt(r.nextBoolean() ? 8 : 80);
        int channels = 1 + r.nextInt(4);
        int depth = new int[] {1, 8, 8, 8, 12, 16}[r.nextInt(6)];
        return switch (r.nextInt(6)) {
            case 0 -> SyntheticImages.noise(w, h, channels, depth, r.nextLong());
            // colours that follow green, so that some files take the subtract-green transform
            case 1 -> SyntheticImages.greenish(w, h, 3 + r.nextInt(2), r.nextLong());
            // few values, so that some files carry a value map
            case 2 -> SyntheticImages.times257(SyntheticImages.fixedWaves(w, h, channels, 8, r.nextLong()));
            case 3 -> SyntheticImages.fourColours(w, h, r.nextLong());
            default -> SyntheticImages.fixedWaves(w, h, channels, depth, r.nextLong());
        };
    }

    /** Flips, overwrites, truncates, duplicates or inserts bytes, sometimes several times. */
    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n && b.length > 0; k++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) r.nextInt(256);
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(16));
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
                default -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) r.nextInt(256);
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
            }
        }
        return b;
    }

    private static void save(Path dir, String kind, byte[] input) throws IOException {
        if (dir == null) return;
        Files.createDirectories(dir);
        String hash = String.format("%08x", Arrays.hashCode(input));
        Files.write(dir.resolve(kind + "-" + hash + ".nwf"), input);
    }
}
