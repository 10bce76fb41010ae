package dev.nwf.format;

/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the chunk check of SPEC.md §2.2: the same values as
 * {@code java.util.zip.CRC32C}, which the browser build (TeaVM) lacks. Slicing by 8 bytes.
 */
final class Crc32c {
    private static final int[][] T = new int[8][256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? c >>> 1 ^ 0x82F63B78 : c >>> 1;
            T[0][i] = c;
        }
        for (int i = 0; i < 256; i++) {
            for (int t = 1; t < 8; t++) T[t][i] = T[t - 1][i] >>> 8 ^ T[0][T[t - 1][i] & 0xFF];
        }
    }

    private int crc = ~0;

    void update(byte[] b) {
        update(b, 0, b.length);
    }

    void update(byte[] b, int off, int len) {
        int c = crc;
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            c ^= (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
            c = T[7][c & 0xFF] ^ T[6][c >>> 8 & 0xFF] ^ T[5][c >>> 16 & 0xFF] ^ T[4][c >>> 24]
                    ^ T[3][b[i + 4] & 0xFF] ^ T[2][b[i + 5] & 0xFF] ^ T[1][b[i + 6] & 0xFF] ^ T[0][b[i + 7] & 0xFF];
        }
        for (; i < end; i++) c = c >>> 8 ^ T[0][(c ^ b[i]) & 0xFF];
        crc = c;
    }

    long getValue() {
        return ~crc & 0xFFFFFFFFL;
    }
}
