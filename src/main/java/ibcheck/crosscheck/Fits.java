package ibcheck.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Least-squares fits the rate checks share (Hipparchus {@link SimpleRegression}): a straight line
 * with its slope's 95% confidence half-width, and a power law {@code y = c x^p} as a line in log-log
 * coordinates.
 */
public final class Fits {
  private Fits() {}

  /**
   * A fitted line {@code y = intercept + slope x}.
   *
   * @param halfWidth the 95% confidence half-width of the slope (NaN with fewer than 3 points)
   * @param maxRelativeDeviation {@code max_i |fit(x_i) - y_i| / |y_i|}
   */
  public record Line(double slope, double intercept, double halfWidth, double rSquare, double maxRelativeDeviation, int points) {
    public Map<String, Object> evidence(String slopeName, String interceptName) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(slopeName, slope);
      m.put(slopeName + "_95_half_width", halfWidth);
      m.put(interceptName, intercept);
      m.put("r_square", rSquare);
      m.put("max_relative_deviation", maxRelativeDeviation);
      m.put("points", points);
      return m;
    }
  }

  public static Line line(double[] x, double[] y) {
    SimpleRegression r = new SimpleRegression(true);
    for (int i = 0; i < x.length; i++) {
      r.addData(x[i], y[i]);
    }
    double half = x.length >= 3 ? r.getSlopeConfidenceInterval() : Double.NaN;
    double dev = 0;
    for (int i = 0; i < x.length; i++) {
      double fit = r.getIntercept() + r.getSlope() * x[i];
      dev = Math.max(dev, Math.abs(fit - y[i]) / Math.abs(y[i]));
    }
    return new Line(r.getSlope(), r.getIntercept(), half, r.getRSquare(), dev, x.length);
  }

  /** {@code y = c x^p}: the line through (ln x, ln y); slope p, intercept ln c. Non-positive values are an error. */
  public static Line powerLaw(double[] x, double[] y) {
    double[] lx = new double[x.length];
    double[] ly = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] > 0 && y[i] > 0)) {
        throw new IllegalArgumentException("a power-law fit needs positive values, got (" + x[i] + ", " + y[i] + ")");
      }
      lx[i] = Math.log(x[i]);
      ly[i] = Math.log(y[i]);
    }
    return line(lx, ly);
  }
}
