package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.level.LevelCoding;
import dev.nwf.codec.nwf.context.BlockGrid;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.LevelPlan;
import dev.nwf.codec.transform.Pyramid;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pixel levels (SPEC.md §4.4): exact at every size and depth, with and without the expert, each level the decimated
 * image, damage detected.
 */
class PixelLevelsTest {
    static final NwfCodec.EncodeProgress QUIET = (level, total) -> { };

    /**
     * Edge sizes, every channel count, 1 to 16 bits, with and without a colour transform (signed planes), with
     * candidates and differences only.
     */
    @ParameterizedTest
    @CsvSource({"1,1,1,8,0", "1,57,3,8,2", "57,1,1,8,0", "2,2,4,8,2", "17,17,3,8,1", "33,15,2,8,0", "65,47,3,8,2",
        "31,29,3,16,2", "40,40,1,16,0", "19,23,4,12,1", "24,20,1,1,0", "129,67,3,8,3", "300,120,4,8,2",
        "260,130,2,16,0"})
    void everyLevelDecodesToTheDecimatedImage(int w, int h, int channels, int depth, int transformCode) throws Exception {
        ColourTransform ct = transformCode == 0 ? ColourTransform.NONE : ColourTransform.ofCode(transformCode);
        for (boolean candidates : new boolean[] {true, false}) {
            for (Image img : List.of(SyntheticImages.graphic(w, h, channels, depth, w * 7L + h),
                    SyntheticImages.noise(w, h, channels, depth, w + 3L * h))) {
                assertDecodesToDecimated(new PixelLevels(ct, 0, 0, 0, candidates), img, ct);
                // with the expert (SPEC.md §4.4.5) too
                assertDecodesToDecimated(new PixelLevels(ct, 0, 0, 0, candidates, true), img, ct);
            }
        }
    }

    /**
     * Codes {@code img} under {@code ct} with {@code coding} and with {@code serial} (the same tools on one thread),
     * asserts that both give the same payloads, and that they decode to the image's transformed planes.
     */
    static void assertSameOnThreadsAndExact(PixelLevels coding, PixelLevels serial, Image img, ColourTransform ct,
            String what) throws Exception {
        List<byte[]> payloads = coding.encode(img, List.of(ct), QUIET).payloads();
        List<byte[]> one = serial.encode(img, List.of(ct), QUIET).payloads();
        LevelCoding.Decoder decoder = coding.decoder(img.channels(), img.width(), img.height(), img.bitDepth());
        for (int level = 0; level < payloads.size(); level++) {
            assertArrayEquals(payloads.get(level), one.get(level), what + ": threads, level " + level);
            decoder.next(payloads.get(level), 0, n -> { });
        }
        int[][] planes = Pyramid.transformedPlanes(img, ct);
        for (int c = 0; c < img.channels(); c++) {
            assertArrayEquals(planes[c], decoder.planes()[c], what + ", channel " + c);
        }
    }

    /** The bytes of {@code img}'s levels under {@code ct} with {@code coding}. */
    /** A pixel-level coding under {@code ct} on {@code threads} (0: its parts side by side, 1: one after another). */
    interface Coding {
        PixelLevels of(ColourTransform ct, int threads, boolean candidates, int finish, BlockGrid grid);
    }

    /**
     * Codes a w×h image of {@code channels} channels (subtract green from three) with no finish and with one from
     * 2^min(4, plan − 1), as a graphic with candidates (seed {@code graphicSeed} + t) and as a photo-like image of
     * differences only ({@code photoSeed} + t), without and with {@code grid}: the same bytes on threads, and exact.
     */
    static void assertEveryCodingExact(int w, int h, int channels, BlockGrid grid, long graphicSeed, long photoSeed,
            Coding coding) throws Exception {
        ColourTransform ct = channels >= 3 ? ColourTransform.SUBTRACT_GREEN : ColourTransform.NONE;
        int plan = LevelPlan.sizes(w, h).length;
        for (int t : new int[] {0, Math.min(4, plan - 1)}) {
            for (boolean candidates : new boolean[] {true, false}) {
                Image img = candidates ? SyntheticImages.graphic(w, h, channels, 8, graphicSeed + t)
                        : SyntheticImages.synthetic(w, h, channels, 8, photoSeed + t);
                for (BlockGrid g : new BlockGrid[] {null, grid}) {
                    assertSameOnThreadsAndExact(coding.of(ct, 0, candidates, t, g), coding.of(ct, 1, candidates, t, g),
                            img, ct, "t " + t + (g == null ? "" : ", grid"));
                }
            }
        }
    }

    /** The pixel tools of a tool's contract test, by candidates or not and the grid (null: none). */
    interface Tools {
        PixelTools of(boolean candidates, BlockGrid grid);
    }

    /**
     * {@link #assertEveryCodingExact(int, int, int, BlockGrid, long, long, Coding)} of pixel levels with these tools,
     * with and without an 8×8 grid from column 3 and row 5: every tool's contract test.
     */
    static void assertEveryCodingExact(int w, int h, int channels, long graphicSeed, long photoSeed, Tools tools)
            throws Exception {
        assertEveryCodingExact(w, h, channels, BlockGrid.read(new byte[] {8, 3, 5}, 0), graphicSeed, photoSeed,
                (ct, threads, candidates, t, g) -> new PixelLevels(ct, threads, 0, 0, t, g, tools.of(candidates, g)));
    }

    static long payloadBytes(PixelLevels coding, Image img, ColourTransform ct) {
        return coding.encode(img, List.of(ct), QUIET).payloads().stream().mapToLong(b -> b.length).sum();
    }

    private static void assertDecodesToDecimated(PixelLevels coding, Image img, ColourTransform ct) throws Exception {
        int w = img.width();
        int h = img.height();
        int channels = img.channels();
        int depth = img.bitDepth();
        List<byte[]> payloads = coding.encode(img, List.of(ct), QUIET).payloads();
        int[][] sizes = LevelPlan.sizes(w, h);
        assertEquals(sizes.length, payloads.size());
        int[][] planes = Pyramid.transformedPlanes(img, ct);
        LevelCoding.Decoder decoder = coding.decoder(channels, w, h, depth);
        long[] work = {0};
        for (int level = 0; level < sizes.length; level++) {
            decoder.next(payloads.get(level), 0, n -> work[0] += n);
            int stride = 1 << (sizes.length - 1 - level);
            for (int c = 0; c < channels; c++) {
                assertArrayEquals(decimated(planes[c], w, h, stride), decoder.planes()[c],
                        "level " + level + " channel " + c + " of " + img);
            }
        }
        assertEquals(decoder.work(sizes.length), work[0]);
        assertEquals(img.pixels(), work[0]);
    }

    /**
     * Leaving out coarse levels: level 0 is the plan's level k in raster order, each level still the decimated image,
     * and the file smaller (a graphic's coarse levels are its most costly samples).
     */
    @ParameterizedTest
    @CsvSource({"90,70,3,2", "64,64,1,0", "5,300,4,2"})
    void levelsLeftOutStillDecodeToTheDecimatedImage(int w, int h, int channels, int transformCode) throws Exception {
        ColourTransform ct = ColourTransform.ofCode(transformCode);
        Image img = SyntheticImages.graphic(w, h, channels, 8, 77);
        int[][] plan = LevelPlan.sizes(w, h);
        int[][] planes = Pyramid.transformedPlanes(img, ct);
        long previous = Long.MAX_VALUE;
        for (int skipped = 0; skipped < plan.length; skipped++) {
            PixelLevels coding = new PixelLevels(ct, 0, skipped);
            List<byte[]> payloads = coding.encode(img, List.of(ct), QUIET).payloads();
            int levels = plan.length - skipped;
            assertEquals(levels, payloads.size());
            assertEquals(levels, coding.sizes(w, h).length);
            LevelCoding.Decoder decoder = coding.decoder(channels, w, h, 8);
            for (int level = 0; level < levels; level++) {
                decoder.next(payloads.get(level), 0, n -> { });
                assertArrayEquals(plan[skipped + level], coding.sizes(w, h)[level]);
                for (int c = 0; c < channels; c++) {
                    assertArrayEquals(decimated(planes[c], w, h, 1 << (levels - 1 - level)), decoder.planes()[c],
                            "level " + level + " of " + levels);
                }
            }
            long bytes = payloads.stream().mapToLong(b -> b.length).sum();
            if (skipped == plan.length - 1) assertTrue(bytes < previous, bytes + " bytes in one level, " + previous);
            if (skipped == 0) previous = bytes;
        }
    }

    /**
     * A raster finish (SPEC.md §4.4.1): the levels down to stride 2^t, each the decimated image, then the whole image;
     * exact at edge sizes, with every t the plan allows, with and without candidates and the expert, on one thread and
     * on several (the same bytes); a t that leaves no level before the finish makes no levels.
     */
    @ParameterizedTest
    @CsvSource({"1,37,1,0", "37,1,3,2", "17,17,3,1", "65,47,3,2", "129,67,4,2", "300,200,3,2", "200,130,1,0"})
    void aRasterFinishDecodesEachLevelAndTheImage(int w, int h, int channels, int transformCode) throws Exception {
        ColourTransform ct = transformCode == 0 ? ColourTransform.NONE : ColourTransform.ofCode(transformCode);
        int[][] plan = LevelPlan.sizes(w, h);
        int[][] planes = null;
        for (int t = 1; t < plan.length; t++) {
            for (boolean candidates : new boolean[] {true, false}) {
                Image img = candidates ? SyntheticImages.graphic(w, h, channels, 8, 5L * w + t)
                        : SyntheticImages.noise(w, h, channels, 8, 3L * h + t);
                planes = Pyramid.transformedPlanes(img, ct);
                PixelLevels coding = new PixelLevels(ct, 0, 0, 0, candidates, !candidates, t);
                List<byte[]> payloads = coding.encode(img, List.of(ct), QUIET).payloads();
                List<byte[]> serial = new PixelLevels(ct, 1, 0, 0, candidates, !candidates, t).encode(img,
                        List.of(ct), QUIET).payloads();
                int levels = plan.length - t + 1;
                assertEquals(levels, payloads.size());
                assertEquals(levels, coding.sizes(w, h).length);
                assertArrayEquals(new int[] {w, h}, coding.sizes(w, h)[levels - 1]);
                LevelCoding.Decoder decoder = coding.decoder(channels, w, h, 8);
                long[] work = {0};
                for (int level = 0; level < levels; level++) {
                    assertArrayEquals(payloads.get(level), serial.get(level), "threads, level " + level);
                    decoder.next(payloads.get(level), 0, n -> work[0] += n);
                    int stride = level == levels - 1 ? 1 : 1 << (levels - 2 - level + t);
                    assertArrayEquals(plan[plan.length - 1 - Integer.numberOfTrailingZeros(stride)],
                            coding.sizes(w, h)[level]);
                    for (int c = 0; c < channels; c++) {
                        assertArrayEquals(decimated(planes[c], w, h, stride), decoder.planes()[c],
                                "t " + t + ", level " + level + " channel " + c);
                    }
                }
                assertEquals(img.pixels(), work[0]);
                assertEquals(decoder.work(levels), work[0]);
            }
        }
        assertEquals(0, new PixelLevels(ColourTransform.NONE, 0, 0, 0, true, false, plan.length).sizes(w, h).length,
                "no level of stride 2^t before the finish");
        assertEquals(plan.length - 1, PixelLevels.finishFor(w, h, 0, 40));
        assertEquals(0, PixelLevels.finishFor(w, h, plan.length - 1, 4), "one level: no finish");
    }

    /**
     * Level 0's period (SPEC.md §4.4.1): the encoder finds a sprite strip's frame width and not a period in noise or in
     * smooth shapes; with it a strip's one level codes smaller, and every level count decodes exactly
     * (the period applies to level 0 only).
     */
    @Test
    void aPeriodFindsRepeatedFramesAndDecodesExactly() throws Exception {
        Image strip = SyntheticImages.spriteStrip(12, 20, 16, 3, 5);
        int planned = LevelPlan.sizes(strip.width(), strip.height()).length;
        assertEquals(20, Period.choose(strip, 1));
        assertEquals(0, Period.choose(SyntheticImages.noise(120, 40, 3, 8, 1), 1));
        assertEquals(7, Period.choose(SyntheticImages.graphic(120, 40, 3, 8, 1), 1), "its glyphs repeat every 7 pixels");
        assertEquals(0, Period.choose(SyntheticImages.fourColours(120, 40, 1), 1));
        ColourTransform ct = ColourTransform.SUBTRACT_GREEN;
        int[][] planes = Pyramid.transformedPlanes(strip, ct);
        long without = new PixelLevels(ct, 1, planned - 1).encode(strip, List.of(ct), QUIET).payloads().get(0).length;
        for (int skipped : new int[] {planned - 1, planned - 2, 0}) {
            PixelLevels coding = new PixelLevels(ct, 1, skipped, 20);
            List<byte[]> payloads = coding.encode(strip, List.of(ct), QUIET).payloads();
            if (skipped == planned - 1) assertTrue(payloads.get(0).length * 10L < without * 9, payloads.get(0).length
                    + " bytes with the period, " + without + " without");
            LevelCoding.Decoder decoder = coding.decoder(3, strip.width(), strip.height(), 8);
            for (byte[] p : payloads) decoder.next(p, 0, n -> { });
            for (int c = 0; c < 3; c++) assertArrayEquals(planes[c], decoder.planes()[c], "skipped " + skipped);
            // decoded without the period, one level's bytes are another image (or corrupt)
            if (skipped != planned - 1) continue;
            LevelCoding.Decoder wrong = new PixelLevels(ct, 1, skipped).decoder(3, strip.width(), strip.height(), 8);
            boolean differs = false;
            try {
                for (byte[] p : payloads) wrong.next(p, 0, n -> { });
                for (int c = 0; c < 3; c++) differs |= !java.util.Arrays.equals(planes[c], wrong.planes()[c]);
            } catch (CorruptStreamException e) {
                differs = true;
            }
            assertTrue(differs, "skipped " + skipped);
        }
    }

    private static int[] decimated(int[] plane, int w, int h, int s) {
        int dw = (w + s - 1) / s;
        int dh = (h + s - 1) / s;
        int[] out = new int[dw * dh];
        for (int y = 0; y < dh; y++) for (int x = 0; x < dw; x++) out[y * dw + x] = plane[y * s * w + x * s];
        return out;
    }

    /** A repetitive graphic codes in far fewer bits than its raw samples; its noise does not. */
    @Test
    void repeatedPixelsCostLittle() {
        Image graphic = SyntheticImages.graphic(200, 150, 3, 8, 5);
        long bytes = bytes(graphic);
        assertTrue(bytes * 8 < graphic.pixels() * 3 / 5, bytes + " bytes for " + graphic);
        Image noise = SyntheticImages.noise(200, 150, 3, 8, 5);
        assertTrue(bytes(noise) * 8 > noise.pixels() * 3 * 6, "noise stays near its 8 bits a sample");
    }

    /**
     * Differences only (SPEC.md §4.4) pay where samples rarely equal a neighbour — a smooth gradient under fine
     * noise, as a textured render or a camera frame — and cost where they often do (a graphic).
     */
    @Test
    void differencesOnlyPayOnTexturesAndCostOnGraphics() {
        Image textured = SyntheticImages.waves(160, 120, 8, 128, 60, 6, 3);
        long with = bytes(textured, true);
        long without = bytes(textured, false);
        assertTrue(without < with, without + " bytes as differences only, " + with + " with candidates");
        Image graphic = SyntheticImages.graphic(160, 120, 3, 8, 3);
        assertTrue(bytes(graphic, false) > bytes(graphic, true), "a graphic's repeats are what candidates code");
    }

    private static long bytes(Image img, boolean candidates) {
        ColourTransform ct = ColourTransform.NONE;
        return new PixelLevels(ct, 0, 0, 0, candidates).encode(img, List.of(ct), QUIET).payloads().stream()
                .mapToLong(b -> b.length).sum();
    }

    /** A period is a candidate's: differences only have none. */
    @Test
    void aPeriodNeedsCandidates() {
        assertThrows(IllegalArgumentException.class, () -> new PixelLevels(ColourTransform.NONE, 0, 0, 16, false));
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> new PixelLevels(ColourTransform.NONE, 0, 0, 16,
                true));
    }

    private static long bytes(Image img) {
        return new PixelLevels(ColourTransform.NONE).encode(img, List.of(ColourTransform.NONE), QUIET).payloads()
                .stream().mapToLong(b -> b.length).sum();
    }

    /**
     * A large level codes each part of each channel in a stream of its own, side by side on threads: the bytes are
     * the same with one thread, and each decodes the other's; one channel (a palette's indices) has two streams.
     */
    @ParameterizedTest
    @CsvSource({"3, 2, true", "1, 0, true", "3, 2, false"})
    void partsOnThreadsCodeTheSameBytes(int channels, int transformCode, boolean candidates) throws Exception {
        Image img = SyntheticImages.graphic(300, 200, channels, 8, 12);
        ColourTransform ct = ColourTransform.ofCode(transformCode);
        List<byte[]> parallel = new PixelLevels(ct, 0, 0, 0, candidates).encode(img, List.of(ct), QUIET).payloads();
        List<byte[]> serial = new PixelLevels(ct, 1, 0, 0, candidates).encode(img, List.of(ct), QUIET).payloads();
        assertEquals(parallel.size(), serial.size());
        for (int i = 0; i < parallel.size(); i++) assertArrayEquals(parallel.get(i), serial.get(i), "level " + i);
        int[][] planes = Pyramid.transformedPlanes(img, ct);
        for (int threads : new int[] {0, 1}) {
            LevelCoding.Decoder decoder = new PixelLevels(ct, threads, 0, 0, candidates).decoder(channels, 300, 200,
                    8);
            for (byte[] p : serial) decoder.next(p, 0, n -> { });
            for (int c = 0; c < channels; c++) assertArrayEquals(planes[c], decoder.planes()[c]);
        }
        // the finest level holds 45 000 pixels: two streams per channel, the lengths of all but the last ahead
        byte[] last = serial.get(serial.size() - 1);
        java.nio.ByteBuffer lengths = java.nio.ByteBuffer.wrap(last);
        long before = 4L * (2 * channels - 1);
        for (int k = 0; k < 2 * channels - 1; k++) {
            int length = lengths.getInt();
            assertTrue(length > 0, "stream " + k);
            before += length;
        }
        assertTrue(before < last.length, before + " bytes ahead of the last stream of " + last.length);
        byte[] tooLong = last.clone();
        tooLong[0] = 0x7F;
        LevelCoding.Decoder decoder = new PixelLevels(ct, 0, 0, 0, candidates).decoder(channels, 300, 200, 8);
        for (int i = 0; i < serial.size() - 1; i++) decoder.next(serial.get(i), 0, n -> { });
        CorruptStreamException e = assertThrows(CorruptStreamException.class, () -> decoder.next(tooLong, 0, n -> { }));
        assertTrue(e.getMessage().contains("runs past the level's end"), e.getMessage());
    }

    /** A DOWN row waits for the ACROSS row below it, and a channel's row for the previous channel's. */
    @Test
    void rowGateWaitsForTheRowsARowNeeds() throws Exception {
        RowGate gate = new RowGate(2, 5);
        java.util.concurrent.CountDownLatch passed = new java.util.concurrent.CountDownLatch(1);
        // channel 0's DOWN row 0 (the level's row 5) needs ACROSS rows 0 and 1
        Thread down = new Thread(() -> {
            gate.awaitRow(0, 1, 5);
            passed.countDown();
        });
        down.start();
        gate.rowDone(0, 0, 0);
        assertFalse(passed.await(100, java.util.concurrent.TimeUnit.MILLISECONDS), "passed with one ACROSS row");
        gate.rowDone(0, 0, 1);
        assertTrue(passed.await(10, java.util.concurrent.TimeUnit.SECONDS));
        down.join();
        // channel 1's ACROSS row 2 needs channel 0's
        java.util.concurrent.CountDownLatch second = new java.util.concurrent.CountDownLatch(1);
        Thread across = new Thread(() -> {
            gate.awaitRow(1, 0, 2);
            second.countDown();
        });
        across.start();
        assertFalse(second.await(100, java.util.concurrent.TimeUnit.MILLISECONDS), "passed before channel 0");
        gate.rowDone(0, 0, 2);
        assertTrue(second.await(10, java.util.concurrent.TimeUnit.SECONDS));
        across.join();
    }

    /** A flipped byte, a cut payload or trailing bytes are reported as a corrupt stream with an offset. */
    @Test
    void damagedLevelsAreDetected() {
        Image img = SyntheticImages.graphic(90, 70, 3, 8, 9);
        PixelLevels coding = new PixelLevels(ColourTransform.SUBTRACT_GREEN);
        List<byte[]> payloads = coding.encode(img, List.of(ColourTransform.SUBTRACT_GREEN), QUIET).payloads();
        byte[] last = payloads.get(payloads.size() - 1);
        byte[] flipped = last.clone();
        flipped[last.length / 2] ^= 0x10;
        byte[] cut = java.util.Arrays.copyOf(last, last.length - 4);
        byte[] longer = java.util.Arrays.copyOf(last, last.length + 4);
        for (byte[] bad : List.of(flipped, cut, longer)) {
            LevelCoding.Decoder decoder = coding.decoder(3, 90, 70, 8);
            CorruptStreamException e = assertThrows(CorruptStreamException.class, () -> {
                for (int i = 0; i < payloads.size() - 1; i++) decoder.next(payloads.get(i), 0, n -> { });
                decoder.next(bad, 0, n -> { });
            });
            assertTrue(e.offset() >= 0);
        }
    }

    /** The encoder tries pixel levels where many pixels repeat a neighbour, not on noise or photographs. */
    @Test
    void triedOnGraphicsOnly() {
        assertTrue(PixelLevels.worthTrying(SyntheticImages.graphic(80, 60, 3, 8, 1)));
        assertTrue(PixelLevels.worthTrying(SyntheticImages.plot(80, 60)));
        assertFalse(PixelLevels.worthTrying(SyntheticImages.noise(80, 60, 3, 8, 1)));
        assertFalse(PixelLevels.worthTrying(SyntheticImages.synthetic(80, 60, 3, 8, 1)));
    }

    /** The logistic tables are each other's inverse to within a step, and monotone. */
    @Test
    void stretchInvertsSquash() {
        for (int p = 1; p < 4096; p++) {
            assertTrue(Math.abs(Logistic.squash(Logistic.stretch(p)) - p) <= 1 + p / 64, "p " + p);
            if (p > 1) assertTrue(Logistic.stretch(p) >= Logistic.stretch(p - 1));
        }
        assertEquals(2048, Logistic.squash(0));
    }
}
