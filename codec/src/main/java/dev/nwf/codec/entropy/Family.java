package dev.nwf.codec.entropy;
/**
 * Continuous distributions that are discretised into coding tables (SPEC.md §3.2). The CDFs use StrictMath only,
 * and Java 17 floating point is strict everywhere, so every JVM builds bit-identical tables.
 */
public enum Family {
    /** F(z) = 1 / (1 + exp(-z / s)). */
    LOGISTIC {
        @Override
        double cdf(double z, double s) {
            return 1.0 / (1.0 + StrictMath.exp(-z / s));
        }
    },
    /** F(z) = exp(z / b) / 2 for z < 0, 1 - exp(-z / b) / 2 otherwise. */
    LAPLACE {
        @Override
        double cdf(double z, double s) {
            return z < 0 ? 0.5 * StrictMath.exp(z / s) : 1.0 - 0.5 * StrictMath.exp(-z / s);
        }
    };

    abstract double cdf(double z, double s);

    /** Mass of [lo, hi), taken from the nearer tail so that small tail masses keep their precision. */
    double mass(double lo, double hi, double s) {
        if (lo >= 0) return cdf(-lo, s) - cdf(-hi, s); // both families are symmetric about 0
        return cdf(hi, s) - cdf(lo, s);
    }
}
