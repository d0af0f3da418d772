package ibcheck.crosscheck;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.models.SgdQuadratic;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.special.Erf;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code kind: moment} and {@code kind: stability} on {@link SgdQuadratic}: the file's moment
 * formulas against what SGD really does on the components.
 *
 * <ul>
 *   <li>moment, exact: at every grid point the file's {@code second} (and {@code first}) must equal
 *       the one-step moments averaged over all C(n, B) batches, relative error
 *       {@code max|file - exact| / max(1, max|exact|)} within the tolerance;
 *   <li>moment, monte-carlo: {@code E ||x_T||^2} from {@code x_0 = e_1} over {@code samples} SGD
 *       paths must lie within {@code z} standard errors (plus tolerance x prediction) of the file's
 *       prediction {@code second^T} (1-D) or {@code e_1^T second e_1} (T = 1);
 *   <li>stability: the critical eta where {@code lambda_max(second)} reaches 1 (bisection) must
 *       equal the exact one (from the enumerated operator) within relative tolerance, and the file's
 *       {@code necessary} conditions must hold just below the exact critical eta.
 * </ul>
 */
final class SgdCheck {
  private SgdCheck() {}

  /** An error with its cause, reported as the cross-check's error. */
  private static final class Problem extends Exception {
    final String location;

    Problem(String message, String location) {
      super(message);
      this.location = location;
    }
  }

  static ClaimResult run(TheoremSession session, SgdCrosscheck c) {
    Judgement judgement = Judgement.start(c.header());
    SgdSettings g = c.sgd();
    try {
      SgdFormula second = formula(session, g.second(), g);
      SgdFormula first = g.first() == null ? null : formula(session, g.first(), g);
      SgdFormula necessary = g.necessary() == null ? null : formula(session, g.necessary(), g);
      SgdQuadratic fixedModel = g.components() == null ? null : explicit(session, g);
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("model", SgdQuadratic.NAME);
      evidence.put("grid", gridEvidence(g.grid()));
      evidence.put("second", g.second());
      if (g.first() != null) {
        evidence.put("first", g.first());
      }
      if (g.necessary() != null) {
        evidence.put("necessary", g.necessary());
      }
      evidence.put("tolerance", c.tolerance());
      List<Map<String, Object>> points = new ArrayList<>();
      double worst = 0;
      String failure = null;
      for (Map<String, Double> settings : product(g.grid())) {
        SgdQuadratic q = fixedModel != null ? fixedModel : generated(settings);
        int b = integer(settings, "B", c);
        Map<String, Object> vars = variables(q, settings, b);
        Map<String, Object> point = new LinkedHashMap<>(settings);
        point.putIfAbsent("n", (double) q.n());
        point.putIfAbsent("dim", (double) q.dim());
        point.put("a", vars.get("a"));
        point.put("s", vars.get("s"));
        String fail;
        double err;
        if (c.mode() == SgdCrosscheck.Mode.STABILITY) {
          double[] r = stability(q, b, vars, second, necessary, point, c);
          err = r[0];
          fail = r[1] > 0 ? (String) point.get("failure") : null;
        } else if (g.monteCarlo()) {
          err = monteCarlo(q, b, settings, vars, second, point, g, c);
          fail = err > 1 ? "Monte Carlo E||x_T||^2 = " + fmt((Double) point.get("estimate")) + " +- "
              + fmt((Double) point.get("standard_error")) + " is " + fmt((Double) point.get("deviation_in_se"))
              + " standard errors from the file's prediction " + fmt((Double) point.get("predicted")) : null;
        } else {
          err = exact(q, b, settings, vars, second, first, point);
          fail = err > c.tolerance() ? (String) point.get("failure") : null;
        }
        point.remove("failure");
        points.add(point);
        worst = Math.max(worst, err);
        if (fail != null && failure == null) {
          failure = "at " + CheckContext.describe(settings) + ": " + fail;
        }
      }
      evidence.put("points", points);
      evidence.put("max_error", worst);
      // drawn for a failing check too: the file's wrong edge beside the true minima shows what is wrong
      if (c.mode() == SgdCrosscheck.Mode.STABILITY
          && points.stream().allMatch(p -> ((Number) p.get("dim")).intValue() == 1)) {
        diagram(evidence, points, second, necessary, c);
      }
      String msg;
      if (failure != null) {
        msg = failure;
      } else if (c.mode() == SgdCrosscheck.Mode.STABILITY) {
        msg = "the critical eta of lambda_max(" + g.second() + ") = 1 matches the exact one at every point (largest"
            + " relative difference " + fmt(worst) + " <= tolerance " + fmt(c.tolerance()) + ")"
            + (g.necessary() != null ? "; the necessary conditions hold just below it" : "");
      } else if (g.monteCarlo()) {
        msg = "Monte Carlo E||x_T||^2 (" + g.samples() + " paths, " + g.steps() + " steps) is within " + fmt(g.z())
            + " standard errors of the file's prediction at every point (two-sided; false-alarm probability "
            + fmt(Erf.erfc(g.z() / Math.sqrt(2))) + " per point; largest deviation " + fmt(worst * g.z()) + " se)";
      } else {
        msg = "the file's moment formula equals the exact average over all batches at every point (largest relative"
            + " error " + fmt(worst) + " <= tolerance " + fmt(c.tolerance()) + ")";
      }
      return judgement.holds(failure == null, msg, evidence);
    } catch (Problem e) {
      return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, judgement.seconds(),
          "cross-check '" + c.name() + "': " + e.getMessage(), e.location);
    } catch (IllegalArgumentException e) {
      return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, judgement.seconds(),
          "cross-check '" + c.name() + "': " + e.getMessage(), c.location());
    }
  }

  private static double exact(SgdQuadratic q, int b, Map<String, Double> settings, Map<String, Object> vars,
      SgdFormula second, SgdFormula first, Map<String, Object> point) throws Problem {
    double eta = settings.get("eta");
    SgdQuadratic.Moments mom = q.exactMoments(eta, b);
    double[][] file2 = eval(second, vars, q.dim());
    double e2 = relErr(file2, mom.second());
    point.put("batches", mom.batches());
    point.put("second_file", evidence(file2));
    point.put("second_exact", evidence(mom.second()));
    point.put("second_error", e2);
    double e1 = 0;
    if (first != null) {
      double[][] file1 = eval(first, vars, q.dim());
      e1 = relErr(file1, mom.first());
      point.put("first_file", evidence(file1));
      point.put("first_exact", evidence(mom.first()));
      point.put("first_error", e1);
    }
    point.put("failure", e2 >= e1
        ? "the second-moment formula gives " + shortMatrix(file2) + ", the average over all " + mom.batches()
            + " batches is " + shortMatrix(mom.second()) + " (relative error " + fmt(e2) + ")"
        : "the first-moment formula gives " + shortMatrix(eval(first, vars, q.dim())) + ", the average over all "
            + mom.batches() + " batches is " + shortMatrix(mom.first()) + " (relative error " + fmt(e1) + ")");
    return Math.max(e1, e2);
  }

  /** Returns the deviation in units of z standard errors (> 1 fails). */
  private static double monteCarlo(SgdQuadratic q, int b, Map<String, Double> settings, Map<String, Object> vars,
      SgdFormula second, Map<String, Object> point, SgdSettings g, SgdCrosscheck c) throws Problem {
    double eta = settings.get("eta");
    double[][] m = eval(second, vars, q.dim());
    double predicted;
    if (q.dim() == 1) {
      predicted = Math.pow(m[0][0], g.steps());
    } else if (g.steps() == 1) {
      predicted = m[0][0];
    } else {
      throw new Problem("Monte Carlo over more than one step predicts E||x_T||^2 only in one dimension", c.location());
    }
    double[] x0 = new double[q.dim()];
    x0[0] = 1;
    long seed = Math.round(settings.getOrDefault("seed", 1.0)) * 1_000_003L + b * 31L + Double.hashCode(eta);
    SgdQuadratic.Estimate est = q.monteCarlo(eta, b, x0, g.steps(), g.samples(), seed);
    double dev = Math.abs(est.mean() - predicted);
    double allowed = g.z() * est.standardError() + c.tolerance() * Math.abs(predicted);
    point.put("predicted", predicted);
    point.put("estimate", est.mean());
    point.put("standard_error", est.standardError());
    point.put("deviation_in_se", est.standardError() > 0 ? dev / est.standardError() : (dev > 0 ? Double.POSITIVE_INFINITY : 0));
    point.put("samples", est.samples());
    point.put("steps", g.steps());
    point.put("mc_seed", seed);
    return allowed > 0 ? dev / allowed : (dev > 0 ? Double.POSITIVE_INFINITY : 0);
  }

  /** Returns {relative difference of the critical etas, 1 if failed else 0}; puts "failure" in point. */
  private static void diagram(Map<String, Object> evidence, List<Map<String, Object>> points, SgdFormula second,
      SgdFormula necessary, SgdCrosscheck c) throws Problem {
    try {
      StabilityDiagram.attach(evidence, points, second, necessary);
    } catch (InvalidExpressionException e) {
      throw new Problem("drawing the stability diagram: " + e.getMessage(), c.sgd().formulaLocation());
    }
  }

  private static double[] stability(SgdQuadratic q, int b, Map<String, Object> vars, SgdFormula second,
      SgdFormula necessary, Map<String, Object> point, SgdCrosscheck c) throws Problem {
    double a = (Double) vars.get("a");
    double etaExact = critical(eta -> SgdQuadratic.lambdaMax(q.exactMoments(eta, b).second()), a, c);
    double etaFile = critical(eta -> {
      vars.put("eta", eta);
      return SgdQuadratic.lambdaMax(eval(second, vars, q.dim(), true));
    }, a, c);
    double rel = Math.abs(etaFile - etaExact) / etaExact;
    point.put("eta_critical_exact", etaExact);
    point.put("eta_critical_file", etaFile);
    point.put("relative_difference", rel);
    if (rel > c.tolerance()) {
      point.put("failure", "lambda_max(" + second.text + ") reaches 1 at eta = " + fmt(etaFile)
          + ", the exact second-moment operator at eta = " + fmt(etaExact) + " (relative difference " + fmt(rel) + ")");
      return new double[] {rel, 1};
    }
    if (necessary != null) {
      double below = etaExact * (1 - 1e-9);
      vars.put("eta", below);
      boolean holds;
      try {
        holds = necessary.truth(vars);
      } catch (InvalidExpressionException e) {
        throw new Problem(e.getMessage(), c.sgd().formulaLocation());
      }
      point.put("necessary_just_below", holds);
      if (!holds) {
        point.put("failure", "SGD is stable at eta = " + fmt(below) + " (just below the exact critical eta) but the"
            + " necessary condition " + necessary.text + " fails there (a = " + fmt(a) + ", s = "
            + fmt((Double) vars.get("s")) + ")");
        return new double[] {rel, 1};
      }
    }
    return new double[] {rel, 0};
  }

  @FunctionalInterface
  private interface Growth {
    double at(double eta) throws Problem;
  }

  /** The eta in (0, infinity) where the growth factor first exceeds 1 (it is <= 1 on an interval [0, eta_c]). */
  private static double critical(Growth growth, double a, SgdCrosscheck c) throws Problem {
    double lo = 0;
    double hi = 1 / Math.max(a, 1e-300);
    int k = 0;
    while (!(growth.at(hi) > 1)) {
      lo = hi;
      hi *= 2;
      if (++k > 60) {
        throw new Problem("lambda_max never exceeds 1 as eta grows (up to " + fmt(hi) + ")", c.location());
      }
    }
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (growth.at(mid) > 1) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static double[][] eval(SgdFormula f, Map<String, Object> vars, int dim) throws Problem {
    return eval(f, vars, dim, false);
  }

  /** With {@code scalarGrowth}, a number is accepted in any dimension as the growth factor itself. */
  private static double[][] eval(SgdFormula f, Map<String, Object> vars, int dim, boolean scalarGrowth) throws Problem {
    double[][] m;
    try {
      m = f.matrix(vars);
    } catch (InvalidExpressionException e) {
      throw new Problem(e.getMessage(), "");
    }
    if (m.length != dim && !(scalarGrowth && m.length == 1)) {
      throw new Problem("'" + f.text + "' is " + m.length + " x " + m.length + " but the problem has dimension " + dim, "");
    }
    return m;
  }

  private static Map<String, Object> variables(SgdQuadratic q, Map<String, Double> settings, int b) {
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
    return v;
  }

  private static SgdFormula formula(TheoremSession session, String text, SgdSettings g) throws Problem {
    try {
      return new SgdFormula(session, text);
    } catch (InvalidExpressionException e) {
      throw new Problem("'" + text + "': " + e.getMessage() + " (it may use the file's symbols and definitions and "
          + String.join(", ", SgdFormula.VARIABLES) + ")", g.formulaLocation());
    }
  }

  private static SgdQuadratic explicit(TheoremSession session, SgdSettings g) throws Problem {
    IExpr e;
    try {
      e = session.session().eval(org.matheclipse.core.expression.F.N(FileFormula.load(session, g.components(), List.of())));
    } catch (InvalidExpressionException ex) {
      throw new Problem("components '" + g.components() + "': " + ex.getMessage(), g.formulaLocation());
    }
    try {
      if (!e.isList()) {
        throw new IllegalArgumentException("not a list");
      }
      IAST list = (IAST) e;
      double[][][] hs = new double[list.argSize()][][];
      for (int i = 0; i < hs.length; i++) {
        IExpr item = list.get(i + 1);
        if (item.isList()) {
          IAST rows = (IAST) item;
          hs[i] = new double[rows.argSize()][];
          for (int r = 0; r < hs[i].length; r++) {
            IAST row = (IAST) rows.get(r + 1);
            hs[i][r] = new double[row.argSize()];
            for (int col = 0; col < hs[i][r].length; col++) {
              hs[i][r][col] = row.get(col + 1).evalf();
            }
          }
        } else {
          hs[i] = new double[][] {{item.evalf()}};
        }
      }
      return new SgdQuadratic(hs);
    } catch (RuntimeException ex) {
      throw new Problem("components '" + g.components() + "' must be a list of numbers a_i >= 0 or of symmetric PSD"
          + " matrices H_i: " + ex.getMessage() + " (got " + e + ")", g.formulaLocation());
    }
  }

  private static SgdQuadratic generated(Map<String, Double> s) {
    return SgdQuadratic.random((int) Math.round(s.get("n")), (int) Math.round(s.get("dim")),
        Math.round(s.get("seed")), s.getOrDefault("scale", 1.0));
  }

  private static int integer(Map<String, Double> s, String key, SgdCrosscheck c) throws Problem {
    double v = s.get(key);
    if (v != Math.rint(v)) {
      throw new Problem("setting '" + key + "' must be an integer, got " + v, c.location());
    }
    return (int) v;
  }

  private static List<Map<String, Double>> product(Map<String, double[]> grid) {
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

  private static Map<String, Object> gridEvidence(Map<String, double[]> grid) {
    Map<String, Object> m = new LinkedHashMap<>();
    grid.forEach((k, v) -> m.put(k, java.util.Arrays.stream(v).boxed().toList()));
    return m;
  }

  private static double relErr(double[][] file, double[][] exact) {
    double diff = 0;
    double scale = 1;
    for (int r = 0; r < exact.length; r++) {
      for (int col = 0; col < exact.length; col++) {
        diff = Math.max(diff, Math.abs(file[r][col] - exact[r][col]));
        scale = Math.max(scale, Math.abs(exact[r][col]));
      }
    }
    return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / scale;
  }

  private static Object evidence(double[][] m) {
    return m.length == 1 ? (Object) m[0][0] : (m.length <= 10 ? m : "(" + m.length + " x " + m.length + ")");
  }

  private static String shortMatrix(double[][] m) {
    if (m.length == 1) {
      return fmt(m[0][0]);
    }
    StringBuilder b = new StringBuilder("{");
    for (int r = 0; r < Math.min(m.length, 3); r++) {
      b.append(r > 0 ? ", " : "").append(Vectors.join(m[r]));
    }
    return b.append(m.length > 3 ? ", ...}" : "}").toString();
  }
}
