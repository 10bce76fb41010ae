package dev.nwf.format;
/** Chunk type names (SPEC.md §2.3). Upper-case first letter = critical, lower-case = ancillary, as in PNG. */
final class ChunkTypes {
    static final String HEADER = "HEAD";
    static final String LEVEL_INDEX = "LIDX";
    static final String LEVEL = "LEVL";
    static final String END = "NEND";
    static final String METADATA = "meta";
    static final String ICC_PROFILE = "iccp";
    static final String EXIF = "exif";

    /** Bit 5 of the first type byte: set (lower case) means ancillary. */
    private static final int ANCILLARY_BIT = 0x20;

    private ChunkTypes() {
    }

    static boolean isCritical(String type) {
        return (type.charAt(0) & ANCILLARY_BIT) == 0;
    }

    static boolean isValid(String type) {
        if (type == null || type.length() != 4) return false;
        for (int i = 0; i < 4; i++) {
            char c = type.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
        }
        return true;
    }

    static void requireValid(String type) {
        if (!isValid(type)) throw new IllegalArgumentException("chunk type must be 4 ASCII letters: " + type);
    }

    static boolean isKnown(String type) {
        return switch (type) {
            case HEADER, LEVEL_INDEX, LEVEL, END, METADATA, ICC_PROFILE, EXIF -> true;
            default -> false;
        };
    }
}
