package ibcheck.symbolic.prove;

/**
 * A closed set of reals {@code [lo, hi]} (ends may be infinite) that contains every value an
 * expression takes, with {@code nonzero} when 0 is known not to be among them. Every operation
 * rounds its ends outward (one ulp), so the enclosure stays valid in floating point.
 */
record Interval(double lo, double hi, boolean nonzero) {
  static final Interval ALL = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
  static final Interval POSITIVE = new Interval(0, Double.POSITIVE_INFINITY, true);
  static final Interval NONNEGATIVE = new Interval(0, Double.POSITIVE_INFINITY, false);
  static final Interval NEGATIVE = new Interval(Double.NEGATIVE_INFINITY, 0, true);

  Interval {
    // an end past 0 settles whether 0 is excluded
    nonzero = nonzero || lo > 0 || hi < 0;
  }

  /** The exact value v, widened by an ulp unless it is a double exactly (integers below 2^53). */
  static Interval point(double v, boolean exact) {
    return exact ? new Interval(v, v, v != 0) : new Interval(down(v), up(v), v != 0);
  }

  boolean positive() {
    return lo >= 0 && nonzero;
  }

  boolean nonnegative() {
    return lo >= 0;
  }

  boolean negative() {
    return hi <= 0 && nonzero;
  }

  boolean nonpositive() {
    return hi <= 0;
  }

  Interval plus(Interval o) {
    boolean nz = positive() && o.nonnegative() || nonnegative() && o.positive()
        || negative() && o.nonpositive() || nonpositive() && o.negative();
    return new Interval(down(lo + o.lo), up(hi + o.hi), nz);
  }

  Interval negate() {
    return new Interval(-hi, -lo, nonzero);
  }

  Interval times(Interval o) {
    double a = mul(lo, o.lo);
    double b = mul(lo, o.hi);
    double c = mul(hi, o.lo);
    double d = mul(hi, o.hi);
    return new Interval(down(Math.min(Math.min(a, b), Math.min(c, d))),
        up(Math.max(Math.max(a, b), Math.max(c, d))), nonzero && o.nonzero);
  }

  /** 1/x where x is defined: a quotient's denominator is never 0 at a point where it is evaluated. */
  Interval reciprocal() {
    if (lo >= 0) {
      return new Interval(hi == Double.POSITIVE_INFINITY ? 0 : Math.max(0, downOf(1 / hi)),
          lo == 0 ? Double.POSITIVE_INFINITY : upOf(1 / lo), true);
    }
    if (hi <= 0) {
      return reciprocalOfNegated();
    }
    return new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true);
  }

  private Interval reciprocalOfNegated() {
    return negate().reciprocal().negate();
  }

  /** x^n for a positive integer n. */
  Interval power(long n) {
    if (n % 2 == 1 || nonnegative()) {
      double low = signedPow(lo, n, false);
      return new Interval(lo >= 0 ? Math.max(0, low) : low, signedPow(hi, n, true), nonzero);
    }
    if (nonpositive()) {
      return negate().power(n);
    }
    // an even power of an interval around 0
    double m = Math.max(-lo, hi);
    return new Interval(0, upOf(Math.pow(m, n)), nonzero);
  }

  /** x^r for a positive non-integer r, defined (as a real) only for x &gt;= 0. */
  Interval root(double r) {
    if (!nonnegative()) {
      return ALL;
    }
    return new Interval(Math.max(0, downOf(Math.pow(lo, r))), upOf(Math.pow(hi, r)), nonzero);
  }

  /** f(x) for an increasing f, with f's value at the ends computed within an ulp. */
  Interval increasing(java.util.function.DoubleUnaryOperator f, boolean keepsZero) {
    return new Interval(downOf(f.applyAsDouble(lo)), upOf(f.applyAsDouble(hi)), keepsZero && nonzero);
  }

  Interval abs() {
    if (nonnegative()) {
      return this;
    }
    if (nonpositive()) {
      return negate();
    }
    return new Interval(0, Math.max(-lo, hi), nonzero);
  }

  Interval hull(Interval o) {
    return new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi), nonzero && o.nonzero);
  }

  Interval max(Interval o) {
    return new Interval(Math.max(lo, o.lo), Math.max(hi, o.hi), positive() || o.positive() || negative() && o.negative());
  }

  Interval min(Interval o) {
    return new Interval(Math.min(lo, o.lo), Math.min(hi, o.hi), negative() || o.negative() || positive() && o.positive());
  }

  /** Endpoint product with 0 * infinity = 0: the 0 end is attained, the infinite one only approached. */
  private static double mul(double x, double y) {
    if (x == 0 || y == 0) {
      return 0;
    }
    double p = x * y;
    // an underflow to 0 keeps the product's sign
    return p == 0 ? Math.copySign(Double.MIN_VALUE, x) * Math.signum(y) : p;
  }

  private static double signedPow(double x, long n, boolean upward) {
    if (x == 0 || n == 1) {
      return x; // exact: widening 0 would put a sign-known end past 0 (z <= 0 would lose 1/z <= 0)
    }
    double p = Math.pow(x, n);
    return upward ? upOf(p) : downOf(p);
  }

  /**
   * A lower bound for the exact value whose rounded result is x. A rounded sum or product of 0 is
   * exact (addition underflows gradually; {@link #mul} keeps a product's sign), so 0 stays 0.
   */
  static double down(double x) {
    if (Double.isNaN(x)) {
      return Double.NEGATIVE_INFINITY;
    }
    return Double.isInfinite(x) || x == 0 ? x : Math.nextDown(x);
  }

  static double up(double x) {
    if (Double.isNaN(x)) {
      return Double.POSITIVE_INFINITY;
    }
    return Double.isInfinite(x) || x == 0 ? x : Math.nextUp(x);
  }

  /**
   * Bounds for a library function's value: Math's functions are within an ulp or two, composites a
   * few more, so the ends move out by a relative 1e-12 (and past 0, should the value have underflowed).
   */
  static double downOf(double x) {
    return Double.isInfinite(x) || Double.isNaN(x) ? down(x) : x - Math.abs(x) * 1e-12 - Double.MIN_VALUE;
  }

  static double upOf(double x) {
    return Double.isInfinite(x) || Double.isNaN(x) ? up(x) : x + Math.abs(x) * 1e-12 + Double.MIN_VALUE;
  }
}
