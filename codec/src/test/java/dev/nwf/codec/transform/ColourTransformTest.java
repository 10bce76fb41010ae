package dev.nwf.codec.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.CodingTool;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.TestModels;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** SPEC.md §4.1: each colour transform is exactly reversible, and the encoder picks subtract green where it pays. */
class ColourTransformTest {
    @Property(tries = 200)
    void everyTransformIsExactlyReversible(@ForAll @IntRange(min = 1, max = 16) int depth, @ForAll long seed) {
        Random r = new Random(seed);
        int[][] rgb = new int[3][64];
        for (int[] p : rgb) for (int i = 0; i < p.length; i++) p[i] = r.nextBoolean() ? r.nextInt(1 << depth)
                : (r.nextBoolean() ? 0 : (1 << depth) - 1);
        for (ColourTransform t : ColourTransform.values()) {
            int[][] p = {rgb[0].clone(), rgb[1].clone(), rgb[2].clone()};
            t.forward(p);
            t.inverse(p);
            for (int c = 0; c < 3; c++) assertArrayEquals(rgb[c], p[c], t + " channel " + c);
        }
    }

    @Test
    void subtractGreenPutsGreenFirst() {
        int[][] p = {{200}, {120}, {30}};
        ColourTransform.SUBTRACT_GREEN.forward(p);
        assertArrayEquals(new int[][] {{120}, {80}, {-90}}, p);
    }

    @Test
    void toolCodesNameTheTransforms() {
        assertEquals(ColourTransform.NONE, ColourTransform.ofCode(0));
        assertEquals(ColourTransform.YCOCG_R, ColourTransform.ofCode(1));
        assertEquals(ColourTransform.SUBTRACT_GREEN, ColourTransform.ofCode(2));
        assertEquals(ColourTransform.GREEN_FIRST, ColourTransform.ofCode(3));
        assertNull(ColourTransform.ofCode(4));
    }

    @Test
    void greenFirstSwapsTheFirstTwoPlanesAndBack() {
        int[][] p = {{200}, {120}, {30}, {7}};
        ColourTransform.GREEN_FIRST.forward(p);
        assertArrayEquals(new int[][] {{120}, {200}, {30}, {7}}, p);
        ColourTransform.GREEN_FIRST.inverse(p);
        assertArrayEquals(new int[][] {{200}, {120}, {30}, {7}}, p);
    }

    /** Red and blue that follow green: the encoder's trial picks subtract green, and the file is smaller for it. */
    @Test
    void encoderChoosesSubtractGreenWhereItCodesSmaller() throws Exception {
        Image img = greenish(96, 80);
        NwfCodec codec = new NwfCodec(TestModels.random(3));
        NwfFile chosen = codec.encode(img);
        java.util.Set<CodingTool> noTransform = java.util.EnumSet.copyOf(codec.tools());
        noTransform.remove(CodingTool.COLOUR_TRANSFORM);
        NwfFile plain = codec.withTools(noTransform).encode(img);
        assertEquals("subtract-green", NwfCodec.tools(chosen.header()).colourTransformName());
        assertEquals("none", NwfCodec.tools(plain.header()).colourTransformName());
        assertTrue(NwfContainer.toBytes(chosen).length < NwfContainer.toBytes(plain).length);
        assertTrue(img.sameAs(codec.decoder().decode(chosen).image()));
    }

    /**
     * Gray stored as 16-bit RGB: both transforms leave two zero planes, the tie goes to subtract green, and it
     * round-trips.
     */
    @Test
    void sixteenBitGrayAsRgbTakesSubtractGreenAndRoundTrips() throws Exception {
        Image gray = SyntheticImages.synthetic(70, 45, 1, 16, 23);
        Image img = new Image(70, 45, 16, new int[][] {gray.plane(0), gray.plane(0), gray.plane(0)});
        NwfCodec codec = new NwfCodec(TestModels.random(5));
        NwfFile file = codec.encode(img);
        assertEquals("subtract-green", NwfCodec.tools(file.header()).colourTransformName());
        assertTrue(img.sameAs(codec.decoder().decode(file).image()));
    }

    /** Channels that do not follow green: the untransformed planes, green first, win the trial. */
    @Test
    void encoderTakesGreenFirstWhereSubtractGreenDoesNotPay() throws Exception {
        Image img = SyntheticImages.synthetic(96, 80, 3, 8, 21);
        NwfCodec codec = new NwfCodec(TestModels.random(3));
        assertEquals("green-first", NwfCodec.tools(codec.encode(img).header()).colourTransformName());
    }

    private static Image greenish(int w, int h) {
        Image base = SyntheticImages.synthetic(w, h, 1, 8, 17);
        int[][] p = new int[3][w * h];
        for (int i = 0; i < w * h; i++) {
            int g = base.plane(0)[i];
            p[0][i] = i % w > w / 2 && i / w < h / 3 ? 255 : Math.min(255, g + 40);
            p[1][i] = g;
            p[2][i] = Math.max(0, g - 10);
        }
        return new Image(w, h, 8, p);
    }
}
