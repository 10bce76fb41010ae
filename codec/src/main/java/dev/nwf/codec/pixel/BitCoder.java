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
        final RansEncoder rans = new RansEncoder();

        @Override
        public int code(int bit, int p16) {
            int p = clamp(p16);
            if (bit != 0) rans.put(0, p);
            else rans.put(p, Rans16.TOTAL - p);
            return bit;
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
