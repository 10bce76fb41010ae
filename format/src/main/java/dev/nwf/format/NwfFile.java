package dev.nwf.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole content of a {@code .nwf} container: header, level index, the coded levels (coarsest first) and the
 * carried metadata. Level payloads are opaque bytes here; only the codec knows what they mean.
 *
 * @param metadata  the JSON object of the {@code meta} chunk (empty map when absent)
 * @param icc       ICC profile bytes, or null when absent
 * @param exif      EXIF bytes, or null when absent
 * @param unknown   unknown ancillary chunks, carried through on rewrite
 */
public record NwfFile(NwfHeader header, List<LevelInfo> levelIndex, List<byte[]> levels, Map<String, Object> metadata,
                      byte[] icc, byte[] exif, List<RawChunk> unknown) {

    /** Copies the lists and arrays, so a file never changes after construction. */
    public NwfFile {
        Objects.requireNonNull(header, "header");
        levelIndex = List.copyOf(levelIndex);
        List<byte[]> copies = new ArrayList<>(levels.size());
        for (byte[] level : levels) copies.add(level.clone());
        levels = List.copyOf(copies);
        metadata = metadata == null ? Map.of() : new LinkedHashMap<>(metadata);
        icc = icc == null ? null : icc.clone();
        exif = exif == null ? null : exif.clone();
        unknown = unknown == null ? List.of() : List.copyOf(unknown);
        if (levelIndex.size() != header.levels()) {
            throw new IllegalArgumentException("level index has " + levelIndex.size() + " entries, header says " + header.levels());
        }
        if (levels.size() > levelIndex.size()) {
            throw new IllegalArgumentException("more level payloads (" + levels.size() + ") than levels (" + levelIndex.size() + ")");
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).length != levelIndex.get(i).payloadLength()) {
                throw new IllegalArgumentException("level " + i + " payload is " + levels.get(i).length + " bytes, index says "
                        + levelIndex.get(i).payloadLength());
            }
        }
        for (RawChunk c : unknown) {
            if (c.isCritical() || ChunkTypes.isKnown(c.type())) {
                throw new IllegalArgumentException("only unknown ancillary chunks can be carried: " + c.type());
            }
        }
    }

    /** A file with every level present and no metadata. */
    public static NwfFile of(NwfHeader header, List<LevelInfo> levelIndex, List<byte[]> levels) {
        return new NwfFile(header, levelIndex, levels, Map.of(), null, null, List.of());
    }

    /** The same file under another header (levels and chunks unchanged). */
    public NwfFile withHeader(NwfHeader newHeader) {
        return new NwfFile(newHeader, levelIndex, levels, metadata, icc, exif, unknown);
    }

    /** The same file with other metadata (the meta object, ICC, EXIF); levels and unknown chunks unchanged. */
    public NwfFile withMetadata(Map<String, Object> newMetadata, byte[] newIcc, byte[] newExif) {
        return new NwfFile(header, levelIndex, levels, newMetadata, newIcc, newExif, unknown);
    }

    /** The coded levels, coarsest first, as copies. */
    @Override
    public List<byte[]> levels() {
        List<byte[]> copies = new ArrayList<>(levels.size());
        for (byte[] level : levels) copies.add(level.clone());
        return copies;
    }

    /** A copy of level {@code i}'s payload (0 is the coarsest). */
    public byte[] level(int i) {
        return levels.get(i).clone();
    }

    /** How many levels the file holds (fewer than the header's count when it was read from a cut stream). */
    public int levelCount() {
        return levels.size();
    }

    /** A copy of the ICC profile, or null. */
    @Override
    public byte[] icc() {
        return icc == null ? null : icc.clone();
    }

    /** A copy of the EXIF bytes, or null. */
    @Override
    public byte[] exif() {
        return exif == null ? null : exif.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NwfFile f)) return false;
        if (levels.size() != f.levels.size()) return false;
        for (int i = 0; i < levels.size(); i++) if (!Arrays.equals(levels.get(i), f.levels.get(i))) return false;
        return header.equals(f.header) && levelIndex.equals(f.levelIndex) && metadata.equals(f.metadata)
                && Arrays.equals(icc, f.icc) && Arrays.equals(exif, f.exif) && unknown.equals(f.unknown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, levelIndex, levels.size(), metadata);
    }
}
