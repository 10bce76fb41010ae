package dev.nwf.format;

import java.util.Arrays;
import java.util.Objects;

/**
 * A chunk this version of the reader does not interpret: an unknown ancillary chunk, carried through so that
 * tools which rewrite a file do not lose it (SPEC.md §2.3).
 */
public record RawChunk(String type, byte[] payload) {
    public RawChunk {
        ChunkTypes.requireValid(type);
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public boolean isCritical() {
        return ChunkTypes.isCritical(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawChunk c && type.equals(c.type) && Arrays.equals(payload, c.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(payload));
    }
}
