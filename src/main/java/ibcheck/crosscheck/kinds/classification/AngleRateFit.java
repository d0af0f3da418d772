package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.Fits;
import ibcheck.crosscheck.Vectors;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import java.util.List;

/**
 * The direction's rate of convergence: on the second half of the log-time range the angle to w_hat
 * must follow {@code tan(angle) = C r / (1 + c0 r)}, that is {@code cot(angle) = c0/C + (1/C)(1/r)},
 * a line in 1/r. It is exact for {@code w_hat log t + w_tilde} with {@code r = 1/log t},
 * {@code C = |P_perp w_tilde| / |w_hat|} and {@code c0 = w_hat . w_tilde / |w_hat|^2}. Also the
 * log-log slope of the angle against r (1 when angle ~ C r).
 */
final class AngleRateFit {
  /** The constants of the angle law. */
  record Constants(double c, double c0) {
    /** From w_tilde when it is pinned, else NaN. */
    static Constants predicted(MarginOffset offset, MarginProblem p) {
      if (!offset.pinned()) {
        return new Constants(Double.NaN, Double.NaN);
      }
      double along = Vectors.dot(offset.full(), p.direction);
      double[] perp = Vectors.minusMultiple(offset.full(), along, p.direction);
      return new Constants(Vectors.norm(perp) / p.wHatNorm, along / p.wHatNorm);
    }
  }

  /** The samples on the second half of the log-time range. */
  final List<MarginTrajectory.Sample> window;
  /** 1/r at the window's samples. */
  final double[] inverseRate;
  /** cot(angle) against 1/r. */
  final Fits.Line line;
  /** log angle against log r, or null when an angle is exactly 0. */
  final Fits.Line exponent;

  private AngleRateFit(List<MarginTrajectory.Sample> window, double[] inverseRate, Fits.Line line, Fits.Line exponent) {
    this.window = window;
    this.inverseRate = inverseRate;
    this.line = line;
    this.exponent = exponent;
  }

  /**
   * @throws InvalidExpressionException when the rate is not positive and finite on the window
   */
  static AngleRateFit of(MarginTrajectory trajectory, CompiledExpression rate, String rateText)
      throws InvalidExpressionException {
    List<MarginTrajectory.Sample> window = trajectory.from(trajectory.endLog() / 2);
    double[] inv = new double[window.size()];
    double[] cot = new double[window.size()];
    double[] r = new double[window.size()];
    double[] angle = new double[window.size()];
    for (int i = 0; i < inv.length; i++) {
      MarginTrajectory.Sample p = window.get(i);
      r[i] = rate.value(p.time());
      inv[i] = 1 / r[i];
      angle[i] = p.angle();
      cot[i] = p.cotAngle();
      if (!(r[i] > 0) || !Double.isFinite(r[i])) {
        throw new InvalidExpressionException("the rate '" + rateText + "' is not positive and finite at t = " + p.time());
      }
    }
    Fits.Line line = Fits.line(inv, cot);
    Fits.Line exponent = null;
    try {
      exponent = Fits.powerLaw(r, angle);
    } catch (IllegalArgumentException e) {
      // an angle of exactly 0: no exponent to report
    }
    return new AngleRateFit(window, inv, line, exponent);
  }

  Constants fitted() {
    return new Constants(1 / line.slope(), line.intercept() / line.slope());
  }

  /** Whether cot(angle) rises with 1/r and stays within the band of the line. */
  boolean within(double band) {
    return line.slope() > 0 && line.maxRelativeDeviation() <= band;
  }

  /** The fitted law's angle at the window's samples. */
  double[] fittedAngles() {
    double[] out = new double[inverseRate.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.atan(1 / (line.intercept() + line.slope() * inverseRate[i]));
    }
    return out;
  }
}
