package dev.nwf.codec;

import static dev.nwf.codec.CodingToolException.Kind.INVALID_TOOLS;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The set that opens a tool list (SPEC.md §2.4.1): one LEB128 number whose bit id − 1 is set for each tool listed, so
 * that the usual five to seven tools take two bytes instead of one byte each, and ids come in increasing order by
 * construction. An empty list has no set at all.
 */
final class ToolSet {
    /** Enough bytes for a bit per id up to 255. */
    static final int MAX_BYTES = 37;

    /** The listed ids, increasing, and the offset of the first byte after the set. */
    record Read(int[] ids, int end) {
    }

    private ToolSet() {
    }

    /** Reads the set at the start of a non-empty list. */
    static Read read(byte[] list) throws CodingToolException {
        int[] ids = new int[MAX_BYTES * 7];
        int count = 0;
        int pos = 0;
        while (true) {
            if (pos == MAX_BYTES) {
                throw new CodingToolException(INVALID_TOOLS, pos, "the tool set is longer than " + MAX_BYTES
                        + " bytes");
            }
            if (pos >= list.length) {
                throw new CodingToolException(INVALID_TOOLS, pos, "the tool list ends inside its tool set");
            }
            int x = list[pos] & 0xFF;
            for (int b = 0; b < 7; b++) {
                if ((x >> b & 1) != 0) ids[count++] = pos * 7 + b + 1;
            }
            pos++;
            if ((x & 0x80) == 0) {
                if (x == 0 && pos > 1) throw new CodingToolException(INVALID_TOOLS, pos - 1,
                        "the tool set ends in a zero byte (it has a shorter form)");
                break;
            }
        }
        if (count == 0) throw new CodingToolException(INVALID_TOOLS, 0,
                "an empty tool set: a file without tools has an empty list");
        return new Read(Arrays.copyOf(ids, count), pos);
    }

    /** Writes the set of these ids (increasing, each 1 to 255); nothing for none. */
    static void write(ByteArrayOutputStream out, int[] ids) {
        if (ids.length == 0) return;
        int last = ids[ids.length - 1];
        byte[] bytes = new byte[(last - 1) / 7 + 1];
        int previous = 0;
        for (int id : ids) {
            if (id <= previous || id > 255) {
                throw new IllegalArgumentException("tool ids must increase from 1 to 255: " + Arrays.toString(ids));
            }
            previous = id;
            bytes[(id - 1) / 7] |= (byte) (1 << ((id - 1) % 7));
        }
        for (int i = 0; i < bytes.length - 1; i++) bytes[i] |= (byte) 0x80;
        out.writeBytes(bytes);
    }
}
