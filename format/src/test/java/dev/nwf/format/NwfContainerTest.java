package dev.nwf.format;

import static dev.nwf.format.NwfFormatException.Kind.BAD_SIGNATURE;
import static dev.nwf.format.NwfFormatException.Kind.CRC_MISMATCH;
import static dev.nwf.format.NwfFormatException.Kind.LIMIT_EXCEEDED;
import static dev.nwf.format.NwfFormatException.Kind.MALFORMED;
import static dev.nwf.format.NwfFormatException.Kind.TRUNCATED;
import static dev.nwf.format.NwfFormatException.Kind.UNKNOWN_CRITICAL_CHUNK;
import static dev.nwf.format.NwfFormatException.Kind.UNSUPPORTED_VERSION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NwfContainerTest {
    private static final NwfFile SAMPLE = Samples.file(37, 21, 4, 7);

    private static NwfFormatException.Kind failureOf(byte[] bytes) {
        return failureOf(bytes, ReadOptions.DEFAULT);
    }

    private static NwfFormatException.Kind failureOf(byte[] bytes, ReadOptions options) {
        return assertThrows(NwfFormatException.class, () -> NwfContainer.read(bytes, options)).kind();
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        byte[] bytes = NwfContainer.toBytes(SAMPLE);
        NwfRead read = NwfContainer.read(bytes, ReadOptions.DEFAULT);
        assertTrue(read.complete());
        assertNull(read.stopReason());
        assertEquals(bytes.length, read.verifiedBytes());
        assertEquals(SAMPLE, read.file());
        assertEquals("sample", read.file().metadata().get("title"));
    }

    @Test
    void signatureGuardsNameTheDamage() {
        byte[] bytes = NwfContainer.toBytes(SAMPLE);
        byte[] stripped = bytes.clone();
        stripped[0] &= 0x7F;
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(stripped,
                ReadOptions.DEFAULT));
        assertEquals(BAD_SIGNATURE, e.kind());
        assertTrue(e.getMessage().contains("high bit"), e.getMessage());

        // CR LF -> LF, as a text-mode transfer would do
        byte[] text = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, text, 0, 4);
        System.arraycopy(bytes, 5, text, 4, bytes.length - 5);
        e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(text, ReadOptions.DEFAULT));
        assertEquals(BAD_SIGNATURE, e.kind());
        assertTrue(e.getMessage().contains("text mode"), e.getMessage());

        assertEquals(BAD_SIGNATURE,
                failureOf("\u0089PNG\r\n\u001a\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    @Test
    void otherVersionsAndRetiredDraftsAreRejected() throws IOException {
        byte[] bytes = NwfContainer.toBytes(SAMPLE);
        byte[] major = bytes.clone();
        major[8] = 2;
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(major,
                ReadOptions.DEFAULT));
        assertEquals(UNSUPPORTED_VERSION, e.kind());
        assertEquals(8, e.offset());
        byte[] draft = bytes.clone();
        draft[9] = 11;
        e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(draft, ReadOptions.DEFAULT));
        assertEquals(UNSUPPORTED_VERSION, e.kind());
        assertEquals(9, e.offset());
        assertTrue(e.getMessage().contains("format 1.11 is a retired draft"), e.getMessage());
        byte[] newer = bytes.clone();
        newer[9] = 12;
        e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(newer, ReadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("unsupported format version 1.12"), e.getMessage());
    }

    @Test
    void unknownCriticalChunkIsRejectedUnknownAncillaryIsCarried() throws IOException {
        ByteArrayOutputStream critical = new ByteArrayOutputStream();
        writeUpToIndexThen(critical, "QQQQ");
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(critical.toByteArray(),
                ReadOptions.DEFAULT));
        assertEquals(UNKNOWN_CRITICAL_CHUNK, e.kind());
        assertTrue(e.getMessage().contains("QQQQ"));

        NwfRead read = NwfContainer.read(NwfContainer.toBytes(SAMPLE), ReadOptions.DEFAULT);
        assertEquals(List.of(new RawChunk("zzzz", new byte[] {9})), read.file().unknown());
    }

    /** Writes signature, version, HEAD, LIDX, then an extra chunk of the given type. */
    private static void writeUpToIndexThen(ByteArrayOutputStream out, String type) throws IOException {
        out.write(NwfContainer.signature());
        out.write(new byte[] {1, 0});
        ContainerWriter.chunk(out, "HEAD", HeaderCodec.encodeHeader(SAMPLE.header()));
        ContainerWriter.chunk(out, "LIDX", HeaderCodec.encodeIndex(SAMPLE.levelIndex()));
        ContainerWriter.chunk(out, type, new byte[] {1});
    }

    @Test
    void crcMismatchCarriesTheOffsetOfTheBadCrc() {
        byte[] bytes = NwfContainer.toBytes(SAMPLE);
        byte[] bad = bytes.clone();
        int headPayload = 8 + 2 + 8;
        bad[headPayload] ^= 1; // first byte of the width
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(bad,
                ReadOptions.DEFAULT));
        assertEquals(CRC_MISMATCH, e.kind());
        int headLength = HeaderCodec.encodeHeader(SAMPLE.header()).length;
        assertEquals(headPayload + headLength, e.offset());
    }

    @Test
    void absurdDimensionsFailBeforeAllocating() {
        NwfHeader huge = new NwfHeader(2_000_000_000, 2_000_000_000, 4, 16, "m", Samples.digest(1), 1, new byte[0]);
        NwfFile f = NwfFile.of(huge, List.of(new LevelInfo(2_000_000_000, 2_000_000_000, 0)), List.of(new byte[0]));
        assertEquals(LIMIT_EXCEEDED, failureOf(NwfContainer.toBytes(f)));
        assertEquals(LIMIT_EXCEEDED, failureOf(NwfContainer.toBytes(SAMPLE), ReadOptions.DEFAULT.withMaxPixels(100)));
    }

    /** The tool list is the rest of HEAD after the model id, carried as bytes: any bytes, none included. */
    @Test
    void toolListIsTheRestOfTheHeadChunk() throws IOException {
        for (int n : new int[] {0, 1, 300}) {
            byte[] tools = new byte[n];
            for (int i = 0; i < tools.length; i++) tools[i] = (byte) (i * 7);
            NwfFile f = SAMPLE.withHeader(SAMPLE.header().withTools(tools));
            assertArrayEquals(tools, NwfContainer.read(NwfContainer.toBytes(f),
                    ReadOptions.DEFAULT).file().header().tools());
            int idBytes = f.header().modelId().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertEquals(HeaderCodec.HEADER_FIXED_BYTES + idBytes + n, HeaderCodec.encodeHeader(f.header()).length);
        }
    }

    @Test
    void levelIndexMustAgreeWithHeaderAndPayloads() {
        // LIDX says 5 bytes but the level chunk holds 3
        NwfHeader h = new NwfHeader(4, 4, 1, 8, "m", Samples.digest(2), 1, new byte[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(MALFORMED, failureOf(build(out, h, List.of(new LevelInfo(4, 4, 5)), new byte[] {0, 1, 2, 3})));
        // finest level must be the image size
        assertEquals(MALFORMED, failureOf(build(new ByteArrayOutputStream(), h, List.of(new LevelInfo(2, 2, 3)),
                new byte[] {0, 1, 2, 3})));
    }

    /** Issue #24: level sizes edited under a valid CRC are refused, not believed (by info, say). */
    @Test
    void levelSizesMustBeThePlansHalvings() {
        NwfHeader h = new NwfHeader(9, 5, 1, 8, "m", Samples.digest(2), 2, new byte[0]);
        List<LevelInfo> offPlan = List.of(new LevelInfo(4, 3, 0), new LevelInfo(9, 5, 0));
        NwfFormatException e = assertThrows(NwfFormatException.class, () -> NwfContainer.read(
                NwfContainer.toBytes(NwfFile.of(h, offPlan, List.of(new byte[0], new byte[0]))), ReadOptions.DEFAULT));
        assertEquals(MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("level 0 is listed as 4x3") && e.getMessage().contains("is 5x3"),
                e.getMessage());
    }

    private static byte[] build(ByteArrayOutputStream out, NwfHeader h, List<LevelInfo> index, byte[] levelPayload) {
        try {
            out.write(NwfContainer.signature());
            out.write(new byte[] {1, 0});
            ContainerWriter.chunk(out, "HEAD", HeaderCodec.encodeHeader(h));
            ContainerWriter.chunk(out, "LIDX", HeaderCodec.encodeIndex(index));
            ContainerWriter.chunk(out, "LEVL", levelPayload);
            ContainerWriter.chunk(out, "NEND", new byte[0]);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    @Test
    void trailingGarbageAfterEndIsMalformed() {
        byte[] bytes = NwfContainer.toBytes(SAMPLE);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 12);
        ByteBuffer.wrap(longer, bytes.length, 12).putInt(0).put("meta".getBytes()).putInt((int) ChunkInput.crc("meta",
                new byte[0]));
        assertEquals(MALFORMED, failureOf(longer));
    }

    @Test
    void truncationBeforeIndexIsAnErrorAfterIsAPartialRead() throws IOException {
        byte[] bytes = NwfContainer.toBytes(SAMPLE);
        assertEquals(TRUNCATED, failureOf(Arrays.copyOf(bytes, 20)));
        assertEquals(TRUNCATED, failureOf(new byte[0]));
        NwfRead partial = NwfContainer.read(Arrays.copyOf(bytes, bytes.length - 13), ReadOptions.DEFAULT);
        assertFalse(partial.complete());
        assertEquals(SAMPLE.levelCount() - 1, partial.completeLevels());
        assertTrue(partial.stopReason().contains("LEVL"), partial.stopReason());
    }

    @Test
    void streamReaderHandsOutLevelsOneByOne() throws IOException {
        NwfStreamReader r = NwfContainer.open(new ByteArrayInputStream(NwfContainer.toBytes(SAMPLE)),
                ReadOptions.DEFAULT);
        assertEquals(SAMPLE.header(), r.header());
        for (int i = 0; i < SAMPLE.levelCount(); i++) assertArrayEquals(SAMPLE.level(i), r.nextLevel());
        assertNull(r.nextLevel());
        assertTrue(r.isComplete());
    }

    @Test
    void atomicWriteRefusesOverwriteAndLeavesNothingOnFailure(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a.nwf");
        NwfContainer.write(SAMPLE, target, false);
        assertEquals(SAMPLE, NwfContainer.read(target, ReadOptions.DEFAULT).file());
        assertThrows(FileAlreadyExistsException.class, () -> NwfContainer.write(SAMPLE, target, false));
        NwfContainer.write(Samples.file(5, 5, 1, 3), target, true);
        assertEquals(5, NwfContainer.read(target, ReadOptions.DEFAULT).file().header().width());

        Path failing = dir.resolve("b.nwf");
        assertThrows(IOException.class, () -> AtomicFiles.write(failing, false, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("a.nwf"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void atomicWriteGivesNewFilesTheUsualPermissionsAndKeepsThoseOfOverwrittenOnes(@TempDir Path dir) throws IOException
            {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class));
        Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives any new file
        Path target = dir.resolve("a.nwf");
        NwfContainer.write(SAMPLE, target, false);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));

        var custom = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, custom);
        NwfContainer.write(SAMPLE, target, true);
        assertEquals(custom, Files.getPosixFilePermissions(target));
    }

    @Test
    void metadataMustBeAJsonObject() {
        NwfFile f = SAMPLE.withMetadata(Map.of(), null, null);
        byte[] bytes = NwfContainer.toBytes(f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, 10);
        try {
            int headLen = HeaderCodec.encodeHeader(f.header()).length + 12;
            out.write(bytes, 10, headLen);
            ContainerWriter.chunk(out, "meta", "[1,2]".getBytes());
            out.write(bytes, 10 + headLen, bytes.length - 10 - headLen);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(MALFORMED, failureOf(out.toByteArray()));
    }
}
