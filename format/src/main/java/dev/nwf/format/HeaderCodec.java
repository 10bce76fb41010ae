package dev.nwf.format;

import static dev.nwf.format.NwfFormatException.Kind.LIMIT_EXCEEDED;
import static dev.nwf.format.NwfFormatException.Kind.MALFORMED;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Byte layout of the HEAD (SPEC.md §2.4) and LIDX (SPEC.md §2.5) payloads; big-endian throughout. */
final class HeaderCodec {
    /**
     * u32 width, u32 height, u8 channels, u8 depth, u8 levels, 32-byte digest, u8 id length (then the id and tools).
     */
    static final int HEADER_FIXED_BYTES = 4 + 4 + 1 + 1 + 1 + NwfHeader.DIGEST_BYTES + 1;
    static final int INDEX_ENTRY_BYTES = 12;

    private HeaderCodec() {
    }

    static byte[] encodeHeader(NwfHeader h) {
        byte[] id = h.modelId().getBytes(StandardCharsets.UTF_8);
        byte[] tools = h.tools();
        ByteBuffer b = ByteBuffer.allocate(HEADER_FIXED_BYTES + id.length + tools.length);
        b.putInt(h.width()).putInt(h.height());
        b.put((byte) h.channels()).put((byte) h.bitDepth()).put((byte) h.levels());
        b.put(h.modelDigest());
        // the tool list runs to the chunk's end: its length is the chunk's
        b.put((byte) id.length).put(id).put(tools);
        return b.array();
    }

    static NwfHeader decodeHeader(byte[] payload, long offset) throws NwfFormatException {
        ByteBuffer b = ByteBuffer.wrap(payload);
        try {
            long width = b.getInt() & 0xFFFFFFFFL;
            long height = b.getInt() & 0xFFFFFFFFL;
            if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                throw new NwfFormatException(LIMIT_EXCEEDED, offset, "image dimensions " + width + "x" + height
                        + " exceed 2^31-1");
            }
            int channels = b.get() & 0xFF;
            int depth = b.get() & 0xFF;
            int levels = b.get() & 0xFF;
            byte[] digest = new byte[NwfHeader.DIGEST_BYTES];
            b.get(digest);
            int idLength = b.get() & 0xFF;
            byte[] id = new byte[idLength];
            b.get(id);
            if (b.remaining() > NwfHeader.MAX_TOOL_BYTES) {
                throw new NwfFormatException(MALFORMED, offset + b.position(), "tool list of " + b.remaining()
                        + " bytes is over the limit of "
                        + NwfHeader.MAX_TOOL_BYTES);
            }
            byte[] tools = new byte[b.remaining()];
            b.get(tools);
            String modelId = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(id)).toString();
            try {
                return new NwfHeader((int) width, (int) height, channels, depth, modelId, digest, levels, tools);
            } catch (IllegalArgumentException e) {
                throw new NwfFormatException(MALFORMED, offset, "invalid HEAD chunk: " + e.getMessage());
            }
        } catch (BufferUnderflowException e) {
            throw new NwfFormatException(MALFORMED, offset, "HEAD chunk is too short (" + payload.length + " bytes)");
        } catch (CharacterCodingException e) {
            throw new NwfFormatException(MALFORMED, offset, "model id in HEAD chunk is not valid UTF-8");
        }
    }

    static byte[] encodeIndex(List<LevelInfo> index) {
        ByteBuffer b = ByteBuffer.allocate(1 + INDEX_ENTRY_BYTES * index.size());
        b.put((byte) index.size());
        for (LevelInfo l : index) b.putInt(l.width()).putInt(l.height()).putInt(l.payloadLength());
        return b.array();
    }

    static List<LevelInfo> decodeIndex(byte[] payload, long offset, NwfHeader header) throws NwfFormatException {
        if (payload.length < 1 || payload.length != 1 + INDEX_ENTRY_BYTES * (payload[0] & 0xFF)) {
            throw new NwfFormatException(MALFORMED, offset, "LIDX chunk length " + payload.length
                    + " does not match its entry count");
        }
        int n = payload[0] & 0xFF;
        if (n != header.levels()) {
            throw new NwfFormatException(MALFORMED, offset, "LIDX lists " + n + " levels, HEAD declares "
                    + header.levels());
        }
        ByteBuffer b = ByteBuffer.wrap(payload, 1, payload.length - 1);
        List<LevelInfo> out = new ArrayList<>(n);
        long prevPixels = 0;
        // the level before the finest tells the jump between them (SPEC.md §2.5: 1 where sizes halve throughout)
        int jump = n < 2 ? 1 : header.finestJump(b.getInt(INDEX_ENTRY_BYTES * (n - 2) + 1),
                b.getInt(INDEX_ENTRY_BYTES * (n - 2) + 5));
        for (int i = 0; i < n; i++) {
            long entryOffset = offset + 1 + (long) i * INDEX_ENTRY_BYTES;
            int w = b.getInt();
            int h = b.getInt();
            int len = b.getInt();
            if (w < 1 || h < 1 || w > header.width() || h > header.height()) {
                throw new NwfFormatException(MALFORMED, entryOffset, "level " + i + " size "
                        + Integer.toUnsignedString(w) + "x"
                        + Integer.toUnsignedString(h) + " is outside 1x1.." + header.width() + "x" + header.height());
            }
            if ((long) w * h < prevPixels) {
                throw new NwfFormatException(MALFORMED, entryOffset, "level " + i
                        + " is smaller than the level before it");
            }
            int planW = header.levelWidth(i, jump);
            int planH = header.levelHeight(i, jump);
            if (w != planW || h != planH) {
                throw new NwfFormatException(MALFORMED, entryOffset, "level " + i + " is listed as " + w + "x" + h
                        + "; a " + header.width() + "x" + header.height() + " image's level " + i + " of " + n
                        + (jump > 1 ? " after a jump of " + jump : "") + " is " + planW + "x" + planH
                        + " (SPEC.md §2.5)");
            }
            if (len < 0 || len > NwfContainer.MAX_CHUNK_BYTES - 1) {
                throw new NwfFormatException(MALFORMED, entryOffset, "level " + i + " length "
                        + Integer.toUnsignedString(len) + " is out of range");
            }
            prevPixels = (long) w * h;
            out.add(new LevelInfo(w, h, len));
        }
        LevelInfo last = out.get(n - 1);
        if (last.width() != header.width() || last.height() != header.height()) {
            throw new NwfFormatException(MALFORMED, offset, "finest level is " + last.width() + "x" + last.height()
                    + ", image is " + header.width() + "x" + header.height());
        }
        return out;
    }
}
