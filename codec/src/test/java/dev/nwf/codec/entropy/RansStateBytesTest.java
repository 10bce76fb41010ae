package dev.nwf.codec.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A stream's final state in the fewest of 5 to 8 bytes, their count told by the stream's length (SPEC.md §3.1). */
class RansStateBytesTest {
    @Test
    void anEmptyStreamIsItsFiveByteState() throws Exception {
        byte[] stream = new RansEncoder().finish();
        assertArrayEquals(new byte[] {0, (byte) 0x80, 0, 0, 0}, stream, "2^31 in five bytes");
        new RansDecoder(stream).checkEnd();
    }

    @Test
    void everyStateTakesItsFewestBytesAndEveryCountOccurs() throws Exception {
        Random r = new Random(7);
        int[] seen = new int[9];
        for (int trial = 0; trial < 400; trial++) {
            RansEncoder enc = new RansEncoder();
            int n = r.nextInt(200);
            int[] bits = new int[n];
            for (int i = 0; i < n; i++) {
                bits[i] = r.nextInt(1 << 9);
                enc.putBits(bits[i], 9);
            }
            byte[] stream = enc.finish();
            int k = Rans.stateBytesIn(stream.length);
            long state = 0;
            for (int i = 0; i < k; i++) state = state << 8 | (stream[i] & 0xFF);
            assertEquals(Rans.stateBytes(state), k, "the state in its fewest bytes");
            assertEquals(0, (stream.length - k) % 4, "whole words after the state");
            seen[k]++;
            RansDecoder dec = new RansDecoder(stream);
            for (int i = 0; i < n; i++) assertEquals(bits[i], dec.getBits(9));
            dec.checkEnd();
        }
        for (int k = 5; k <= 8; k++) assertTrue(seen[k] > 0, "a final state of " + k + " bytes among 400 streams");
    }

    @Test
    void aStateWrittenInMoreBytesThanItNeedsIsRefused() {
        byte[] stream = new RansEncoder().finish();
        byte[] padded = new byte[stream.length + 1];
        System.arraycopy(stream, 0, padded, 1, stream.length);
        CorruptStreamException e = assertThrows(CorruptStreamException.class, () -> new RansDecoder(padded));
        assertTrue(e.getMessage().contains("initial state of 6 bytes fits in fewer"), e.getMessage());
        assertThrows(CorruptStreamException.class, () -> new RansDecoder(new byte[4]), "shorter than any state");
    }
}
