package dev.nwf.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Serialises an {@link NwfFile} in the canonical chunk order of SPEC.md §2.2. */
final class ContainerWriter {

    private ContainerWriter() {
    }

    static void write(NwfFile file, OutputStream out) throws IOException {
        if (file.levelCount() != file.header().levels()) {
            throw new IllegalArgumentException("cannot write a file with " + file.levelCount() + " of "
                    + file.header().levels() + " levels");
        }
        out.write(NwfContainer.SIGNATURE);
        out.write(NwfContainer.VERSION_MAJOR);
        out.write(NwfContainer.VERSION_MINOR);
        chunk(out, ChunkTypes.HEADER, HeaderCodec.encodeHeader(file.header()));
        for (RawChunk c : ancillaryChunks(file)) chunk(out, c.type(), c.payload());
        chunk(out, ChunkTypes.LEVEL_INDEX, HeaderCodec.encodeIndex(file.levelIndex()));
        for (int i = 0; i < file.levelCount(); i++) {
            byte[] level = file.level(i);
            byte[] payload = new byte[level.length + 1];
            payload[0] = (byte) i;
            System.arraycopy(level, 0, payload, 1, level.length);
            chunk(out, ChunkTypes.LEVEL, payload);
        }
        chunk(out, ChunkTypes.END, new byte[0]);
    }

    /** meta, iccp and exif where the file has them, then the unknown ancillary chunks, in the canonical order. */
    static List<RawChunk> ancillaryChunks(NwfFile file) {
        List<RawChunk> out = new ArrayList<>();
        if (!file.metadata().isEmpty()) out.add(new RawChunk(ChunkTypes.METADATA, metadataBytes(file)));
        if (file.icc() != null) out.add(new RawChunk(ChunkTypes.ICC_PROFILE, file.icc()));
        if (file.exif() != null) out.add(new RawChunk(ChunkTypes.EXIF, file.exif()));
        out.addAll(file.unknown());
        return out;
    }

    private static byte[] metadataBytes(NwfFile file) {
        return MetaJson.write(file.metadata()).getBytes(StandardCharsets.UTF_8);
    }

    static void chunk(OutputStream out, String type, byte[] payload) throws IOException {
        if (payload.length > NwfContainer.MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("chunk " + type + " of " + payload.length + " bytes exceeds the limit");
        }
        ByteBuffer head = ByteBuffer.allocate(8);
        head.putInt(payload.length).put(type.getBytes(StandardCharsets.ISO_8859_1));
        out.write(head.array());
        out.write(payload);
        out.write(ByteBuffer.allocate(4).putInt((int) ChunkInput.crc(type, payload)).array());
    }
}
