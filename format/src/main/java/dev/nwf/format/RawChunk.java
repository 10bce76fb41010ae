package dev.nwf.format;

import java.util.Arrays;
import java.util.Objects;

/**
 * A chunk this version of the reader does not interpret: an unknown ancillary chunk, carried through so that
 * tools which rewrite a file do not lose it (SPEC.md §2.3).
 */
public record RawChunk(String type, byte[] payload) {
    /** Checks the type's four letters and copies the payload. */
    public RawChunk {
        ChunkTypes.requireValid(type);
        payload = payload.clone();
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Whether the type's first letter is upper case: a reader that does not know it must refuse the file. */
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
