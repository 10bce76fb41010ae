package dev.nwf.format;
/**
 * What a read recovered. A truncated file still yields every level whose chunk arrived whole and passed its CRC;
 * {@link #verifiedBytes()} says exactly how far the reader got.
 *
 * @param file          the content; {@code file.levels()} holds only complete, verified levels
 * @param complete      true when the end chunk was read
 * @param verifiedBytes offset just past the last chunk that arrived whole and CRC-verified (compact form: the
 *                      last level that arrived whole)
 * @param stopReason    null when complete, otherwise why reading stopped (e.g. "truncated in chunk LEVL #3")
 * @param form          the layout the bytes had
 */
public record NwfRead(NwfFile file, boolean complete, long verifiedBytes, String stopReason,
                      NwfContainer.Form form) {

    /** Levels that arrived whole and verified. */
    public int completeLevels() {
        return file.levelCount();
    }

    /** Levels the header announces. */
    public int totalLevels() {
        return file.header().levels();
    }
}
