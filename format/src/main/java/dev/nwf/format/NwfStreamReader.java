package dev.nwf.format;

import static dev.nwf.format.NwfFormatException.Kind.LIMIT_EXCEEDED;
import static dev.nwf.format.NwfFormatException.Kind.MALFORMED;
import static dev.nwf.format.NwfFormatException.Kind.TRUNCATED;
import static dev.nwf.format.NwfFormatException.Kind.UNKNOWN_CRITICAL_CHUNK;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a container level by level, for progressive viewers: {@link #open} reads everything up to the level index,
 * then each {@link #nextLevel()} returns one verified level payload. Truncation after the index is not an error here;
 * {@link #nextLevel()} returns null and {@link #stopReason()} says where the data ended.
 */
public final class NwfStreamReader {

    private final ChunkInput input;
    private final ReadOptions options;
    private NwfHeader header;
    private List<LevelInfo> index;
    private final List<byte[]> levels = new ArrayList<>();
    private Map<String, Object> metadata = new LinkedHashMap<>();
    private byte[] icc;
    private byte[] exif;
    private final List<RawChunk> unknown = new ArrayList<>();
    private NwfContainer.Form form;
    private boolean sawMetadata;
    private boolean ended;
    private long verifiedBytes;
    private String stopReason;

    private NwfStreamReader(InputStream in, ReadOptions options) {
        this.input = new ChunkInput(in);
        this.options = options;
    }

    /** Reads signature, HEAD, ancillary chunks and LIDX. Fails with TRUNCATED if the data ends before the index. */
    public static NwfStreamReader open(InputStream in, ReadOptions options) throws IOException {
        NwfStreamReader r = new NwfStreamReader(in, options);
        try {
            r.form = r.input.readPreamble();
            r.verifiedBytes = r.input.position();
            if (r.form == NwfContainer.Form.COMPACT) r.openCompact();
            while (r.index == null) {
                ChunkInput.Chunk c = r.input.readChunk();
                if (c == null) throw new NwfFormatException(TRUNCATED, r.input.position(),
                        "file ends before the level index");
                r.accept(c);
            }
        } catch (ChunkInput.Truncated t) {
            throw new NwfFormatException(TRUNCATED, t.offset, "file is truncated before any level can be read: "
                    + t.getMessage());
        }
        return r;
    }

    private void openCompact() throws IOException {
        CompactForm.Head head = CompactForm.readHead(input, options);
        header = head.header();
        for (ChunkInput.Chunk c : head.ancillary()) accept(c);
        index = head.index();
        verifiedBytes = input.position();
    }

    /** Which of the two layouts the stream holds (SPEC.md §2.1, §2.9). */
    public NwfContainer.Form form() {
        return form;
    }

    /** The header, read when the reader was opened. */
    public NwfHeader header() {
        return header;
    }

    /** The level index: each level's size and payload length. */
    public List<LevelInfo> levelIndex() {
        return index;
    }

    /** Next verified level payload (coarsest first), or null when all levels were read or the data ended. */
    public byte[] nextLevel() throws IOException {
        if (form == NwfContainer.Form.COMPACT) return nextCompactLevel();
        while (levels.size() < header.levels() || !ended) {
            if (stopReason != null) return null;
            int before = levels.size();
            ChunkInput.Chunk c;
            try {
                c = input.readChunk();
            } catch (ChunkInput.Truncated t) {
                stopReason = t.getMessage() + " at byte " + t.offset;
                return null;
            }
            if (c == null) {
                stopReason = "file ends at byte " + input.position() + " before "
                        + (levels.size() < header.levels() ? "level " + levels.size() : "the end chunk");
                return null;
            }
            accept(c);
            if (levels.size() > before) return levels.get(levels.size() - 1).clone();
        }
        return null;
    }

    /** A compact file's levels follow one another with the lengths of its head (SPEC.md §2.9). */
    private byte[] nextCompactLevel() throws IOException {
        if (ended || stopReason != null) return null;
        int i = levels.size();
        byte[] level;
        try {
            level = input.readBytes(index.get(i).payloadLength(), "level " + i);
        } catch (ChunkInput.Truncated t) {
            stopReason = t.getMessage() + " at byte " + t.offset;
            return null;
        }
        levels.add(level);
        verifiedBytes = input.position();
        ended = levels.size() == header.levels();
        return level.clone();
    }

    /** Reads everything that is left and returns what was recovered. */
    public NwfRead readRest() throws IOException {
        while (nextLevel() != null) {
            // levels are collected by accept()
        }
        if (ended && input.hasMoreData()) {
            throw new NwfFormatException(MALFORMED, input.position(), form == NwfContainer.Form.COMPACT
                    ? "data after the last level" : "data after the end chunk");
        }
        NwfFile file = new NwfFile(header, index, levels, metadata, icc, exif, unknown);
        return new NwfRead(file, ended, verifiedBytes, stopReason, form);
    }

    /** The meta chunk's JSON object read so far (empty when none). */
    public java.util.Map<String, Object> metadata() {
        return java.util.Collections.unmodifiableMap(metadata);
    }

    /** ICC profile read so far, or null. */
    public byte[] icc() {
        return icc == null ? null : icc.clone();
    }

    /** EXIF read so far, or null. */
    public byte[] exif() {
        return exif == null ? null : exif.clone();
    }

    /** Offset just past the last whole, verified part of the stream. */
    public long verifiedBytes() {
        return verifiedBytes;
    }

    /** Null while reading went well, otherwise why it stopped. */
    public String stopReason() {
        return stopReason;
    }

    /** Whether the end of the file was read (the end chunk, or the compact form's last level). */
    public boolean isComplete() {
        return ended;
    }

    private void accept(ChunkInput.Chunk c) throws IOException {
        String type = c.type();
        if (ended) throw new NwfFormatException(MALFORMED, c.offset(), "chunk " + type + " after the end chunk");
        if (header == null && !type.equals(ChunkTypes.HEADER)) {
            throw new NwfFormatException(MALFORMED, c.offset(), "first chunk must be HEAD, found " + type);
        }
        switch (type) {
            case ChunkTypes.HEADER -> {
                if (header != null) throw new NwfFormatException(MALFORMED, c.offset(), "second HEAD chunk");
                header = HeaderCodec.decodeHeader(c.payload(), c.offset() + 8);
                checkHeader(c.offset());
            }
            case ChunkTypes.LEVEL_INDEX -> {
                if (index != null) throw new NwfFormatException(MALFORMED, c.offset(), "second LIDX chunk");
                index = HeaderCodec.decodeIndex(c.payload(), c.offset() + 8, header);
            }
            case ChunkTypes.LEVEL -> acceptLevel(c);
            case ChunkTypes.END -> {
                if (index == null || levels.size() != header.levels()) {
                    throw new NwfFormatException(MALFORMED, c.offset(), "end chunk after " + levels.size() + " of "
                            + header.levels() + " levels");
                }
                if (c.payload().length != 0) throw new NwfFormatException(MALFORMED, c.offset(),
                        "end chunk must be empty");
                ended = true;
            }
            case ChunkTypes.METADATA -> {
                if (sawMetadata) throw new NwfFormatException(MALFORMED, c.offset(), "second meta chunk");
                sawMetadata = true;
                metadata = decodeMetadata(c);
            }
            case ChunkTypes.ICC_PROFILE -> icc = once(icc, c);
            case ChunkTypes.EXIF -> exif = once(exif, c);
            default -> {
                if (ChunkTypes.isCritical(type)) {
                    throw new NwfFormatException(UNKNOWN_CRITICAL_CHUNK, c.offset(), "unknown critical chunk " + type);
                }
                unknown.add(new RawChunk(type, c.payload()));
            }
        }
        verifiedBytes = input.position();
    }

    private void checkHeader(long offset) throws NwfFormatException {
        if (header.pixelCount() > options.maxPixels()) {
            throw new NwfFormatException(LIMIT_EXCEEDED, offset, "image is " + header.width() + "x" + header.height()
                    + ", over the limit of " + options.maxPixels() + " pixels");
        }
    }

    private void acceptLevel(ChunkInput.Chunk c) throws NwfFormatException {
        if (index == null) throw new NwfFormatException(MALFORMED, c.offset(), "LEVL chunk before the level index");
        byte[] p = c.payload();
        int expected = levels.size();
        if (expected >= header.levels()) {
            throw new NwfFormatException(MALFORMED, c.offset(), "more LEVL chunks than the " + header.levels()
                    + " declared");
        }
        if (p.length < 1 || (p[0] & 0xFF) != expected) {
            throw new NwfFormatException(MALFORMED, c.offset() + 8, "LEVL chunk out of order: expected level "
                    + expected
                    + (p.length < 1 ? ", chunk is empty" : ", found " + (p[0] & 0xFF)));
        }
        int length = p.length - 1;
        if (length != index.get(expected).payloadLength()) {
            throw new NwfFormatException(MALFORMED, c.offset(), "level " + expected + " is " + length
                    + " bytes, the level index says " + index.get(expected).payloadLength());
        }
        byte[] body = new byte[length];
        System.arraycopy(p, 1, body, 0, length);
        levels.add(body);
    }

    private static byte[] once(byte[] existing, ChunkInput.Chunk c) throws NwfFormatException {
        if (existing != null) throw new NwfFormatException(MALFORMED, c.offset(), "second " + c.type() + " chunk");
        return c.payload();
    }

    private Map<String, Object> decodeMetadata(ChunkInput.Chunk c) throws NwfFormatException {
        try {
            Object v = MetaJson.parse(new String(c.payload(), StandardCharsets.UTF_8));
            if (!(v instanceof Map<?, ?> m)) throw new NwfFormatException(MALFORMED, c.offset() + 8,
                    "meta chunk is not a JSON object");
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), val));
            return out;
        } catch (MetaJson.SyntaxException e) {
            throw new NwfFormatException(MALFORMED, c.offset() + 8, "meta chunk is not valid JSON: "
                    + e.getMessage());
        }
    }
}
