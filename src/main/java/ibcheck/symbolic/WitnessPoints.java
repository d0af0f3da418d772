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
 * Draws the random admissible points at which witnesses evaluate a claim. Points are exact rationals
 * (12 significant digits) so that Symja evaluates at the requested precision, and the draw is fully
 * determined by the seed.
 */
public final class WitnessPoints {
  private final SplittableRandom random;

  public WitnessPoints(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** One point: a value for every symbol, drawn from its domain. */
  public Map<String, IExpr> draw(Map<String, Domain> domains) {
    Map<String, IExpr> point = new LinkedHashMap<>();
    for (Map.Entry<String, Domain> e : domains.entrySet()) {
      point.put(e.getKey(), value(e.getValue()));
    }
    return point;
  }

  IExpr value(Domain d) {
    if (d.kind().isInteger()) {
      long lo = (long) Math.ceil(d.low());
      long hi = (long) Math.floor(d.high());
      return F.ZZ(lo + random.nextLong(hi - lo + 1));
    }
    double x;
    if (d.logScale()) {
      x = Math.exp(Math.log(d.low()) + random.nextDouble() * (Math.log(d.high()) - Math.log(d.low())));
    } else {
      x = d.low() + random.nextDouble() * (d.high() - d.low());
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
