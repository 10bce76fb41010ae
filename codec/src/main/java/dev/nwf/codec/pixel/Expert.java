package dev.nwf.codec.pixel;

/**
 * The expert (SPEC.md §4.4.5, tool pixel-levels' expert flag): a logistic distribution of a difference, located by
 * {@link LeastSquares} and scaled by the differences seen at the sample's error level, that gives each of the
 * difference's exponent steps, its sign and its mantissa bits a probability, stretched, as one more mixer input. The
 * prediction P is not moved, so every context keyed by it keeps what it learnt. A crop's counters have learnt little
 * when its samples come, where the distribution is right from its first samples: set P's 32×32 crops as pixel levels
 * 5 % smaller, whole photos 1–2.3 %. Doubles throughout, with + − × ÷ and comparisons only (IEEE 754, round to
 * nearest, no fused operations), so every conforming platform computes the same probabilities.
 */
final class Expert {
    /** Scale units the survival table spans either side of the location, and its points a unit. */
    private static final int SPAN = 32;
    private static final int STEPS = 32;
    private static final double[] SURVIVAL = survivalTable();
    /** A scale's running mean of |difference|, per state set and error level, in 1/256 (0: none yet). */
    private final int[] meanAbs;
    private final LeastSquares location;
    private int at;
    /**
     * With tool expert-errors (SPEC.md §4.4.7), the location's bias per own-error pattern and error level: the running
     * mean of the sample's offset from the least squares' location, in 1/256; else null.
     */
    private final int[] bias;
    private int biasAt;
    /** The least squares' location in sixteenths: what the own error and the bias are measured from. */
    private long located;

    /**
     * An expert of {@code sets} state sets: one per pass, or with a grid (SPEC.md §4.4.6) one per pass and position,
     * each with its own location statistics and scales; with tool expert-errors ({@code ownErrors}, SPEC.md §4.4.7)
     * the location is corrected by a bias and the scale keyed by the own errors' level; with tool expert-classes
     * ({@code classes}, SPEC.md §4.4.8) each pass's set's location is learnt per class of the sample's neighbourhood;
     * with tool grid-classes ({@code gridClasses}, SPEC.md §4.4.10) each grid position's set's per quarter of its error
     * level; with tool lean-model ({@code lean}, SPEC.md §4.4.13) the least squares learn every fourth sample past a
     * set's first ones.
     */
    Expert(int sets, boolean ownErrors, boolean classes, boolean gridClasses, boolean lean) {
        meanAbs = new int[sets * 16];
        location = new LeastSquares(sets, classes ? LeastSquares.CLASSES : 1,
                gridClasses ? LeastSquares.GRID_CLASSES : 1, lean);
        bias = ownErrors ? new int[PassErrors.OWN_PATTERNS * 16] : null;
    }

    /** An expert without tools expert-errors and expert-classes. */
    Expert(int sets) {
        this(sets, false, false, false, false);
    }

    private double centre;
    private double inverseScale;
    /** P(|difference| ≥ 2^k) of the last exponent step k: the next step's condition. */
    private double tail;
    /** More than any difference's bit length (at most a 32-bit sample's, and one more for its sign). */
    private static final int MAX_STEPS = 34;
    /**
     * P(difference ≥ 2^k) and P(difference ≤ −2^k) of the {@link #steps} exponent steps taken: the sign's and the
     * mantissa's bounds, so that neither looks the distribution up again.
     */
    private final double[] above = new double[MAX_STEPS];
    private final double[] below = new double[MAX_STEPS];
    private int steps;
    /** The mantissa's magnitudes still possible, [lo, hi), as P(the sign's side, |difference| ≥ m) at lo, hi, mid. */
    private double atLo;
    private double atHi;
    private double atMid;

    /**
     * 1 / (1 + e^z) at z = i / 32 − 32, from e^(1/32) multiplied up (or divided down) in a fixed order: the same table
     * on every platform, without a library exponential.
     */
    private static double[] survivalTable() {
        double step = 1.0317434074991028; // e^(1/32)
        int n = 2 * SPAN * STEPS;
        double[] powers = new double[SPAN * STEPS + 1];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) powers[i] = powers[i - 1] * step;
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            int j = i - SPAN * STEPS;
            double e = j >= 0 ? powers[j] : 1 / powers[-j];
            t[i] = 1 / (1 + e);
        }
        return t;
    }

    /**
     * Sets up the distribution of the next difference from prediction {@code pred}: located by least squares over
     * {@code features} (offsets from {@code base}, P0), scaled by state set {@code set}'s mean at error level
     * {@code level} ({@link PassErrors#level}, or with own errors {@link PassErrors#ownLevel}), started from the
     * errors' weighted sum {@code errorSum} where none is known yet; with own errors, the location moved by the bias
     * at {@code biasContext}.
     */
    void start(int set, int level, int errorSum, int base, int pred, long[] features, int biasContext) {
        at = set * 16 + level;
        if (meanAbs[at] == 0) meanAbs[at] = Math.max(64, errorSum * 256 / 6);
        long sixteenths = location.predict(set, level, features);
        located = sixteenths;
        centre = (16.0 * base + sixteenths) / 16.0 - pred;
        if (bias != null) {
            biasAt = biasContext;
            centre += bias[biasAt] / 256.0;
        }
        double scale = meanAbs[at] / 256.0 / 1.386 * 0.7;
        inverseScale = 1 / (scale < 0.15 ? 0.15 : scale);
        tail = 1.0;
        steps = 0;
    }

    /** P(difference ≥ t), t an integer (the integers as unit intervals centred on them). */
    private double survival(double t) {
        double z = ((t - 0.5 - centre) * inverseScale + SPAN) * STEPS;
        if (z <= 0) return 1;
        if (z >= 2 * SPAN * STEPS) return 0;
        int i = (int) z;
        double f = z - i;
        return SURVIVAL[i] + (SURVIVAL[i + 1] - SURVIVAL[i]) * f;
    }

    /** Exponent step k's two tails. */
    private void step(int k) {
        above[k] = survival(1L << k);
        below[k] = 1 - survival(1 - (1L << k));
        steps = k + 1;
    }

    private static double floor(double m) {
        return m < 1e-12 ? 1e-12 : m;
    }

    /**
     * The stretched probability that |difference| ≥ 2^k given it is at least 2^(k−1) (or any, for k = 0); called for
     * k = 0, 1, … in turn after {@link #start}, each step's tail being the next one's condition.
     */
    int exponentStep(int k) {
        double given = tail;
        step(k);
        tail = floor(above[k] + below[k]);
        return stretched(tail / given);
    }

    /** The stretched probability that the difference is negative, its bit length {@code e} ≥ 1. */
    int negative(int e) {
        while (steps <= e) step(steps); // step e, where the exponent's steps stopped at their last (e = bits)
        double neg = floor(below[e - 1] - below[e]);
        double pos = floor(above[e - 1] - above[e]);
        return stretched(neg / (neg + pos));
    }

    /**
     * The stretched probability that mantissa bit {@code b} is 1 given the magnitude's bits above it, {@code high}
     * (the top bit included), and the sign: P(|difference| ≥ mid | within [lo, hi]) on the sign's side, the bounds'
     * probabilities carried from the exponent steps and the bit before.
     */
    int mantissaBit(int high, int b, boolean negative) {
        if ((high >> 1) == 0) {
            int e = b + 2;
            atLo = negative ? below[e - 1] : above[e - 1];
            atHi = negative ? below[e] : above[e];
        } else if ((high & 1) != 0) {
            atLo = atMid;
        } else {
            atHi = atMid;
        }
        long mid = ((long) high << (b + 1)) + (1L << b);
        atMid = negative ? 1 - survival(1 - mid) : survival(mid);
        double all = floor(atLo - atHi);
        double upper = floor(atMid - atHi);
        return stretched(upper / all);
    }

    private static int stretched(double p) {
        int p12 = (int) (p * 4096 + 0.5);
        return Logistic.stretch(p12 < 1 ? 1 : p12 > 4095 ? 4095 : p12);
    }

    /**
     * Learns the sample coded: the scale's mean of |difference from the location| moves by 1/32 of its error (from
     * the location, not from P: 0.12 % fewer bytes on set P's development half), the location's statistics take it
     * in; with own errors, the bias learns it too.
     *
     * @return with own errors, the sample's own error (SPEC.md §4.4.7): its offset from P0 less the least squares'
     *     location, in sixteenths, within ±2^20 (the bias left out); else 0
     */
    int learn(int difference, int valueMinusBase) {
        int deviation = (int) Math.min(1 << 24, Math.abs(difference - centre) * 256);
        meanAbs[at] += (deviation - meanAbs[at]) >> 5;
        if (meanAbs[at] == 0) meanAbs[at] = 1;
        location.learn(valueMinusBase);
        if (bias == null) return 0;
        int own = clamp(16L * valueMinusBase - located);
        bias[biasAt] += (clamp(16 * own) - bias[biasAt]) >> 5;
        return own;
    }

    private static int clamp(long v) {
        return (int) Math.max(-OWN_LIMIT, Math.min(OWN_LIMIT, v));
    }

    private static final int OWN_LIMIT = 1 << 20;
}
