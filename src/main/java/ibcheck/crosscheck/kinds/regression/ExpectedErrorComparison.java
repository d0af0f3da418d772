package ibcheck.crosscheck.kinds.regression;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.kinds.regression.LinearRegressionCheck.Predictions;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.special.Erf;

/**
 * {@code predicts: mean} (and {@code bound}) of a linear-regression check, for the expected error
 * {@code E e(t)}, {@code e = ||beta(t) - beta*||^2}, over the noise. The formula
 * {@code sum_j term + plus} must match the exact expectation from the integrated propagator within
 * the tolerance, relative to {@code max(1, E e(t))}; with {@code samples}, the Monte Carlo mean must
 * lie within z standard errors of the formula (plus the tolerance, relative); a bound must hold at
 * every finite time, up to a relative tolerance.
 */
final class ExpectedErrorComparison {
  private final LinearRegressionCheck check;
  private final RegressionProblem problem;
  private final RegressionFlow flow;
  private final CompiledExpression term;
  private final CompiledExpression plus;
  private final CompiledExpression bound;
  private final NoiseMonteCarlo monteCarlo;
  private double worstFormula = 0;
  private double worstFormulaAt = Double.NaN;
  private double worstZ = 0;
  private double tightest = Double.NaN;
  private String monteCarloFailure;
  private String boundFailure;

  private ExpectedErrorComparison(TheoremSession session, LinearRegressionCheck check, RegressionProblem problem,
      RegressionFlow flow) throws InvalidExpressionException {
    this.check = check;
    this.problem = problem;
    this.flow = flow;
    Predictions p = check.predicts();
    term = p.term().compile(session, RegressionProblem.COMPONENT_VARS);
    plus = p.plus() == null ? null : p.plus().compile(session, RegressionProblem.GLOBAL_VARS);
    bound = p.bound() == null ? null : p.bound().compile(session, RegressionProblem.GLOBAL_VARS);
    monteCarlo = check.samples() > 0
        ? new NoiseMonteCarlo(check.setup().seed(), check.samples(), problem.n(), problem.noise()) : null;
  }

  /** Compares at the stated times and draws the figure along the grid, adding evidence and findings. */
  static void judge(TheoremSession session, LinearRegressionCheck check, RegressionProblem problem, RegressionFlow flow,
      FlowTimes times, double[][] states, Map<String, Object> ev, Findings findings) throws InvalidExpressionException {
    ExpectedErrorComparison c = new ExpectedErrorComparison(session, check, problem, flow);
    double[] stated = times.stated();
    List<Map<String, Object>> points = new ArrayList<>();
    for (int k = 0; k < stated.length; k++) {
      points.add(c.point(stated[k], states[k]));
    }
    ev.put("mean_error_measure", "|E e(t) exact - formula| / max(1, E e(t)); E over the noise from the integrated propagator");
    ev.put("mean_points", points);
    ev.put("mean_max_error", c.worstFormula);
    if (c.monteCarlo != null) {
      ev.put("monte_carlo", Map.of("samples", check.samples(), "z", check.z(), "max_deviation_in_standard_errors",
          c.worstZ, "two_sided_false_alarm_per_time", Erf.erfc(check.z() / Math.sqrt(2))));
    }
    c.figure(times.grid(), Arrays.copyOfRange(states, times.flow().length, states.length), ev);
    c.verdicts(stated, findings);
  }

  /** {@code sum_j term + plus} at time t. */
  private double formulaMean(double t) {
    double s = 0;
    for (int j = 0; j < problem.n(); j++) {
      s += problem.perComponent(term, t, j);
    }
    return s + (plus == null ? 0 : problem.global(plus, t));
  }

  /** The comparisons at one stated time, as its evidence. */
  private Map<String, Object> point(double t, double[] state) {
    double exact = flow.exactMean(state);
    double formula = formulaMean(t);
    double err = Math.abs(exact - formula) / Math.max(1, Math.abs(exact));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("t", t);
    p.put("exact_mean", exact);
    p.put("formula", formula);
    p.put("relative_error", err);
    if (!(err <= worstFormula)) {
      worstFormula = err;
      worstFormulaAt = t;
    }
    if (monteCarlo != null) {
      monteCarlo(p, t, state, formula);
    }
    if (bound != null && Double.isFinite(t)) {
      bound(p, t, exact);
    }
    return p;
  }

  private void monteCarlo(Map<String, Object> p, double t, double[] state, double formula) {
    NoiseMonteCarlo.Estimate estimate = monteCarlo.at(flow, state);
    double mc = estimate.mean();
    double se = estimate.standardError();
    double dev = Math.abs(mc - formula);
    double zs = se > 0 ? dev / se : (dev == 0 ? 0 : Double.POSITIVE_INFINITY);
    p.put("monte_carlo_mean", mc);
    p.put("standard_error", se);
    p.put("deviation_in_standard_errors", zs);
    worstZ = Math.max(worstZ, zs);
    if (monteCarloFailure == null && !(dev <= check.z() * se + check.tolerance() * Math.abs(formula))) {
      monteCarloFailure = "at t = " + fmt(t) + " the Monte Carlo mean " + fmt(mc) + " (standard error " + fmt(se)
          + ", " + check.samples() + " noise draws) is " + fmt(zs) + " standard errors from the formula's " + fmt(formula);
    }
  }

  private void bound(Map<String, Object> p, double t, double exact) {
    double b = problem.global(bound, t);
    p.put("bound", b);
    p.put("mean_over_bound", exact / b);
    tightest = Double.isNaN(tightest) ? exact / b : Math.max(tightest, exact / b);
    if (boundFailure == null && !(exact <= b * (1 + check.tolerance()))) {
      boundFailure = "at t = " + fmt(t) + " the exact E e(t) = " + fmt(exact) + " exceeds the bound "
          + check.predicts().bound().text() + " = " + fmt(b);
    }
  }

  /** The exact E e(t), the formula and the bound along the log grid. */
  private void figure(double[] grid, double[][] gridStates, Map<String, Object> ev) {
    double[] ex = new double[grid.length];
    double[] fo = new double[grid.length];
    double[] bo = new double[grid.length];
    for (int k = 0; k < grid.length; k++) {
      ex[k] = flow.exactMean(gridStates[k]);
      fo[k] = formulaMean(grid[k]);
      bo[k] = bound == null ? Double.NaN : problem.global(bound, grid[k]);
    }
    List<Figure.Series> series = new ArrayList<>();
    series.add(new Figure.Series("E e(t), integrated flow", grid, ex));
    series.add(new Figure.Series("formula", grid, fo));
    if (bound != null) {
      series.add(new Figure.Series("bound", grid, bo));
    }
    new Figure("expected error e(t) = ||beta(t) - beta*||^2 over the noise", "flow time t", "E e(t)", series).addTo(ev);
  }

  private void verdicts(double[] times, Findings findings) {
    findings.add(worstFormula <= check.tolerance(),
        "E e(t) formula matches the exact expectation at t = " + Vectors.join(times) + " (max relative error "
            + fmt(worstFormula) + ")",
        "at t = " + fmt(worstFormulaAt) + " the formula for E e(t) is off by " + fmt(worstFormula)
            + " (relative) from the exact expectation of the integrated flow");
    if (monteCarlo != null) {
      findings.add(monteCarloFailure == null, "Monte Carlo over " + check.samples() + " noise draws within "
          + fmt(worstZ) + " standard errors (z = " + fmt(check.z()) + ")", monteCarloFailure);
    }
    if (bound != null) {
      findings.add(boundFailure == null, "E e(t) <= " + check.predicts().bound().text()
          + " at every finite t (largest ratio " + fmt(tightest) + ")", boundFailure);
    }
  }
}
