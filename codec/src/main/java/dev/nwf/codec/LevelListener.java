package dev.nwf.codec;

/** Told about each level as soon as it is decoded, coarsest first, for progressive display. */
@FunctionalInterface
public interface LevelListener {
    LevelListener NONE = (level, total, image) -> { };

    void levelDecoded(int level, int totalLevels, Image image);
}
