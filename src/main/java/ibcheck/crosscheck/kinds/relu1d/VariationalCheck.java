package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.CurvatureVariational.Ends;
import ibcheck.bias.CurvatureVariational.Grid;
import ibcheck.bias.CurvatureVariational.Solution;
import ibcheck.bias.CurvatureVariational;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Data;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Formula;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Params;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: variational}: {@code min int g''^2 / zeta} subject to {@code g(x_i) = y_i}, for each of
 * the file's weights zeta (a formula in x and the parameters, or several, labelled). Three
 * computations ({@link CurvatureVariational}):
 *
 * <ol>
 *   <li>the Euler-Lagrange solution {@code g'' = zeta * l}, l piecewise linear, with the file's end
 *       condition ({@code ends: natural} or {@code clamped});
 *   <li>the direct minimiser on a grid (step {@code h} and h/2, Richardson-extrapolated), which
 *       assumes nothing about the solution's form;
 *   <li>with {@code reference: cubic-spline} (zeta must be constant on the data's range), the cubic
 *       spline with the file's ends: Hipparchus' {@code SplineInterpolator} for natural ends, the
 *       moment equations with zero end slopes for clamped ones.
 * </ol>
 *
 * Verdict: {@code sup |(1) - (2)|} and {@code sup |(1) - (3)|} within {@code tolerance} times
 * {@code max(1, sup |(1)|)} (the solution's own scale: uneven data can make it swing far beyond the
 * data), and the direct minimiser has the Euler-Lagrange form: its
 * {@code g''/zeta} is linear between the knots (deviation from its least-squares line at most
 * {@code tolerance} times {@code max |g''/zeta|}) and, with natural ends, tends to 0 at the outer knots.
 *
 * @param header name, time limit and {@code file:line}
 * @param s the settings, as {@link VariationalKind} read them
 */
record VariationalCheck(CheckKind.Header header, Settings s) implements NumericCheck {
  static final String NAME = "variational";

  record Settings(Map<String, String> zetas, Params params, Data data, Ends ends, boolean splineReference,
      double h, double tolerance) {}

  @Override
  public NumericCheck instantiate(Map<String, Double> drawn) {
    Drawn d = Drawn.of(drawn, name(), VariationalKind.FIELDS, s.params().names());
    return new VariationalCheck(header, new Settings(s.zetas(), s.params().drawn(d), s.data().drawn(d), s.ends(),
        s.splineReference(), s.h(), s.tolerance()));
  }

  @Override
  public ClaimResult run(TheoremSession session) {
    Judgement judgement = Judgement.start(header());
    List<String> names = s.params().names();
    Map<String, Formula> compiled = new LinkedHashMap<>();
    List<Map<String, Double>> sets;
    try {
      for (Map.Entry<String, String> e : s.zetas().entrySet()) {
        compiled.put(e.getKey(), Formula.compile(session, e.getValue(), List.of("x"), names));
      }
      sets = s.params().combinations(session);
    } catch (InvalidExpressionException e) {
      return judgement.error(e.getMessage());
    }
    double[] xs = s.data().x();
    double[] ys = s.data().y();
    Grid grid = Grid.of(xs, s.h(), 1);
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("data", s.data().evidence());
    evidence.put("ends", s.ends().name().toLowerCase());
    evidence.put("h", s.h());
    evidence.put("tolerance", s.tolerance());
    List<Map<String, Object>> rows = new ArrayList<>();
    evidence.put("solutions", rows);
    List<Figure.Series> solutions = new ArrayList<>();
    List<Figure.Series> weights = new ArrayList<>();
    String failure = null;
    double worst = 0;
    for (Map<String, Double> p : sets) {
      for (Map.Entry<String, Formula> e : compiled.entrySet()) {
        String label = e.getKey() + (p.isEmpty() ? "" : " (" + Inputs1D.label(p) + ")");
        Formula zf = e.getValue().at(p, names);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("zeta", label);
        rows.add(row);
        Compared c;
        try {
          c = compare(label, zf, grid, row);
        } catch (Unusable u) {
          return judgement.error(u.getMessage());
        }
        worst = Math.max(worst, c.worst());
        if (c.failure() != null && failure == null) {
          failure = c.failure();
        }
        solutions.add(Inputs1D.thin(label, grid.t(), c.el().g(), 61));
        double[] zt = new double[grid.size()];
        for (int k = 0; k < zt.length; k++) {
          zt[k] = zf.value(grid.t()[k]);
        }
        weights.add(Inputs1D.thin(label, grid.t(), zt, 61));
      }
    }
    return conclude(judgement, evidence, solutions, weights, failure, worst);
  }

  /** The data on the solutions' figure, both figures, and the verdict: the first failure, or what held. */
  private ClaimResult conclude(Judgement judgement, Map<String, Object> evidence, List<Figure.Series> solutions,
      List<Figure.Series> weights, String failure, double worst) {
    double[] xs = s.data().x();
    double[] ys = s.data().y();
    solutions.add(Figure.Series.points("data", xs.clone(), ys.clone()));
    evidence.put("max_error", worst);
    new Figure("the solutions g* of min int g''^2/zeta subject to g(x_i) = y_i (and the data)", "x", "g*(x)", solutions)
        .addTo(evidence);
    new Figure("the weights zeta", "x", "zeta(x)", weights).addTo(evidence);
    String msg = failure != null ? failure
        : "for every zeta the Euler-Lagrange solution (" + s.ends().name().toLowerCase() + " ends) agrees with the direct"
            + " minimiser" + (s.splineReference() ? " and the cubic spline" : "") + ", and the direct minimiser has the"
            + " Euler-Lagrange form (max relative deviation " + fmt(worst) + " <= " + fmt(s.tolerance()) + ")";
    return judgement.holds(failure == null, msg, evidence);
  }

  /** A zeta the check cannot use; the message is the check's error. */
  private static final class Unusable extends Exception {
    Unusable(String message) {
      super(message, null, false, false);
    }
  }

  /** One zeta's Euler-Lagrange solution, its largest relative deviation, and why it fails (or null). */
  private record Compared(Solution el, double worst, String failure) {}

  /**
   * The Euler-Lagrange solution for one zeta against the direct minimiser, the direct minimiser's form
   * and (reference cubic-spline) the spline, in that order of failure; the row's evidence.
   */
  private Compared compare(String label, Formula zf, Grid grid, Map<String, Object> row) throws Unusable {
    double[] xs = s.data().x();
    double[] ys = s.data().y();
    Solution el;
    Solution direct;
    try {
      el = CurvatureVariational.eulerLagrange(xs, ys, zf::value, s.ends(), grid);
      direct = CurvatureVariational.discretised(xs, ys, zf::value, s.h(), 1);
    } catch (IllegalArgumentException ex) {
      throw new Unusable(label + ": " + ex.getMessage());
    }
    double scale = 1;
    for (double g : el.g()) {
      scale = Math.max(scale, Math.abs(g));
    }
    row.put("scale", scale);
    double dDirect = supDiff(el.g(), direct.g()) / scale;
    row.put("sup_el_minus_direct", dDirect * scale);
    row.put("relative_el_minus_direct", dDirect);
    row.put("objective_el", el.objective(zf::value));
    row.put("u", el.u());
    row.put("v", el.v());
    row.put("l_at_knots", el.lambda());
    String f = null;
    if (!(dDirect <= s.tolerance())) {
      f = "for " + label + " the Euler-Lagrange solution with " + s.ends().name().toLowerCase()
          + " ends is " + fmt(dDirect * scale) + " from the direct minimiser (tolerance " + fmt(s.tolerance() * scale) + ")";
    }
    double form = formResidual(direct, zf, xs, row);
    if (f == null && !(form <= s.tolerance())) {
      f = "for " + label + " the direct minimiser's g''/zeta is not of the Euler-Lagrange form (piecewise linear,"
          + " 0 at the ends): deviation " + fmt(form) + " of max |g''/zeta| > " + fmt(s.tolerance());
    }
    double worstHere = Math.max(dDirect, form);
    if (s.splineReference()) {
      double dSpline = splineDistance(label, zf, grid, el, scale, row);
      worstHere = Math.max(worstHere, dSpline);
      if (f == null && !(dSpline <= s.tolerance())) {
        f = "for " + label + " the Euler-Lagrange solution is " + fmt(dSpline * scale) + " from the "
            + s.ends().name().toLowerCase() + " cubic spline";
      }
    }
    return new Compared(el, worstHere, f);
  }

  /** The relative distance of the Euler-Lagrange solution to the cubic spline; zeta must be constant on the data. */
  private double splineDistance(String label, Formula zf, Grid grid, Solution el, double scale, Map<String, Object> row)
      throws Unusable {
    double[] xs = s.data().x();
    double[] t = grid.t();
    double zmin = Double.POSITIVE_INFINITY;
    double zmax = 0;
    for (double x : t) {
      double z = zf.value(x);
      zmin = Math.min(zmin, z);
      zmax = Math.max(zmax, z);
    }
    if (!(zmax <= zmin * (1 + 1e-12))) {
      throw new Unusable("reference cubic-spline needs zeta constant on the data's range [" + fmt(xs[0]) + ", "
          + fmt(xs[xs.length - 1]) + "], but " + label + " ranges over [" + fmt(zmin) + ", " + fmt(zmax) + "]");
    }
    double[] spline = CurvatureVariational.cubicSpline(xs, s.data().y(), s.ends(), t);
    double dSpline = supDiff(el.g(), spline) / scale;
    row.put("sup_el_minus_spline", dSpline * scale);
    row.put("spline", s.ends() == Ends.NATURAL ? "Hipparchus SplineInterpolator (natural)"
        : "clamped cubic spline, zero end slopes");
    return dSpline;
  }

  /**
   * How far the direct minimiser's {@code m = g''/zeta} is from piecewise linear with m = 0 at the outer
   * knots: per knot interval the largest deviation of m (at interior grid points) from its
   * least-squares line, and |m| extrapolated to the outer knots, relative to max |m|.
   */
  private double formResidual(Solution direct, Formula zeta, double[] xs, Map<String, Object> row) {
    Grid g = direct.grid();
    double[] t = g.t();
    double[] m = new double[t.length];
    double max = 0;
    for (int k = 0; k < t.length; k++) {
      m[k] = direct.g2()[k] / zeta.value(t[k]);
      boolean knot = false;
      for (int i : g.knotIndex()) {
        knot |= i == k;
      }
      if (!knot) {
        max = Math.max(max, Math.abs(m[k]));
      }
    }
    if (max == 0) {
      row.put("form_deviation", 0.0);
      return 0;
    }
    double dev = 0;
    double[] endValue = new double[2];
    for (int i = 0; i + 1 < xs.length; i++) {
      int a = g.knotIndex()[i] + 1;
      int b = g.knotIndex()[i + 1] - 1;
      org.hipparchus.stat.regression.SimpleRegression r = new org.hipparchus.stat.regression.SimpleRegression();
      for (int k = a; k <= b; k++) {
        r.addData(t[k], m[k]);
      }
      for (int k = a; k <= b; k++) {
        dev = Math.max(dev, Math.abs(m[k] - r.predict(t[k])));
      }
      if (i == 0) {
        endValue[0] = r.predict(xs[0]);
      }
      if (i == xs.length - 2) {
        endValue[1] = r.predict(xs[xs.length - 1]);
      }
    }
    double linear = dev / max;
    double ends = Math.max(Math.abs(endValue[0]), Math.abs(endValue[1])) / max;
    row.put("form_deviation_from_linear", linear);
    row.put("form_end_values", endValue);
    return s.ends() == Ends.NATURAL ? Math.max(linear, ends) : linear;
  }

  static double supDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      m = Double.isNaN(d) ? Double.NaN : Math.max(m, d);
      if (Double.isNaN(m)) {
        return m;
      }
    }
    return m;
  }


}
