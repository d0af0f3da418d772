package ibcheck.crosscheck.kinds.sgd;

import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sharpness / non-uniformity diagram of Wu, Ma &amp; E (2018) for a one-dimensional stability
 * cross-check, drawn from the file's own formulas: at a learning rate eta and batch setting (n, B),
 * the curve {@code s_max(a) = sup{s : secm(eta, a, s, n, B) <= 1}} bounds the region where SGD is
 * linearly stable in the second moment, the curve {@code sup{s : necessary holds}} bounds the file's
 * necessary conditions (the poster's rectangle a <= 2/eta, s <= sqrt(B(n-1)/(n-B))/eta), and the
 * check's minima sit at their (a, s). The sup is found by bisection in s, so the curves are what the
 * file's formulas say, not a Java copy of them.
 */
final class StabilityDiagram {
  private static final int SHARPNESS_POINTS = 30;
  private static final int BISECTIONS = 30;
  private static final int MAX_DIAGRAMS = 3;
  /** The window in s doubles at most this often (to 64/eta): an edge that still touches it is capped. */
  private static final int MAX_WIDENINGS = 5;

  private StabilityDiagram() {}

  /**
   * One diagram per distinct (n, B) among the points (at most three), at the smallest exact critical
   * eta among them, so the minima lie inside or on the boundary.
   *
   * @param points the check's points, each with n, B, a, s and eta_critical_exact
   */
  static void attach(Map<String, Object> evidence, List<Map<String, Object>> points, SgdFormula second,
      SgdFormula necessary) throws InvalidExpressionException {
    Map<String, List<Map<String, Object>>> byBatch = new LinkedHashMap<>();
    for (Map<String, Object> p : points) {
      if (!(p.get("eta_critical_exact") instanceof Double)) {
        return;
      }
      byBatch.computeIfAbsent(value(p, "n") + "/" + value(p, "B"), k -> new ArrayList<>()).add(p);
    }
    int drawn = 0;
    for (List<Map<String, Object>> group : byBatch.values()) {
      if (drawn++ == MAX_DIAGRAMS) {
        break;
      }
      diagram(group, second, necessary).addTo(evidence);
    }
  }

  private static Figure diagram(List<Map<String, Object>> group, SgdFormula second, SgdFormula necessary)
      throws InvalidExpressionException {
    double n = value(group.get(0), "n");
    double b = value(group.get(0), "B");
    double eta = group.stream().mapToDouble(p -> value(p, "eta_critical_exact")).min().orElseThrow();
    double sTop = 2 / eta;
    for (Map<String, Object> p : group) {
      sTop = Math.max(sTop, 1.25 * value(p, "s"));
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("eta", eta);
    vars.put("n", n);
    vars.put("B", b);
    vars.put("dim", 1.0);
    double[] a = new double[SHARPNESS_POINTS + 1];
    double[] stable = new double[a.length];
    double[] necessaryS = new double[a.length];
    // the edge peaks at s = sqrt(B(n-1)/(n-B))/eta for the shipped factor, which can be far above
    // 2/eta (4/eta at n = 5, B = 4): widen the window until no curve touches its top
    boolean capped;
    for (int widened = 0; ; widened++) {
      capped = false;
      for (int i = 0; i < a.length; i++) {
        a[i] = 2 / eta * i / SHARPNESS_POINTS;
        stable[i] = largestS(a[i], sTop, vars, s -> second.matrix(vars)[0][0] <= 1);
        necessaryS[i] = necessary == null ? Double.NaN : largestS(a[i], sTop, vars, s -> necessary.truth(vars));
        capped |= stable[i] == sTop || necessaryS[i] == sTop;
      }
      if (!capped || widened == MAX_WIDENINGS) {
        break;
      }
      sTop *= 2;
    }
    List<Figure.Series> series = new ArrayList<>();
    series.add(Figure.Series.line("edge of stability: secm = 1 (stable below)", a, stable));
    if (necessary != null) {
      series.add(Figure.Series.line("edge of the necessary conditions (they hold below)", a, necessaryS));
    }
    series.add(Figure.Series.points("minima of this check (a, s)",
        group.stream().mapToDouble(p -> value(p, "a")).toArray(), group.stream().mapToDouble(p -> value(p, "s")).toArray()));
    return new Figure(String.format(java.util.Locale.ROOT, "Sharpness / non-uniformity diagram at eta = %.4g, n = %.0f,"
        + " B = %.0f, from the file's formulas" + (capped ? " (curves capped at s = %.3g)" : ""), eta, n, b, sTop),
        "sharpness a", "non-uniformity s", series).linear();
  }

  @FunctionalInterface
  private interface Holds {
    boolean at(double s) throws InvalidExpressionException;
  }

  /** sup{s in [0, top] : holds}, assuming the set is an interval starting at 0; NaN if it holds nowhere. */
  private static double largestS(double a, double top, Map<String, Object> vars, Holds holds)
      throws InvalidExpressionException {
    vars.put("a", a);
    vars.put("H", new double[][] {{a}});
    setS(vars, 0);
    if (!holds.at(0)) {
      return Double.NaN;
    }
    setS(vars, top);
    if (holds.at(top)) {
      return top;
    }
    double lo = 0;
    double hi = top;
    for (int i = 0; i < BISECTIONS; i++) {
      double mid = (lo + hi) / 2;
      setS(vars, mid);
      if (holds.at(mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void setS(Map<String, Object> vars, double s) {
    vars.put("s", s);
    vars.put("Sig", new double[][] {{s * s}});
  }

  private static double value(Map<String, Object> p, String key) {
    return ((Number) p.get(key)).doubleValue();
  }
}
