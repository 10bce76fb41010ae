package dev.nwf.format;

import static dev.nwf.format.NwfFormatException.Kind.LIMIT_EXCEEDED;
import static dev.nwf.format.NwfFormatException.Kind.MALFORMED;
import static dev.nwf.format.NwfFormatException.Kind.UNKNOWN_CRITICAL_CHUNK;
import static dev.nwf.format.NwfFormatException.Kind.UNKNOWN_MODEL;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact form of format 1.0 (SPEC.md §2.9): the signature {@code 8E 6E}, the header's fields as LEB128 numbers
 * and bytes, the model as a number of {@link ModelNumbers}, ancillary chunks only when there are any, the levels'
 * lengths, then the levels back to back. A 32x32 image of two levels carries 12 bytes of it where the chunked form
 * takes 153.
 */
final class CompactForm {
    /** Packed byte: bits 0-1 channels - 1, bits 2-5 bit depth - 1, bit 6 ancillary chunks follow, bit 7 zero. */
    private static final int ANCILLARY_FLAG = 0x40;
    /** The finest level follows a jump of more than one halving, whose size less 2 follows the level count. */
    private static final int JUMP_FLAG = 0x80;
    private static final long MAX_LEVEL_BYTES = NwfContainer.MAX_CHUNK_BYTES - 1;

    /** What precedes the levels. */
    record Head(NwfHeader header, List<LevelInfo> index, List<ChunkInput.Chunk> ancillary) {
    }

    private CompactForm() {
    }

    /**
     * Whether the file can be written compact: a numbered model and level sizes that follow §4.3's halving, the finest
     * level perhaps after a jump (SPEC.md §2.5).
     */
    static boolean fits(NwfFile file) {
        NwfHeader h = file.header();
        if (ModelNumbers.numberOf(h.modelId(), h.modelDigest()).isEmpty()) return false;
        List<LevelInfo> index = file.levelIndex();
        int jump = jump(file);
        for (int i = 0; i < index.size(); i++) {
            LevelInfo l = index.get(i);
            boolean halving = l.width() == h.levelWidth(i, jump) && l.height() == h.levelHeight(i, jump);
            if (!halving) return false;
        }
        return true;
    }

    /** The jump before the file's finest level that its level index shows (1: sizes halve throughout). */
    private static int jump(NwfFile file) {
        List<LevelInfo> index = file.levelIndex();
        if (index.size() < 2) return 1;
        LevelInfo before = index.get(index.size() - 2);
        return file.header().finestJump(before.width(), before.height());
    }

    static void write(NwfFile file, OutputStream out) throws IOException {
        if (!fits(file)) throw new IllegalArgumentException("the compact form needs a model of the model-number "
                + "table and halving level sizes: " + file.header());
        if (file.levelCount() != file.header().levels()) {
            throw new IllegalArgumentException("cannot write a file with " + file.levelCount() + " of "
                    + file.header().levels() + " levels");
        }
        NwfHeader h = file.header();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(NwfContainer.COMPACT_SIGNATURE);
        leb128(head, h.width() - 1L);
        leb128(head, h.height() - 1L);
        List<RawChunk> ancillary = ContainerWriter.ancillaryChunks(file);
        int jump = jump(file);
        head.write((h.channels() - 1) | (h.bitDepth() - 1) << 2 | (ancillary.isEmpty() ? 0 : ANCILLARY_FLAG)
                | (jump > 1 ? JUMP_FLAG : 0));
        head.write(h.levels());
        if (jump > 1) leb128(head, jump - 2L);
        leb128(head, ModelNumbers.numberOf(h.modelId(), h.modelDigest()).getAsInt());
        byte[] tools = h.tools();
        leb128(head, tools.length);
        head.write(tools);
        if (!ancillary.isEmpty()) {
            leb128(head, ancillary.size());
            for (RawChunk c : ancillary) ContainerWriter.chunk(head, c.type(), c.payload());
        }
        for (LevelInfo l : file.levelIndex()) leb128(head, l.payloadLength());
        head.writeTo(out);
        for (int i = 0; i < file.levelCount(); i++) out.write(file.level(i));
    }

    /** Reads what follows the signature up to the first level; {@code in} is past the signature. */
    static Head readHead(ChunkInput in, ReadOptions options) throws IOException {
        long sizeAt = in.position();
        long width = in.readLeb128("width", Integer.MAX_VALUE - 1L) + 1;
        long height = in.readLeb128("height", Integer.MAX_VALUE - 1L) + 1;
        if (width * height > options.maxPixels()) {
            throw new NwfFormatException(LIMIT_EXCEEDED, sizeAt, "image is " + width + "x" + height
                    + ", over the limit of " + options.maxPixels() + " pixels");
        }
        long packedAt = in.position();
        int packed = in.readByte("channels and depth");
        long levelsAt = in.position();
        int levels = in.readByte("level count");
        if (levels < 1) throw new NwfFormatException(MALFORMED, levelsAt, "level count is 0");
        int jump = 1;
        if ((packed & JUMP_FLAG) != 0) {
            if (levels < 2) throw new NwfFormatException(MALFORMED, packedAt,
                    "a jump before the finest level of a file of one level");
            jump = (int) in.readLeb128("jump before the finest level", NwfHeader.MAX_JUMP - 2) + 2;
        }
        long modelAt = in.position();
        long number = in.readLeb128("model number", Integer.MAX_VALUE);
        ModelNumbers.Entry model = ModelNumbers.byNumber(number);
        if (model == null) throw new NwfFormatException(UNKNOWN_MODEL, modelAt, "model number " + number
                + " is not in this reader's table (SPEC.md §2.9): a file from a newer writer?");
        int toolBytes = (int) in.readLeb128("tool list length", NwfHeader.MAX_TOOL_BYTES);
        byte[] tools = in.readBytes(toolBytes, "tool list");
        List<ChunkInput.Chunk> ancillary = (packed & ANCILLARY_FLAG) != 0 ? readAncillary(in) : List.of();
        NwfHeader header = new NwfHeader((int) width, (int) height, (packed & 3) + 1, (packed >> 2 & 15) + 1,
                model.id(), model.digest(), levels, tools);
        List<LevelInfo> index = new ArrayList<>(levels);
        for (int i = 0; i < levels; i++) {
            int length = (int) in.readLeb128("length of level " + i, MAX_LEVEL_BYTES);
            index.add(new LevelInfo(header.levelWidth(i, jump), header.levelHeight(i, jump), length));
        }
        return new Head(header, index, ancillary);
    }

    private static List<ChunkInput.Chunk> readAncillary(ChunkInput in) throws IOException {
        long countAt = in.position();
        long count = in.readLeb128("ancillary chunk count", Integer.MAX_VALUE);
        if (count < 1) throw new NwfFormatException(MALFORMED, countAt, "ancillary flag set with no chunk");
        List<ChunkInput.Chunk> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            ChunkInput.Chunk c = in.readChunk();
            if (c == null) throw new ChunkInput.Truncated("ancillary chunk " + i, in.position());
            if (ChunkTypes.isCritical(c.type())) {
                throw ChunkTypes.isKnown(c.type())
                        ? new NwfFormatException(MALFORMED, c.offset(), "chunk " + c.type()
                                + " among a compact file's ancillary chunks")
                        : new NwfFormatException(UNKNOWN_CRITICAL_CHUNK, c.offset(), "unknown critical chunk "
                                + c.type());
            }
            out.add(c);
        }
        return out;
    }

    static void leb128(OutputStream out, long v) throws IOException {
        while (v >= 0x80) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }
}
