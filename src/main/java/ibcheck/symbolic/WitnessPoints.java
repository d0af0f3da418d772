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
 * <ol>
 *   <li>the first three points put every symbol at its low end, high end and midpoint, rotated per
 *       symbol (symbol j takes end (i + j) mod 3 at point i), so that ends are also mixed across symbols;
 *   <li>after that, points alternate between uniform draws on the range and log-uniform draws (on
 *       the range when it is positive, on its positive and negative parts in proportion to their
 *       lengths, down to 10^-6 of each part's extent, when it contains 0), so that both the bulk and
 *       the small scales of a range spanning decades are seen.
 * </ol>
 *
 * An integer symbol takes integers: its ends, the floor of its midpoint, then uniform and log-uniform
 * integers. A value of exactly 0 is probed at 2^-52 instead (as before: claims with removable
 * singularities at 0 are common and 0 itself is a single point). {@link #interior(Map)} serves
 * witnesses that need a neighbourhood inside the range (central differences).
 */
public final class WitnessPoints {
  private final SplittableRandom random;
  private int drawn;

  public WitnessPoints(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next point of the schedule: a value for every symbol. */
  public Map<String, IExpr> draw(Map<String, Domain> domains) {
    int i = drawn++;
    Map<String, IExpr> point = new LinkedHashMap<>();
    int j = 0;
    for (Map.Entry<String, Domain> e : domains.entrySet()) {
      Domain d = e.getValue();
      double x = i < 3 ? end(d, (i + j) % 3) : (i - 3) % 2 == 0 ? uniform(d) : logUniform(d);
      point.put(e.getKey(), exact(d, x));
      j++;
    }
    return point;
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
      default -> d.kind().isInteger() ? Math.floor((d.low() + d.high()) / 2) : (d.low() + d.high()) / 2;
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
