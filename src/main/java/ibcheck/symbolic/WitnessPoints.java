package ibcheck.symbolic;

import ibcheck.spec.Domain;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Draws the admissible points at which witnesses evaluate a claim. Points are exact rationals (12
 * significant digits) so that Symja evaluates at the requested precision, and the sequence is fully
 * determined by the seed. A claim false only near one end of a range (stable for eta <= 2, say, when it
 * fails on (1, 2]) must not slip through, so the points cover each symbol's declared range
 * deliberately:
 *
 * <ul>
 *   <li>three <em>range points</em>, at positions 0, 2 and 4 of the sequence, put every symbol at its
 *       low end, its high end and its midpoint, each symbol in its own seeded order, so that ends also
 *       meet across symbols without two symbols on the same range moving in lockstep (b = b0 at every
 *       range point would hide a term in b - b0);
 *   <li>every other point is a random draw, alternately uniform on the range and log-uniform (on the
 *       range when it is positive; on its positive and negative parts in proportion to their lengths,
 *       down to 10^-6 of each part's extent, when it contains 0), so that both the bulk and the small
 *       scales of a range spanning decades are seen.
 * </ul>
 *
 * Six points (the default) thus probe every end and midpoint and three random points; fewer probe
 * what fits in that order (three: a range point, a uniform draw, a range point).
 * An integer symbol takes integers: its ends, the floor of its midpoint, then uniform and log-uniform
 * integers. A value of exactly 0 is probed at 2^-52 instead (as before: claims with removable
 * singularities at 0 are common and 0 itself is a single point). {@link #interior(Map)} serves
 * witnesses that need a neighbourhood inside the range (central differences).
 */
public final class WitnessPoints {
  /** How many range points (ends, midpoints) a schedule holds. */
  static final int RANGE_POINTS = 3;

  private final SplittableRandom random;
  private int drawn;
  /** Per symbol, the order in which the range points visit low end (0), high end (1) and midpoint (2). */
  private final Map<String, int[]> rangeOrder = new java.util.HashMap<>();

  public WitnessPoints(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Whether the last point drawn was a range point (ends and midpoints) rather than a random draw. */
  public boolean lastWasRangePoint() {
    int i = drawn - 1;
    return i >= 0 && i % 2 == 0 && i < 6;
  }

  /** The next point of the schedule: a value for every symbol. */
  public Map<String, IExpr> draw(Map<String, Domain> domains) {
    int i = drawn++;
    boolean rangePoint = lastWasRangePoint();
    int randomIndex = i < 6 ? i / 2 : i - 3; // the how-manieth random draw this is
    Map<String, IExpr> point = new LinkedHashMap<>();
    for (Map.Entry<String, Domain> e : domains.entrySet()) {
      Domain d = e.getValue();
      double x = rangePoint ? end(d, order(e.getKey())[i / 2])
          : randomIndex % 2 == 0 ? uniform(d) : logUniform(d);
      point.put(e.getKey(), exact(d, x));
    }
    return point;
  }

  /** A seeded permutation of (low, high, mid) per symbol, fixed at the symbol's first range point. */
  private int[] order(String symbol) {
    return rangeOrder.computeIfAbsent(symbol, k -> {
      int[] p = {0, 1, 2};
      for (int n = 2; n > 0; n--) {
        int m = random.nextInt(n + 1);
        int t = p[n];
        p[n] = p[m];
        p[m] = t;
      }
      return p;
    });
  }

  /**
   * A random point inside the ranges, never at an end nor at small scales near 0 that the range
   * merely contains: uniform, or log-uniform on a positive range spanning two decades or more.
   */
  public Map<String, IExpr> interior(Map<String, Domain> domains) {
    Map<String, IExpr> point = new LinkedHashMap<>();
    for (Map.Entry<String, Domain> e : domains.entrySet()) {
      Domain d = e.getValue();
      point.put(e.getKey(), exact(d, d.logScale() ? logUniform(d.low(), d.high()) : uniform(d)));
    }
    return point;
  }

  /** 0: the low end, 1: the high end, 2: the midpoint. */
  private static double end(Domain d, int which) {
    return switch (which) {
      case 0 -> d.low();
      case 1 -> d.high();
      // a midpoint at 0 (a symmetric range) is probed at 10^-3 of the range's width, not at 2^-52,
      // where every term of a claim is a rounding-sized number
      default -> d.kind().isInteger() ? Math.floor((d.low() + d.high()) / 2)
          : (d.low() + d.high()) / 2 == 0 ? 1e-3 * (d.high() - d.low()) : (d.low() + d.high()) / 2;
    };
  }

  private double uniform(Domain d) {
    return d.low() + random.nextDouble() * (d.high() - d.low());
  }

  private double logUniform(Domain d) {
    if (d.low() > 0) {
      return logUniform(d.low(), d.high());
    }
    if (d.high() < 0) {
      return -logUniform(-d.high(), -d.low());
    }
    boolean positive = random.nextDouble() * (d.high() - d.low()) < d.high();
    double extent = positive ? d.high() : -d.low();
    double magnitude = logUniform(extent * 1e-6, extent);
    return positive ? magnitude : -magnitude;
  }

  private double logUniform(double lo, double hi) {
    return Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  /** The value as an exact number of the symbol's kind: an integer in range, or a 12-digit rational. */
  private static IExpr exact(Domain d, double x) {
    if (d.kind().isInteger()) {
      long lo = (long) Math.ceil(d.low());
      long hi = (long) Math.floor(d.high());
      return F.ZZ(Math.max(lo, Math.min(hi, Math.round(x))));
    }
    if (x == 0) {
      x = d.high() > 0 ? Math.ulp(1.0) : -Math.ulp(1.0);
    }
    return exact(x);
  }

  /** A double rounded to 12 significant digits, as an exact rational. */
  static IExpr exact(double x) {
    BigDecimal b = new BigDecimal(x).round(new MathContext(12));
    BigInteger unscaled = b.unscaledValue();
    int scale = b.scale();
    if (scale <= 0) {
      return F.ZZ(unscaled.multiply(BigInteger.TEN.pow(-scale)));
    }
    return F.fraction(unscaled, BigInteger.TEN.pow(scale)).normalize();
  }
}
