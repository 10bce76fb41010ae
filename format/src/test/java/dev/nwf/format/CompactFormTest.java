package dev.nwf.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The compact form (SPEC.md §2.9): what it holds, what it costs, how it ends and what it refuses. */
class CompactFormTest {
    static final String MODEL = "nwf-photo-v2";
    static final byte[] DIGEST = HexFormat.of().parseHex(
            "c0fe6c3cb83fb8e2397e7af96cf79d4d528ed9233552c257d44de909ce92a328");

    /** A file of a numbered model whose level sizes halve, rounding up, as SPEC.md §4.3 says. */
    static NwfFile file(int width, int height, int levels, int channels, int depth, byte[] tools, long seed) {
        Random r = new Random(seed);
        NwfHeader h = new NwfHeader(width, height, channels, depth, MODEL, DIGEST, levels, tools);
        List<LevelInfo> index = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            byte[] p = new byte[1 + r.nextInt(300)];
            r.nextBytes(p);
            payloads.add(p);
            index.add(new LevelInfo(NwfHeader.levelSide(width, levels, i), NwfHeader.levelSide(height, levels, i),
                    p.length));
        }
        return NwfFile.of(h, index, payloads);
    }

    private static NwfFile small() {
        return file(32, 32, 2, 3, 8, new byte[] {1, 2, 12, 0}, 1);
    }

    @Test
    void aNumberedModelWithHalvingLevelsIsWrittenCompactAndReadBackWhole() throws IOException {
        NwfFile f = small();
        assertEquals(NwfContainer.Form.COMPACT, NwfContainer.formFor(f));
        byte[] bytes = NwfContainer.toBytes(f);
        assertEquals((byte) 0x8E, bytes[0]);
        assertEquals('n', bytes[1]);
        NwfRead read = NwfContainer.read(bytes, ReadOptions.DEFAULT);
        assertTrue(read.complete());
        assertEquals(NwfContainer.Form.COMPACT, read.form());
        assertEquals(f, read.file());
        assertEquals(bytes.length, read.verifiedBytes());
        assertEquals(f, NwfContainer.read(NwfContainer.toBytes(f, NwfContainer.Form.CHUNKED), ReadOptions.DEFAULT)
                .file(), "either form carries the same file");
    }

    /** Issue #21's goal: at most 16 bytes around the levels and the tool list of a small image. */
    @Test
    void aSmallImageCarriesAtMostSixteenBytesOfContainer() {
        for (int side : new int[] {32, 64}) {
            NwfFile f = file(side, side, side == 32 ? 2 : 3, 3, 8, new byte[] {1, 2, 12, 0}, side);
            long levels = 0;
            for (byte[] l : f.levels()) levels += l.length;
            long overhead = NwfContainer.toBytes(f).length - levels - f.header().tools().length;
            assertTrue(overhead <= 16, side + "x" + side + ": " + overhead + " bytes of container");
            assertTrue(NwfContainer.toBytes(f, NwfContainer.Form.CHUNKED).length - levels > 100);
        }
    }

    @Test
    void metadataIccExifAndUnknownChunksTravelInTheCompactForm() throws IOException {
        NwfFile f = small().withMetadata(Map.of("text", Map.of("Comment", "hi")), new byte[] {1, 2, 3},
                new byte[] {4, 5});
        f = new NwfFile(f.header(), f.levelIndex(), f.levels(), f.metadata(), f.icc(), f.exif(),
                List.of(new RawChunk("zzzz", new byte[] {9})));
        byte[] bytes = NwfContainer.toBytes(f);
        NwfRead read = NwfContainer.read(bytes, ReadOptions.DEFAULT);
        assertEquals(NwfContainer.Form.COMPACT, read.form());
        assertEquals(f, read.file());
    }

    @Test
    void modelsOutsideTheTableAndOtherLevelSizesStayChunked() {
        NwfFile f = small();
        NwfHeader other = new NwfHeader(32, 32, 3, 8, "my-model", DIGEST, 2, new byte[0]);
        assertEquals(NwfContainer.Form.CHUNKED, NwfContainer.formFor(f.withHeader(other)));
        NwfHeader retrained = new NwfHeader(32, 32, 3, 8, MODEL, new byte[32], 2, new byte[0]);
        assertEquals(NwfContainer.Form.CHUNKED, NwfContainer.formFor(f.withHeader(retrained)));
        List<LevelInfo> odd = List.of(new LevelInfo(15, 16, f.levelIndex().get(0).payloadLength()),
                f.levelIndex().get(1));
        NwfFile oddSizes = new NwfFile(f.header(), odd, f.levels(), Map.of(), null, null, List.of());
        assertEquals(NwfContainer.Form.CHUNKED, NwfContainer.formFor(oddSizes));
        assertThrows(IllegalArgumentException.class, () -> NwfContainer.toBytes(oddSizes,
                NwfContainer.Form.COMPACT));
        assertTrue(NwfContainer.modelNumber(f.header()).isPresent());
        assertTrue(NwfContainer.modelNumber(other).isEmpty());
    }

    @Test
    void levelSidesHalveRoundingUpDownToOne() {
        assertEquals(3, NwfHeader.levelSide(5, 2, 0));
        assertEquals(5, NwfHeader.levelSide(5, 2, 1));
        assertEquals(1, NwfHeader.levelSide(Integer.MAX_VALUE, 255, 0));
        assertEquals(2, NwfHeader.levelSide(Integer.MAX_VALUE, 31, 0));
    }

    @Test
    void aCutAfterALevelYieldsTheLevelsBeforeIt() throws IOException {
        NwfFile f = file(64, 48, 3, 1, 8, new byte[0], 5);
        byte[] bytes = NwfContainer.toBytes(f);
        int end = bytes.length;
        for (int i = 2; i >= 0; i--) {
            NwfRead read = NwfContainer.read(Arrays.copyOf(bytes, end), ReadOptions.DEFAULT);
            assertEquals(i + 1, read.completeLevels());
            assertEquals(end, read.verifiedBytes());
            assertEquals(i == 2, read.complete());
            if (i < 2) assertTrue(read.stopReason().contains("level " + (i + 1)), read.stopReason());
            end -= f.level(i).length;
        }
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(
                Arrays.copyOf(bytes, 4), ReadOptions.DEFAULT));
        assertEquals(NwfFormatException.Kind.TRUNCATED, e.kind());
    }

    @Test
    void anUnknownModelNumberNamesItselfAndWhere() {
        byte[] bytes = NwfContainer.toBytes(small());
        int at = 2 + 1 + 1 + 1 + 1; // signature, width, height, packed byte, level count
        bytes[at] = 0x7F;
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(bytes,
                ReadOptions.DEFAULT));
        assertEquals(NwfFormatException.Kind.UNKNOWN_MODEL, e.kind());
        assertEquals(at, e.offset());
        assertTrue(e.getMessage().contains("model number 127"), e.getMessage());
    }

    /** A file whose finest level follows a jump of {@code jump} halvings (SPEC.md §2.5), levels halving before it. */
    static NwfFile jumped(int width, int height, int levels, int jump, long seed) {
        return withJump(file(width, height, levels, 3, 8, new byte[] {1, 2, 12, 0}, seed), jump);
    }

    /** The file with its levels resized for a jump of {@code jump} halvings before the finest. */
    static NwfFile withJump(NwfFile f, int jump) {
        int levels = f.header().levels();
        List<LevelInfo> index = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            index.add(new LevelInfo(f.header().levelWidth(i, jump), f.header().levelHeight(i, jump),
                    f.levelIndex().get(i).payloadLength()));
        }
        return NwfFile.of(f.header(), index, f.levels());
    }

    @Test
    void aJumpBeforeTheFinestLevelTravelsInBothForms() throws IOException {
        NwfFile f = jumped(300, 200, 3, 4, 7);
        assertEquals(List.of(10, 19, 300), f.levelIndex().stream().map(LevelInfo::width).toList());
        assertEquals(NwfContainer.Form.COMPACT, NwfContainer.formFor(f));
        byte[] compact = NwfContainer.toBytes(f);
        assertEquals((byte) 0x80, (byte) (compact[2 + 2 + 2] & 0x80), "the jump flag");
        assertEquals(f, NwfContainer.read(compact, ReadOptions.DEFAULT).file());
        assertEquals(f, NwfContainer.read(NwfContainer.toBytes(f, NwfContainer.Form.CHUNKED), ReadOptions.DEFAULT)
                .file());
        assertEquals(4, f.header().finestJump(19, 13));
    }

    @Test
    void aJumpFlagOnAFileOfOneLevelIsRefused() {
        byte[] bytes = NwfContainer.toBytes(file(16, 16, 1, 3, 8, new byte[] {1, 2, 12, 0}, 3));
        bytes[4] |= (byte) 0x80;
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(bytes,
                ReadOptions.DEFAULT));
        assertEquals(NwfFormatException.Kind.MALFORMED, e.kind());
        assertEquals(4, e.offset());
        assertTrue(e.getMessage().contains("one level"), e.getMessage());
    }

    @Test
    void aLevelBeforeTheFinestThatNoJumpMakesIsRefused() throws IOException {
        NwfFile f = jumped(300, 200, 3, 2, 5);
        List<LevelInfo> odd = new ArrayList<>(f.levelIndex());
        odd.set(1, new LevelInfo(76, 49, odd.get(1).payloadLength()));
        byte[] bytes = NwfContainer.toBytes(new NwfFile(f.header(), odd, f.levels(), Map.of(), null, null,
                List.of()), NwfContainer.Form.CHUNKED);
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(bytes,
                ReadOptions.DEFAULT));
        assertEquals(NwfFormatException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("level 0 is listed as"), e.getMessage());
    }

    @Test
    void aByteAfterTheLastLevelIsRefused() {
        byte[] bytes = Arrays.copyOf(NwfContainer.toBytes(small()), NwfContainer.toBytes(small()).length + 1);
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(bytes,
                ReadOptions.DEFAULT));
        assertEquals(NwfFormatException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("after the last level"), e.getMessage());
    }

    @Test
    void anOverlongNumberIsRefusedAtItsFirstByte() {
        byte[] bytes = {(byte) 0x8E, 'n', (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(bytes,
                ReadOptions.DEFAULT));
        assertEquals(NwfFormatException.Kind.MALFORMED, e.kind());
        assertEquals(2, e.offset());
    }

    @Test
    void theImageSizeIsCheckedAgainstThePixelLimitBeforeAnythingElse() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(NwfContainer.COMPACT_SIGNATURE);
        CompactForm.leb128(b, 99_999);
        CompactForm.leb128(b, 99_999);
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(b.toByteArray(),
                ReadOptions.DEFAULT));
        assertEquals(NwfFormatException.Kind.LIMIT_EXCEEDED, e.kind());
        assertEquals(2, e.offset());
    }

    @Test
    void criticalChunksAmongTheAncillaryOnesAreRefused() throws IOException {
        for (String type : new String[] {"LEVL", "QQQQ"}) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(NwfContainer.COMPACT_SIGNATURE);
            b.write(new byte[] {0, 0, 0x40 | 7 << 2, 1, 2, 0, 1});
            ContainerWriter.chunk(b, type, new byte[] {1});
            b.write(new byte[] {1, 5});
            NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(b.toByteArray(),
                    ReadOptions.DEFAULT));
            assertEquals(type.equals("LEVL") ? NwfFormatException.Kind.MALFORMED
                    : NwfFormatException.Kind.UNKNOWN_CRITICAL_CHUNK, e.kind(), e.getMessage());
            assertEquals(9, e.offset());
        }
    }

    @Test
    void aStrippedHighBitIsNamedForTheCompactSignatureToo() {
        byte[] bytes = NwfContainer.toBytes(small());
        bytes[0] &= 0x7F;
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(bytes,
                ReadOptions.DEFAULT));
        assertEquals(NwfFormatException.Kind.BAD_SIGNATURE, e.kind());
        assertTrue(e.getMessage().contains("high bit"), e.getMessage());
    }

    @Test
    void theStreamReaderHandsOutLevelsAsTheyArrive() throws IOException {
        NwfFile f = file(100, 60, 4, 4, 16, new byte[] {12, 1}, 9);
        NwfStreamReader r = NwfContainer.open(new java.io.ByteArrayInputStream(NwfContainer.toBytes(f)),
                ReadOptions.DEFAULT);
        assertEquals(NwfContainer.Form.COMPACT, r.form());
        assertEquals(f.levelIndex(), r.levelIndex());
        for (int i = 0; i < 4; i++) assertArrayEquals(f.level(i), r.nextLevel());
        assertNull(r.nextLevel());
        assertTrue(r.isComplete());
    }

    @Provide
    Arbitrary<NwfFile> compactFiles() {
        return Combinators.combine(Arbitraries.integers().between(1, 70_000), Arbitraries.integers().between(1, 3000),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 16), Arbitraries.longs())
                .as((w, h, n, ch, depth, seed) -> {
                    Random r = new Random(seed);
                    byte[] tools = new byte[r.nextInt(4) == 0 ? 300 : r.nextInt(8)];
                    r.nextBytes(tools);
                    NwfFile f = file(w, h, n, ch, depth, tools, seed);
                    // a third of the files of two levels or more: the finest after a jump of 2 to 8 (SPEC.md §2.5)
                    if (n >= 2 && r.nextInt(3) == 0) f = withJump(f, 2 + r.nextInt(7));
                    return r.nextBoolean() ? f : f.withMetadata(Map.of("k", "v" + r.nextInt()), null,
                            r.nextBoolean() ? new byte[] {1} : null);
                });
    }

    @Property(tries = 200)
    void writeThenReadIsIdentity(@ForAll("compactFiles") NwfFile file) throws IOException {
        byte[] bytes = NwfContainer.toBytes(file);
        assertEquals('n', bytes[1]);
        assertEquals(file, NwfContainer.read(bytes, ReadOptions.DEFAULT).file());
    }

    /** Every cut fails as TRUNCATED or yields exactly the levels whose bytes all arrived, never more. */
    @Property(tries = 30)
    void everyCutGivesAPrefixOrTruncated(@ForAll("compactFiles") NwfFile file) throws IOException {
        byte[] bytes = NwfContainer.toBytes(file);
        int levelsStart = bytes.length;
        for (byte[] l : file.levels()) levelsStart -= l.length;
        for (int cut = 0; cut < bytes.length; cut++) {
            NwfRead read;
            try {
                read = NwfContainer.read(Arrays.copyOf(bytes, cut), ReadOptions.DEFAULT);
            } catch (NwfFormatException e) {
                assertEquals(NwfFormatException.Kind.TRUNCATED, e.kind(), e.getMessage());
                assertTrue(cut < levelsStart, "cut at " + cut);
                continue;
            }
            assertFalse(read.complete());
            int whole = 0;
            for (int end = levelsStart; whole < file.levelCount() && end + file.level(whole).length <= cut; whole++) {
                end += file.level(whole).length;
            }
            assertEquals(whole, read.completeLevels(), "cut at " + cut);
            for (int i = 0; i < whole; i++) assertArrayEquals(file.level(i), read.file().level(i));
        }
    }

    /** Without CRCs a flip may go unseen here (the levels' decoders check their ends), but never as a crash. */
    @Property(tries = 500)
    void byteFlipsGiveNamedErrorsOrAFile(@ForAll("compactFiles") NwfFile file,
            @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] bytes = NwfContainer.toBytes(file);
        bytes[where % bytes.length] ^= (byte) mask;
        try {
            NwfContainer.read(bytes, ReadOptions.DEFAULT);
        } catch (NwfFormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, "offset in range: " + e.offset());
        } catch (IOException e) {
            throw new AssertionError("not a named error", e);
        }
    }
}
