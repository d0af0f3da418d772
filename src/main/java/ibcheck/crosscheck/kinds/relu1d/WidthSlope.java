package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.kinds.relu1d.WideReluCheck.Settings;
import ibcheck.crosscheck.kinds.relu1d.WideReluCheck.Train;
import ibcheck.crosscheck.kinds.relu1d.WidthSweep.Point;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * The verdict of a width sweep: the slope of {@code log sup |f - g*|} against {@code log width}, fitted
 * by least squares over all (width, seed) pairs (Hipparchus {@link SimpleRegression}). Its confidence
 * interval (t distribution) must lie inside the band, or with {@code judge: estimate} the fitted slope
 * itself; with {@code decreasing: true} the interval must lie below 0.
 */
final class WidthSlope {
  private final Settings s;
  private final SimpleRegression reg = new SimpleRegression();
  private final double slope;
  private final double half;
  private final double lo;
  private final double hi;

  private WidthSlope(Settings settings, Point[] points) {
    this.s = settings;
    for (Point p : points) {
      reg.addData(Math.log(p.width()), Math.log(p.distance()));
    }
    slope = reg.getSlope();
    half = reg.getN() > 2 ? reg.getSlopeConfidenceInterval(1 - settings.confidence()) : Double.NaN;
    lo = slope - half;
    hi = slope + half;
  }

  /** Fits the slope and judges it, adding the fit and its figure to the evidence. */
  static ClaimResult verdict(Settings settings, Judgement judgement, Point[] points, Map<String, Object> evidence) {
    for (Point p : points) {
      String unusable = unusable(settings, p);
      if (unusable != null) {
        return judgement.error(unusable);
      }
    }
    WidthSlope w = new WidthSlope(settings, points);
    evidence.put("fit", w.fitEvidence(points));
    evidence.put("max_error", Arrays.stream(points).mapToDouble(Point::distance).max().orElse(Double.NaN));
    w.figure(points).addTo(evidence);
    String failure = w.failure();
    return judgement.holds(failure == null, failure != null ? failure : w.success(), evidence);
  }

  /** Why a pair cannot enter the fit, or null. */
  private static String unusable(Settings s, Point p) {
    if (!(p.distance() > 0) || !Double.isFinite(p.distance())) {
      return "the distance at width " + p.width() + ", seed " + p.seed() + " is " + p.distance()
          + " (the fit needs positive finite distances)";
    }
    if (s.train() == Train.ALL_LAYERS && !Boolean.TRUE.equals(p.details().get("converged"))) {
      return "gradient descent at width " + p.width() + ", seed " + p.seed() + " did not reach the loss "
          + fmt(s.targetLoss()) + " within " + s.maxIterations() + " iterations (loss " + fmt((Double) p.details().get("loss"))
          + "); raise max-iterations";
    }
    return null;
  }

  private Map<String, Object> fitEvidence(Point[] points) {
    Map<String, Object> fit = new LinkedHashMap<>();
    fit.put("slope", slope);
    fit.put("slope_standard_error", reg.getSlopeStdErr());
    fit.put("confidence", s.confidence());
    fit.put("slope_interval", new double[] {lo, hi});
    fit.put("intercept", reg.getIntercept());
    fit.put("r_squared", reg.getRSquare());
    fit.put("pairs", reg.getN());
    fit.put("band", s.band());
    fit.put("judged", s.judgeEstimate() ? "estimate" : "interval");
    fit.put("decreasing_required", s.decreasing());
    Map<String, Object> perWidth = new LinkedHashMap<>();
    for (int w : s.widths()) {
      List<Double> d = new ArrayList<>();
      for (Point p : points) {
        if (p.width() == w) {
          d.add(p.distance());
        }
      }
      perWidth.put(Integer.toString(w), d);
    }
    fit.put("distance_per_width", perWidth);
    return fit;
  }

  /** The slope with its interval and the number of pairs, in words. */
  private String described() {
    return fmt(slope) + " (" + Math.round(100 * s.confidence()) + "% interval [" + fmt(lo) + ", " + fmt(hi)
        + "], " + reg.getN() + " (width, seed) pairs)";
  }

  private String bandText() {
    return "[" + fmt(s.band()[0]) + ", " + fmt(s.band()[1]) + "]";
  }

  /** What fails, or null. */
  private String failure() {
    double[] band = s.band();
    if (!Double.isFinite(half)) {
      return "the slope's confidence interval is undefined (fewer than three pairs)";
    } else if (band != null && !s.judgeEstimate() && !(lo >= band[0] && hi <= band[1])) {
      return "the fitted slope of log sup|f - g*| against log n is " + described() + ", not inside the band " + bandText();
    } else if (band != null && s.judgeEstimate() && !(slope >= band[0] && slope <= band[1])) {
      return "the fitted slope of log sup|f - g*| against log n, " + described() + ", is not inside the band " + bandText();
    } else if (s.decreasing() && !(hi < 0)) {
      return "the distance does not decrease with width at the stated confidence: slope " + described();
    }
    return null;
  }

  private String success() {
    return "sup|f - g*| against width: slope " + described() + (s.band() != null ? (s.judgeEstimate() ? ", the estimate" : "")
        + " inside " + bandText() : "") + (s.decreasing() ? ", decreasing" : "");
  }

  /** Distance against width per seed (log-log), with the fitted line. */
  private Figure figure(Point[] points) {
    List<Figure.Series> series = new ArrayList<>();
    for (int sd : s.seeds()) {
      double[] x = Arrays.stream(points).filter(p -> p.seed() == sd).mapToDouble(Point::width).toArray();
      double[] y = Arrays.stream(points).filter(p -> p.seed() == sd).mapToDouble(Point::distance).toArray();
      series.add(new Figure.Series("seed " + sd, x, y));
    }
    double[] w = Arrays.stream(s.widths()).asDoubleStream().toArray();
    double[] fitted = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      fitted[i] = Math.exp(reg.getIntercept() + reg.getSlope() * Math.log(w[i]));
    }
    series.add(new Figure.Series("least squares, slope " + fmt(reg.getSlope()), w, fitted));
    return new Figure("sup |f - g*| on the data's range against the width n (log-log), with the least-squares line",
        "width n", "sup |f - g*|", series);
  }
}
