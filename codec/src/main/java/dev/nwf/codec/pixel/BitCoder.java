package dev.nwf.codec.pixel;

import dev.nwf.codec.entropy.RansDecoder;
import dev.nwf.codec.entropy.RansEncoder;

/**
 * Codes one binary decision under a 16-bit probability of a 1 (SPEC.md §4.4.4): the encoder queues the decision's
 * interval for rANS and returns the bit it was given, the decoder reads the bit. Sharing this interface keeps the
 * model's code one for both directions.
 */
interface BitCoder {
    /** Probabilities are kept within [{@value #MIN_P16}, 2^16 - {@value #MIN_P16}]. */
    int MIN_P16 = 16;

    int code(int bit, int p16);

    static int clamp(int p16) {
        return Math.max(MIN_P16, Math.min(Rans16.TOTAL - MIN_P16, p16));
    }

    /** The encoding side over a rANS queue: a 1 occupies [0, p), a 0 [p, 2^16). */
    final class Encoding implements BitCoder {
        private static final int BLOCK_BITS = 16;
        private static final int BLOCK = 1 << BLOCK_BITS;
        /**
         * The decisions queued for rANS, which codes them last first: each one's probability in a char and its bit in
         * a long's bit, 2⅛ bytes where {@link RansEncoder}'s interval takes 4 (a large graphic's level queues tens of
         * millions; issue #24). Blocks of 2^16, the first growing from 2^10.
         */
        private char[][] probs = new char[16][];
        private long[][] ones = new long[16][];
        private int count;

        @Override
        public int code(int bit, int p16) {
            int p = clamp(p16);
            int b = count >>> BLOCK_BITS;
            int i = count & (BLOCK - 1);
            if (b == probs.length) {
                probs = java.util.Arrays.copyOf(probs, 2 * b);
                ones = java.util.Arrays.copyOf(ones, 2 * b);
            }
            if (probs[b] == null) {
                probs[b] = new char[b == 0 ? 1 << 10 : BLOCK];
                ones[b] = new long[probs[b].length >>> 6];
            } else if (i == probs[b].length) {
                probs[b] = java.util.Arrays.copyOf(probs[b], 2 * i);
                ones[b] = java.util.Arrays.copyOf(ones[b], 2 * i >>> 6);
            }
            probs[b][i] = (char) p;
            if (bit != 0) ones[b][i >>> 6] |= 1L << i;
            count++;
            return bit;
        }

        /** Codes the queued decisions, a 1 as [0, p), a 0 as [p, 2^16); returns the stream and empties the queue. */
        byte[] finish() {
            byte[] out = RansEncoder.encodeBackwards(count, k -> {
                int b = k >>> BLOCK_BITS;
                int i = k & (BLOCK - 1);
                int p = probs[b][i];
                return (ones[b][i >>> 6] >>> i & 1) != 0 ? p : p << 16 | (Rans16.TOTAL - p);
            });
            probs = new char[16][];
            ones = new long[16][];
            count = 0;
            return out;
        }
    }

    /** The decoding side. */
    final class Decoding implements BitCoder {
        private final RansDecoder rans;

        Decoding(RansDecoder rans) {
            this.rans = rans;
        }

        @Override
        public int code(int ignored, int p16) {
            int p = clamp(p16);
            if (rans.peek() < p) {
                rans.advance(0, p);
                return 1;
            }
            rans.advance(p, Rans16.TOTAL - p);
            return 0;
        }
    }

    /** The rANS probability total. */
    final class Rans16 {
        static final int TOTAL = 1 << 16;

        private Rans16() {
        }
    }
}
