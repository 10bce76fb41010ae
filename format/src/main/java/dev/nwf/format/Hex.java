package dev.nwf.format;

/** Lower-case hex of bytes and back: {@code java.util.HexFormat}'s two uses here, which the browser build lacks. */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    static String of(byte[] b) {
        char[] out = new char[2 * b.length];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = DIGITS[(b[i] >> 4) & 15];
            out[2 * i + 1] = DIGITS[b[i] & 15];
        }
        return new String(out);
    }

    static byte[] parse(String hex) {
        if (hex.length() % 2 != 0) throw new IllegalArgumentException("odd number of hex digits");
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) throw new IllegalArgumentException("not a hex digit in " + hex);
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
