package ibcheck.crosscheck.kinds.sgd;

import ibcheck.models.SgdQuadratic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of an SGD check's settings grid: the quadratic (the file's components, or generated
 * from n, dim, seed and scale), the batch size B, and the values of the formulas' variables
 * ({@link SgdFormula#VARIABLES}): {@code H} the mean Hessian, {@code Sig} the components'
 * covariance, {@code a = lambda_max(H)} and {@code s = sqrt(lambda_max(Sig))}.
 *
 * @param settings the point's settings by name
 * @param variables the formulas' variables (a mutable map: a check may vary eta in it)
 */
record SgdPoint(Map<String, Double> settings, SgdQuadratic q, int b, Map<String, Object> variables) {
  /** The point at these settings, on the file's quadratic when it has one (else null). */
  static SgdPoint at(Map<String, Double> settings, SgdQuadratic fixed, SgdCrosscheck c) throws SgdCheck.Problem {
    SgdQuadratic q = fixed != null ? fixed : generated(settings);
    int b = integer(settings, "B", c);
    Map<String, Object> v = new LinkedHashMap<>();
    double[][] h = q.mean();
    double[][] sig = q.sigma();
    v.put("eta", settings.getOrDefault("eta", 0.0));
    v.put("n", (double) q.n());
    v.put("B", (double) b);
    v.put("dim", (double) q.dim());
    v.put("a", SgdQuadratic.lambdaMax(h));
    v.put("s", Math.sqrt(Math.max(0, SgdQuadratic.lambdaMax(sig))));
    v.put("H", h);
    v.put("Sig", sig);
    return new SgdPoint(settings, q, b, v);
  }

  private static SgdQuadratic generated(Map<String, Double> s) {
    return SgdQuadratic.random((int) Math.round(s.get("n")), (int) Math.round(s.get("dim")),
        Math.round(s.get("seed")), s.getOrDefault("scale", 1.0));
  }

  private static int integer(Map<String, Double> s, String key, SgdCrosscheck c) throws SgdCheck.Problem {
    double v = s.get(key);
    if (v != Math.rint(v)) {
      throw new SgdCheck.Problem("setting '" + key + "' must be an integer, got " + v, c.location());
    }
    return (int) v;
  }

  double eta() {
    return settings.get("eta");
  }

  /** {@code a = lambda_max(H)}. */
  double a() {
    return (Double) variables.get("a");
  }

  /** The point's evidence so far: its settings, n and dim, a and s. */
  Map<String, Object> evidence() {
    Map<String, Object> point = new LinkedHashMap<>(settings);
    point.putIfAbsent("n", (double) q.n());
    point.putIfAbsent("dim", (double) q.dim());
    point.put("a", variables.get("a"));
    point.put("s", variables.get("s"));
    return point;
  }

  /** Every combination of the grid's values, in the grid's order. */
  static List<Map<String, Double>> product(Map<String, double[]> grid) {
    List<Map<String, Double>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, double[]> e : grid.entrySet()) {
      List<Map<String, Double>> next = new ArrayList<>();
      for (Map<String, Double> m : out) {
        for (double v : e.getValue()) {
          Map<String, Double> x = new LinkedHashMap<>(m);
          x.put(e.getKey(), v);
          next.add(x);
        }
      }
      out = next;
    }
    return out;
  }

  static Map<String, Object> gridEvidence(Map<String, double[]> grid) {
    Map<String, Object> m = new LinkedHashMap<>();
    grid.forEach((k, v) -> m.put(k, Arrays.stream(v).boxed().toList()));
    return m;
  }
}
