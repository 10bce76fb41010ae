package dev.nwf.codec.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.RawDeflate;
import dev.nwf.codec.level.LevelCoding;
import dev.nwf.codec.transform.ColourTransform;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rows in a DEFLATE stream (SPEC.md §4.5): exact at every size, channel count and depth; damage named. */
class DeflateRowsTest {
    private static final NwfCodec.EncodeProgress QUIET = (level, total) -> { };

    @ParameterizedTest
    @CsvSource({"1,1,1,8", "1,37,3,8", "41,1,4,8", "17,13,2,1", "33,21,3,12", "20,9,1,16", "64,48,4,16", "9,30,3,5"})
    void rowsDecodeToTheSamples(int w, int h, int channels, int depth) throws Exception {
        for (Image img : List.of(SyntheticImages.graphic(w, h, channels, depth, w + 5L * h),
                SyntheticImages.noise(w, h, channels, depth, 3L * w + h))) {
            DeflateRows rows = new DeflateRows();
            List<byte[]> payloads = rows.encode(img, List.of(ColourTransform.NONE), QUIET).payloads();
            assertEquals(1, payloads.size());
            assertArrayEquals(new int[][] {{w, h}}, rows.sizes(w, h));
            LevelCoding.Decoder decoder = rows.decoder(channels, w, h, depth);
            long[] work = {0};
            decoder.next(payloads.get(0), 0, n -> work[0] += n);
            assertEquals(img.pixels(), work[0]);
            assertEquals(img.pixels(), decoder.work(1));
            for (int c = 0; c < channels; c++) assertArrayEquals(img.plane(c), decoder.planes()[c], img + " " + c);
        }
    }

    /** Rows of a 4x2 one-channel 8-bit image: filter type, then 4 bytes, for each of 2 rows. */
    private static byte[] stream(byte... plain) {
        return RawDeflate.deflate(plain, Deflater.DEFAULT_STRATEGY);
    }

    @Test
    void damagedRowsAreCorruptWithAReason() throws CorruptStreamException {
        // row 1 Up-filtered: 10 20 30 40 + 1 2 3 4 = 11 22 33 44
        byte[] ok = stream((byte) 0, (byte) 10, (byte) 20, (byte) 30, (byte) 40, (byte) 2, (byte) 1, (byte) 2, (byte) 3,
                (byte) 4);
        assertDoesDecode(ok, new int[] {10, 20, 30, 40, 11, 22, 33, 44});
        assertReason("filter type 5", stream((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 0,
                (byte) 0, (byte) 0, (byte) 0), 8);
        assertReason("inflate to 9 bytes, not 10", stream((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 0,
                (byte) 0, (byte) 0, (byte) 0), 8);
        assertReason("more than 10 bytes", stream(new byte[11]), 8);
        assertReason("sample 40, above 5 bits", ok, 5);
        byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertReason("after its DEFLATE stream", trailing, 8);
        assertReason("not a valid DEFLATE stream", new byte[] {(byte) 0xFF, (byte) 0xFF, 0x33}, 8);
    }

    private static void assertDoesDecode(byte[] payload, int[] samples) throws CorruptStreamException {
        LevelCoding.Decoder d = new DeflateRows().decoder(1, 4, 2, 8);
        d.next(payload, 0, n -> { });
        assertArrayEquals(samples, d.planes()[0]);
    }

    private static void assertReason(String expected, byte[] payload, int depth) {
        CorruptStreamException e = assertThrows(CorruptStreamException.class,
                () -> new DeflateRows().decoder(1, 4, 2, depth).next(payload, 0, n -> { }));
        assertTrue(e.reason().contains(expected), e.reason());
    }

    /** Every filter type PNG has, in one stream: Sub, Average and Paeth rows against the rows the encoder writes. */
    @Test
    void everyFilterTypeUnfiltersAsPngDoes() throws Exception {
        Image img = SyntheticImages.noise(7, 5, 3, 8, 9);
        int stride = DeflateRows.rowBytes(7, 3, 8);
        byte[] raw = new byte[stride * 5];
        byte[] filtered = new byte[raw.length];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                for (int c = 0; c < 3; c++) raw[y * stride + 1 + 3 * x + c] = (byte) img.plane(c)[y * 7 + x];
            }
        }
        for (int y = 0; y < 5; y++) {
            int type = y % DeflateRows.FILTERS;
            filtered[y * stride] = (byte) type;
            for (int i = 1; i < stride; i++) {
                filtered[y * stride + i] = (byte) (raw[y * stride + i]
                        - DeflateRows.predictor(type, raw, y * stride, i, stride, 3));
            }
        }
        LevelCoding.Decoder d = new DeflateRows().decoder(3, 7, 5, 8);
        d.next(RawDeflate.deflate(filtered, Deflater.DEFAULT_STRATEGY), 0, n -> { });
        for (int c = 0; c < 3; c++) assertArrayEquals(img.plane(c), d.planes()[c]);
    }
}
