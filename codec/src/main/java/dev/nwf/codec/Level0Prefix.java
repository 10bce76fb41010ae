package dev.nwf.codec;

import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfHeader;

/**
 * What level 0's payload carries before its coded data (SPEC.md §2.6), in this order: the value map with feature bit
 * 2 (§4.0), the block grid with feature bit 3 (§6.3.5). Either may be null.
 */
record Level0Prefix(ValueMap map, BlockGrid grid, int dataStart) {
    /** Level 0's payload: the prefix the header's bits call for, then the level's coded data. */
    static byte[] write(ValueMap map, BlockGrid grid, byte[] data) {
        byte[] withGrid = data;
        if (grid != null) {
            withGrid = java.util.Arrays.copyOf(grid.bytes(), BlockGrid.BYTES + data.length);
            System.arraycopy(data, 0, withGrid, BlockGrid.BYTES, data.length);
        }
        return map == null ? withGrid : map.prefix(withGrid);
    }

    /** Reads the prefix that the header's feature bits announce. */
    static Level0Prefix read(byte[] payload, NwfHeader h) throws CorruptStreamException {
        int start = 0;
        ValueMap map = null;
        if ((h.requiredFeatures() & NwfContainer.FEATURE_VALUE_MAP) != 0) {
            map = ValueMap.read(payload, h.channels(), h.bitDepth());
            start = ValueMap.prefixLength(payload);
        }
        BlockGrid grid = null;
        if ((h.requiredFeatures() & NwfContainer.FEATURE_BLOCK_GRID) != 0) {
            grid = BlockGrid.read(payload, start);
            start += BlockGrid.BYTES;
        }
        return new Level0Prefix(map, grid, start);
    }
}
