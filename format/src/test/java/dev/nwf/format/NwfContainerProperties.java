package dev.nwf.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class NwfContainerProperties {

    private static byte[] randomTools(java.util.Random r) {
        byte[] tools = new byte[r.nextInt(3) == 0 ? r.nextInt(200) : r.nextInt(12)];
        r.nextBytes(tools);
        return tools;
    }

    @Provide
    Arbitrary<NwfFile> files() {
        Arbitrary<Integer> levels = Arbitraries.integers().between(1, 6);
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'z').withChars('-', 'é',
                '7').ofMinLength(1).ofMaxLength(30);
        Arbitrary<byte[]> digests = Arbitraries.bytes().array(byte[].class).ofSize(32);
        return Combinators.combine(levels, ids, digests, Arbitraries.integers().between(1, 5000),
                Arbitraries.integers().between(1, 5000),
                Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 16),
                        Arbitraries.longs().between(0, 1000))
            .as((n, id, digest, w, h, ch, depth, seed) -> {
                java.util.Random r = new java.util.Random(seed);
                NwfHeader header = new NwfHeader(w, h, ch, depth, id, digest, n, randomTools(r));
                List<LevelInfo> index = new ArrayList<>();
                List<byte[]> payloads = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int s = n - 1 - i;
                    byte[] p = new byte[r.nextInt(64)];
                    r.nextBytes(p);
                    payloads.add(p);
                    index.add(new LevelInfo(NwfHeader.levelSide(w, n, i), NwfHeader.levelSide(h, n, i), p.length));
                }
                Map<String, Object> meta = new LinkedHashMap<>();
                if (r.nextBoolean()) meta.put("k" + r.nextInt(9), "v" + r.nextInt());
                byte[] icc = r.nextBoolean() ? bytes(r, 50) : null;
                byte[] exif = r.nextBoolean() ? bytes(r, 50) : null;
                List<RawChunk> unknown = r.nextBoolean() ? List.of(new RawChunk("abcD", bytes(r, 10))) : List.of();
                return new NwfFile(header, index, payloads, meta, icc, exif, unknown);
            });
    }

    private static byte[] bytes(java.util.Random r, int max) {
        byte[] b = new byte[r.nextInt(max)];
        r.nextBytes(b);
        return b;
    }

    @Property(tries = 300)
    void writeThenReadIsIdentity(@ForAll("files") NwfFile file) throws IOException {
        NwfRead read = NwfContainer.read(NwfContainer.toBytes(file), ReadOptions.DEFAULT);
        assertTrue(read.complete());
        assertEquals(file, read.file());
    }

    /** Every cut either fails as TRUNCATED or yields exactly the levels whose chunks fit before the cut. */
    @Property(tries = 40)
    void everyTruncationPointGivesAPrefixOrTruncated(@ForAll("files") NwfFile file) throws IOException {
        byte[] bytes = NwfContainer.toBytes(file);
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] part = Arrays.copyOf(bytes, cut);
            NwfRead read;
            try {
                read = NwfContainer.read(part, ReadOptions.DEFAULT);
            } catch (NwfFormatException e) {
                assertEquals(NwfFormatException.Kind.TRUNCATED, e.kind(), e.getMessage());
                continue;
            }
            assertFalse(read.complete(), "cut at " + cut);
            assertTrue(read.verifiedBytes() <= cut);
            assertEquals(levelsEndingBefore(file, cut), read.completeLevels(), "cut at " + cut);
            assertLevelsArePrefix(file, read.file());
        }
    }

    /** Number of LEVL chunks that end at or before {@code cut} in the canonical layout. */
    private static int levelsEndingBefore(NwfFile file, int cut) {
        int fullLength = NwfContainer.toBytes(file).length;
        int end = fullLength - 12; // NEND chunk
        int count = file.levelCount();
        for (int i = file.levelCount() - 1; i >= 0; i--) {
            if (end <= cut) return count;
            end -= 12 + 1 + file.level(i).length;
            count--;
        }
        return 0;
    }

    private static void assertLevelsArePrefix(NwfFile original, NwfFile read) {
        assertTrue(read.levelCount() <= original.levelCount());
        for (int i = 0; i < read.levelCount(); i++) assertArrayEquals(original.level(i), read.level(i));
    }

    /**
     * A flipped byte is caught, or it was in a byte that does not matter (minor version), or it ends the read early.
     */
    @Property(tries = 500)
    void byteFlipsGiveNamedErrorsOrVerifiedPrefixes(@ForAll("files") NwfFile file,
            @ForAll @IntRange(min = 0, max = 100_000) int where,
                                                     @ForAll @IntRange(min = 1,
                                                             max = 255) int mask) throws IOException {
        byte[] bytes = NwfContainer.toBytes(file);
        int at = where % bytes.length;
        bytes[at] ^= (byte) mask;
        NwfRead read;
        try {
            read = NwfContainer.read(bytes, ReadOptions.DEFAULT);
        } catch (NwfFormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, "offset in range: " + e.offset());
            return;
        }
        if (read.complete()) {
            assertEquals(9, at, "only the minor version byte may change without notice");
            assertEquals(file, read.file());
        } else {
            assertLevelsArePrefix(file, read.file());
        }
    }
}
