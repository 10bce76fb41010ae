package dev.nwf.codec;
/** Told about each level as soon as it is decoded, coarsest first, for progressive display. */
@FunctionalInterface
public interface LevelListener {
    /** Wants nothing: the decoder builds no intermediate images. */
    LevelListener NONE = new LevelListener() {
        @Override
        public void levelDecoded(int level, int totalLevels, Image image) {
        }

        @Override
        public boolean wantsImages() {
            return false;
        }
    };

    /**
     * Level {@code level} of {@code totalLevels} is decoded; {@code image} is it (null unless {@link #wantsImages}).
     */
    void levelDecoded(int level, int totalLevels, Image image);

    /** Whether {@link #levelDecoded} needs each level's image (building one costs a copy and a colour transform). */
    default boolean wantsImages() {
        return true;
    }

    /**
     * Finer-grained, for a progress bar: {@code done} of {@code total} units of the levels being decoded (samples,
     * band by band, for the nwf family; levels for rgflow), told as each band or level completes.
     */
    default void workDone(long done, long total) {
    }
}
