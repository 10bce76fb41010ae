package dev.nwf.codec.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.entropy.CorruptStreamException;
import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BandStreamsTest {
    /** A stream of {@code n} random 9-bit values (raw bits), from seed {@code seed}. */
    private static byte[] stream(int n, long seed) {
        RansEncoder enc = new RansEncoder();
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) enc.putBits(r.nextInt(512), 9);
        return enc.finish();
    }

    @Test
    void streamsSplitWhereTheirLengthsSayAndDecodeWhole() throws CorruptStreamException {
        // lengths below and above 128 (one and two LEB128 bytes); the last stream's length is not written
        int[] counts = {0, 100, 3, 400, 1};
        List<byte[]> streams = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) streams.add(stream(counts[k], k));
        byte[] prefix = {1, 2, 3};
        byte[] joined = BandStreams.join(streams);
        byte[] payload = new byte[prefix.length + joined.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(joined, 0, payload, prefix.length, joined.length);
        int lengths = 0;
        for (int k = 0; k < counts.length - 1; k++) lengths += streams.get(k).length < 128 ? 1 : 2;
        assertEquals(lengths + streams.stream().mapToInt(s -> s.length).sum(), joined.length);
        RansDecoder[] decoders = BandStreams.split(payload, prefix.length, counts.length);
        for (int k = 0; k < counts.length; k++) {
            Random r = new Random(k);
            for (int i = 0; i < counts[k]; i++) assertEquals(r.nextInt(512), decoders[k].getBits(9),
                    "stream " + k + ", value " + i);
            decoders[k].checkEnd();
        }
    }

    private static String failure(byte[] payload, int n) {
        return assertThrows(CorruptStreamException.class, () -> BandStreams.split(payload, 0, n)).getMessage();
    }

    @Test
    void damagedLayoutsAreCorruptWithTheirOwnMessages() {
        byte[] a = stream(20, 1);
        byte[] b = stream(30, 2);
        byte[] ok = BandStreams.join(List.of(a, b));
        assertTrue(failure(new byte[] {(byte) 0x80}, 2).contains("ends inside the length of band stream 0"));
        byte[] longNumber = new byte[20];
        Arrays.fill(longNumber, 0, 6, (byte) 0x81);
        assertTrue(failure(longNumber, 2).contains("longer than 5 bytes"));
        byte[] pastEnd = ok.clone();
        int tooLong = a.length + b.length + 1;
        assertTrue(tooLong < 128, "one LEB128 byte");
        pastEnd[0] = (byte) tooLong;
        assertTrue(failure(pastEnd, 2).contains("band stream 0 of " + tooLong + " bytes runs past the level's end"));
        byte[] shortLast = Arrays.copyOf(ok, 1 + a.length + 4);
        assertTrue(failure(shortLast, 2).contains("band stream 1 has 4 bytes, fewer than its state's least 5"));
        byte[] extra = Arrays.copyOf(ok, ok.length + 1);
        assertThrows(CorruptStreamException.class, () -> {
            RansDecoder[] d = BandStreams.split(extra, 0, 2);
            for (int i = 0; i < 30; i++) d[1].getBits(9);
            d[1].checkEnd();
        }, "a byte after the last stream is left unread");
    }
}
