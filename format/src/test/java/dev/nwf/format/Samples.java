package dev.nwf.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small deterministic container contents for tests. */
final class Samples {
    private Samples() {
    }

    static byte[] digest(int seed) {
        byte[] d = new byte[NwfHeader.DIGEST_BYTES];
        new Random(seed).nextBytes(d);
        return d;
    }

    /** A file of {@code levels} levels, halving the size per level, with random payloads. */
    static NwfFile file(int width, int height, int levels, long seed) {
        Random r = new Random(seed);
        NwfHeader h = new NwfHeader(width, height, 3, 8, "nwf-test", digest((int) seed), levels, new byte[] {1, 1});
        List<LevelInfo> index = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            int shift = levels - 1 - i;
            byte[] p = new byte[r.nextInt(40)];
            r.nextBytes(p);
            payloads.add(p);
            index.add(new LevelInfo(Math.max(1, (width + (1 << shift) - 1) >> shift), Math.max(1,
                    (height + (1 << shift) - 1) >> shift), p.length));
        }
        return new NwfFile(h, index, payloads, Map.of("title", "sample", "n", 3), new byte[] {1, 2, 3}, null,
                List.of(new RawChunk("zzzz", new byte[] {9})));
    }
}
