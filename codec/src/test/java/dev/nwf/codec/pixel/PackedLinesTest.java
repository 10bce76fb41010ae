package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.transform.ColourTransform;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packed lines (tool packed-lines, SPEC.md §4.4.11): the packed nodes take only the entries the exponent steps and
 * signs leave free, each its own; exact at edge sizes of 1 to 4 channels with and without the expert, a grid, a finish
 * and candidates, and at depths 1 to 16, where the packed differences are shorter; the same bytes on threads; the
 * levels differ from the tool's absence.
 */
class PackedLinesTest {
    /** Differences only, the expert and its classes, the far contexts, packed lines. */
    private static final PixelTools PACKED = PixelTools.DIFFERENCES.withExpert(true).withClasses(true)
            .withFarContexts(true).withPackedLines(true);

    /** For every difference length B: the nodes of e = 2..E sit apart, in the line, off the steps and the signs. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 9, 10, 11, 12, 14, 15, 16, 17})
    void packedNodesTakeOnlyFreeEntries(int bits) {
        Set<Integer> taken = new HashSet<>();
        for (int k = 0; k < bits; k++) taken.add(k);
        for (int e = 1; e <= Math.min(bits, PixelModel.SIGN_IN_LINE); e++) taken.add(PixelModel.MAX_BITS + e);
        int upTo = Math.min(bits, PixelModel.packedUpTo(bits));
        int nodes = 0;
        for (int e = 2; e <= upTo; e++) {
            for (int mag = 1; mag < 1 << e - 1; mag++) {
                int entry = PixelModel.packedEntry(bits, e, mag);
                assertTrue(entry >= 0 && entry < PixelModel.LINE, "B " + bits + ", e " + e + ": entry " + entry);
                assertTrue(taken.add(entry), "B " + bits + ", e " + e + ", node " + mag + ": entry " + entry + " taken");
                nodes++;
            }
        }
        assertEquals((1 << upTo) - upTo - 1, nodes);
        if (bits <= 10) assertEquals(Math.min(bits, 4), upTo, "B " + bits + " packs differences of 2 to 4 bits");
    }

    /** Edge sizes of 1 to 4 channels, every finish and none, with a grid, candidates, the expert's tools or not. */
    @ParameterizedTest
    @CsvSource({"1,1,1", "9,1,3", "1,17,1", "2,2,4", "17,17,3", "65,47,1", "129,67,3", "200,130,2"})
    void everyCodingDecodesExactly(int w, int h, int channels) throws Exception {
        boolean expert = (w + h) % 2 == 0;
        PixelLevelsTest.assertEveryCodingExact(w, h, channels, 17L * w, 11L * h, (candidates, g) ->
                PixelTools.CANDIDATES.withCandidates(candidates).withExpert(expert)
                        .withGridClasses(expert && g != null).withFarContexts(!expert)
                        .withPackedLines(true));
    }

    /** Depths whose differences pack up to 4, 3 and 2 bits (and 1-bit samples, which have no mantissa). */
    @ParameterizedTest
    @ValueSource(ints = {1, 8, 12, 16})
    void everyDepthDecodesExactly(int depth) throws Exception {
        int noise = depth / 3;
        Image img = depth == 1 ? SyntheticImages.synthetic(90, 60, 1, 1, 3)
                : SyntheticImages.waves(90, 60, depth, 1 << depth - 1, (1 << depth - 1) - 1 - noise, noise, depth);
        int t = PixelLevels.finishFor(90, 60, 0, 4);
        ColourTransform ct = ColourTransform.NONE;
        PixelLevelsTest.assertSameOnThreadsAndExact(new PixelLevels(ct, 0, 0, 0, t, null, PACKED),
                new PixelLevels(ct, 1, 0, 0, t, null, PACKED), img, ct, depth + "-bit waves");
    }

    /** The tool moves counters: a photo-like image's levels are not those of the tool's absence. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void theLevelsDiffer(int channels) {
        Image img = SyntheticImages.synthetic(128, 96, channels, 8, 12);
        ColourTransform ct = channels == 3 ? ColourTransform.SUBTRACT_GREEN : ColourTransform.NONE;
        assertFalse(Arrays.deepEquals(payloads(PACKED, img, ct), payloads(PACKED.withPackedLines(false), img, ct)));
    }

    private static byte[][] payloads(PixelTools tools, Image img, ColourTransform ct) {
        return new PixelLevels(ct, 0, 0, 0, 3, null, tools).encode(img, List.of(ct), (l, t) -> { }).payloads()
                .toArray(new byte[0][]);
    }
}
