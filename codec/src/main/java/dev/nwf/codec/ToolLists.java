package dev.nwf.codec;

import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.transform.Palette;
import dev.nwf.codec.transform.ValueMap;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Tool lists (SPEC.md §2.4.1) edited as bytes, without the table's other rules: what tests and the conformance vectors
 * use to build files that list a tool wrongly. Decoders parse lists with {@link CodingTools}.
 */
public final class ToolLists {
    /** One entry: a tool's id and its parameter bytes. */
    public record Entry(int id, byte[] params) {
    }

    private ToolLists() {
    }

    /** The list's entries in order; every id must be in the table (its parameters' length depends on it). */
    public static List<Entry> entries(byte[] list) {
        List<Entry> out = new ArrayList<>();
        if (list.length == 0) return out;
        ToolSet.Read set = readSet(list);
        int pos = set.end();
        for (int id : set.ids()) {
            CodingTool t = CodingTool.ofId(id);
            if (t == null) throw new IllegalArgumentException("tool id " + id + " is not in the table");
            int start = pos;
            switch (t) {
                case COLOUR_TRANSFORM, BAND_STREAMS, RASTER_FINISH -> pos += 1;
                case PIXEL_LEVELS -> {
                    pos++;
                    while ((list[pos++] & 0x80) != 0) {
                        continue; // the period's LEB128 bytes
                    }
                }
                case BLOCK_GRID, PIXEL_GRID -> pos += BlockGrid.BYTES;
                case VALUE_MAP, PALETTE -> {
                    int length = 0;
                    for (int shift = 0; ; shift += 7) {
                        int x = list[pos++] & 0xFF;
                        length |= (x & 0x7F) << shift;
                        if ((x & 0x80) == 0) break;
                    }
                    pos += length;
                }
                default -> {
                }
            }
            out.add(new Entry(id, java.util.Arrays.copyOfRange(list, start, pos)));
        }
        return out;
    }

    /** How many bytes of a non-empty list its tool set takes. */
    public static int setLength(byte[] list) {
        return readSet(list).end();
    }

    private static ToolSet.Read readSet(byte[] list) {
        try {
            return ToolSet.read(list);
        } catch (CodingToolException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The entries as a list's bytes: their set, then their parameters; ids must increase (the set has no order). */
    public static byte[] join(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ToolSet.write(out, entries.stream().mapToInt(Entry::id).toArray());
        for (Entry e : entries) out.writeBytes(e.params());
        return out.toByteArray();
    }

    /** The list without the tool's entry. */
    public static byte[] without(byte[] list, CodingTool tool) {
        return join(entries(list).stream().filter(e -> e.id() != tool.id).toList());
    }

    /** The list with an entry for the tool, in id order, replacing any entry it had. */
    public static byte[] with(byte[] list, CodingTool tool, byte... params) {
        List<Entry> entries = new ArrayList<>(entries(without(list, tool)));
        int at = 0;
        while (at < entries.size() && entries.get(at).id() < tool.id) at++;
        entries.add(at, new Entry(tool.id, params.clone()));
        return join(entries);
    }

    /** Whether the list holds an entry for the tool. */
    public static boolean lists(byte[] list, CodingTool tool) {
        return entries(list).stream().anyMatch(e -> e.id() == tool.id);
    }

    /** The tool's parameters in the list, or null where it has no entry. */
    public static byte[] params(byte[] list, CodingTool tool) {
        return entries(list).stream().filter(e -> e.id() == tool.id).map(Entry::params).findFirst().orElse(null);
    }

    /**
     * Parameters that pass the table's checks, for lists built by hand: YCoCg-R, an 8×8 grid from (3, 3), band streams
     * from 2^14 samples, none for the others. A value map or palette cannot be made up.
     */
    public static byte[] validParams(CodingTool tool) {
        return switch (tool) {
            case COLOUR_TRANSFORM -> new byte[] {1};
            case BLOCK_GRID, PIXEL_GRID -> new byte[] {8, 3, 3};
            case BAND_STREAMS -> new byte[] {14};
            case RASTER_FINISH -> new byte[] {4};
            case PIXEL_LEVELS -> new byte[] {0, 0};
            case VALUE_MAP, PALETTE -> throw new IllegalArgumentException("a " + tool.toolName + " cannot be made up");
            default -> new byte[0];
        };
    }

    /** The palette tool's parameters (SPEC.md §4.0.1: length, then the list) for these colours of this depth. */
    public static byte[] paletteParams(int[][] colours, int depth) {
        byte[] list = Palette.of(colours, depth).toBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ValueMap.writeVarint(out, list.length);
        out.write(list, 0, list.length);
        return out.toByteArray();
    }
}
