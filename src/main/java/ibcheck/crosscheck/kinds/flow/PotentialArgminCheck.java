package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.Argmin;
import ibcheck.bias.ConstrainedArgmin;
import ibcheck.bias.NormReferences;
import ibcheck.bias.VectorPotentialFormula;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.Model;
import ibcheck.models.ModelRegistry;
import ibcheck.models.NamedState;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: potential-argmin}: at every combination of the swept settings, the gradient-flow
 * limit of the model's beta against {@code argmin Q(b) s.t. activation(X b) = y} for the file's
 * potential Q, a Symja formula in a vector variable and in quantities of the initialisation (see
 * {@link FlowSetup}); Q need not be separable. The KKT system {@code grad Q(b) in rowspace(X)} on the
 * affine set {@code X b = activation^-1(y)} is solved by Levenberg-Marquardt with the gradient from
 * Symja's {@code D} ({@link ConstrainedArgmin}). The error is {@code max_i |b_flow_i - b_pred_i|}.
 *
 * <pre>
 *     tolerance: 1e-6
 *     kkt-tolerance: 1e-6        # optional: also ||N^T grad Q(b_flow)||_inf, the flow limit's own KKT residual
 *     limit: alpha -> 0          # optional: the prediction is a limit; the error must shrink along the sweep
 *                                # of alpha towards 0 (or Infinity, or any number such as shape -> 1),
 *                                # and be within tolerance at its end
 * </pre>
 *
 * @param limitSetting the setting of {@code limit:}, or null
 * @param limitValue where the limit's setting goes: a number, or positive infinity
 * @param kktTolerance the bound on the flow limit's KKT residual, or NaN when not checked
 */
record PotentialArgminCheck(CheckKind.Header header, FlowSetup setup, String limitSetting, double limitValue,
    double kktTolerance) implements NumericCheck {

  /** A growing error along a limit sweep may exceed the previous one by this factor (solver noise). */
  static final double TREND_SLACK = 1e-3;

  /**
   * Errors below this fraction of the tolerance count as converged along a limit sweep: there the
   * flow's and the solver's own accuracy (about 1e-10), not the limit, sets the error.
   */
  static final double TREND_FLOOR = 1e-3;

  @Override
  public NumericCheck instantiate(Map<String, Double> drawn) {
    return new PotentialArgminCheck(header, setup.instantiate(drawn, name()), limitSetting, limitValue, kktTolerance);
  }

  /** One grid point's outcome. */
  private record Point(Map<String, Double> settings, double error, double kkt) {}

  @Override
  public ClaimResult run(TheoremSession session) {
    return SetupRun.run(header, setup.formulaLocation(),
        cause -> "the predicted potential '" + setup.potential() + "' cannot be used: " + cause,
        judgement -> judge(judgement, session));
  }

  private ClaimResult judge(Judgement judgement, TheoremSession session) throws FlowSetup.Failure, InvalidExpressionException {
    Dataset base = setup.data().dataset();
    ConstrainedArgmin shared = null;
    double[] sharedMinL2 = null;
    if (!setup.fromInit()) {
      Dataset linear = new Dataset(base.x(), setup.targets(session, base.y()));
      shared = new ConstrainedArgmin(linear);
      sharedMinL2 = NormReferences.minL2(linear);
    }
    Map<String, Object> evidence = setup.evidence();
    evidence.put("error_measure", "max_i |b_flow_i - b_predicted_i|");
    if (!Double.isNaN(kktTolerance)) {
      evidence.put("kkt_tolerance", kktTolerance);
    }
    if (limitSetting != null) {
      evidence.put("limit", limitText());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Point> outcomes = new ArrayList<>();
    for (Map<String, Double> settings : setup.points()) {
      Map<String, Object> row = new LinkedHashMap<>();
      rows.add(row);
      outcomes.add(point(session, settings, base, shared, sharedMinL2, row));
    }
    evidence.put("points", rows);
    figure(outcomes).ifPresent(f -> f.addTo(evidence));
    return limitSetting == null ? direct(judgement, outcomes, evidence) : trend(judgement, outcomes, evidence);
  }

  /**
   * The flow limit at one grid point against the argmin of the file's potential under the point's
   * constraints (the shared ones unless the targets start from the initialisation); its row.
   */
  private Point point(TheoremSession session, Map<String, Double> settings, Dataset base, ConstrainedArgmin shared,
      double[] sharedMinL2, Map<String, Object> row) throws FlowSetup.Failure, InvalidExpressionException {
    int d = base.cols();
    long t0 = System.nanoTime();
    Model model = ModelRegistry.create(setup.model(), settings);
    Dataset data = setup.dataAt(base, model);
    ConstrainedArgmin argmin = shared;
    double[] minL2 = sharedMinL2;
    if (argmin == null) {
      Dataset linear = new Dataset(data.x(), setup.targets(session, data.y()));
      argmin = new ConstrainedArgmin(linear);
      minL2 = NormReferences.minL2(linear);
    }
    NamedState.Quantities q = ((NamedState) model).initial(d);
    VectorPotentialFormula potential = setup.formula(session, q, settings, d);
    FlowSetup.Limit limit = setup.limit(model, data, settings, (t, theta) -> { }, GradientFlow.Speed.PLAIN);
    Argmin a = argmin.solve(potential);
    double err = Vectors.maxAbsDifference(limit.beta(), a.beta());
    double kkt = argmin.stationarityResidual(potential, limit.beta());
    double feasibility = 0;
    for (int n = 0; n < data.rows(); n++) {
      double u = Vectors.dot(data.x()[n], limit.beta());
      feasibility = Math.max(feasibility, Math.abs(setup.activate(session, u) - data.y()[n]));
    }
    row.put("settings", setup.describe(settings));
    row.put("error", err);
    row.put("flow_kkt_stationarity", kkt);
    row.put("flow_feasibility", feasibility);
    row.put("certificate", limit.certificate().evidence());
    row.put("flow_limit", Vectors.evidence(limit.beta()));
    row.put("prediction", Vectors.evidence(a.beta()));
    row.put("q_at_flow_limit", potential.value(limit.beta()));
    row.put("q_at_prediction", potential.value(a.beta()));
    row.put("kkt_stationarity", a.stationarity());
    row.put("kkt_feasibility", a.feasibility());
    row.put("kkt_iterations", a.iterations());
    row.put("distance_to_min_l2", Vectors.distance(limit.beta(), minL2));
    row.put("seconds", (System.nanoTime() - t0) / 1e9);
    return new Point(settings, err, kkt);
  }

  private ClaimResult direct(Judgement judgement, List<Point> outcomes, Map<String, Object> evidence) {
    Point worst = outcomes.get(0);
    Point worstKkt = outcomes.get(0);
    for (Point p : outcomes) {
      if (!(p.error() <= worst.error())) {
        worst = p;
      }
      if (!(p.kkt() <= worstKkt.kkt())) {
        worstKkt = p;
      }
    }
    evidence.put("max_error", worst.error());
    evidence.put("max_flow_kkt_stationarity", worstKkt.kkt());
    boolean within = worst.error() <= setup.tolerance();
    boolean kktWithin = Double.isNaN(kktTolerance) || worstKkt.kkt() <= kktTolerance;
    String kktText = Double.isNaN(kktTolerance) ? ""
        : "; the flow limit's KKT residual " + fmt(worstKkt.kkt()) + (kktWithin ? " <= " : " > ") + fmt(kktTolerance);
    String message;
    if (within && kktWithin) {
      message = "flow limit agrees with argmin of " + setup.potential() + " at " + outcomes.size() + " settings ("
          + grid() + "): max error " + fmt(worst.error()) + " <= tolerance " + fmt(setup.tolerance()) + kktText;
    } else if (!within) {
      message = "at " + setup.describe(worst.settings()) + " the flow limit is " + fmt(worst.error())
          + " from argmin of " + setup.potential() + " (tolerance " + fmt(setup.tolerance()) + ")" + kktText;
    } else {
      message = "at " + setup.describe(worstKkt.settings()) + " the flow limit is not a KKT point of min "
          + setup.potential() + kktText;
    }
    return result(judgement, within && kktWithin, message, evidence);
  }

  /**
   * The prediction is a limit: within each combination of the other settings, ordered towards the
   * limit, the error may not grow (beyond {@value #TREND_SLACK} relative, unless it is below
   * {@value #TREND_FLOOR} times the tolerance), and at the last value it must be within the tolerance.
   */
  private ClaimResult trend(Judgement judgement, List<Point> outcomes, Map<String, Object> evidence) {
    Map<String, List<Point>> groups = groups(outcomes);
    List<Map<String, Object>> lines = new ArrayList<>();
    String failure = null;
    double worstEnd = 0;
    for (Map.Entry<String, List<Point>> g : groups.entrySet()) {
      List<Point> line = new ArrayList<>(g.getValue());
      line.sort((p, q) -> Double.compare(distance(q), distance(p))); // farthest from the limit first
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("others", g.getKey());
      List<Double> errors = new ArrayList<>();
      line.forEach(p -> errors.add(p.error()));
      l.put("errors_towards_limit", errors);
      Point end = line.get(line.size() - 1);
      l.put("error_at_end", end.error());
      if (line.size() >= 2) {
        Point before = line.get(line.size() - 2);
        double rate = Math.log(end.error() / before.error()) / Math.log(distance(end) / distance(before));
        l.put(Double.isInfinite(limitValue) ? "order_at_end_in_1_over_" + limitSetting
            : "order_at_end_in_distance_to_limit", Double.isInfinite(limitValue) ? -rate : rate);
      }
      lines.add(l);
      worstEnd = Math.max(worstEnd, Double.isNaN(end.error()) ? Double.POSITIVE_INFINITY : end.error());
      for (int i = 1; i < line.size() && failure == null; i++) {
        double err = line.get(i).error();
        if (!(err <= line.get(i - 1).error() * (1 + TREND_SLACK) || err <= TREND_FLOOR * setup.tolerance())) {
          failure = "the error does not shrink towards " + limitText()
              + (g.getKey().isEmpty() ? "" : " at " + g.getKey()) + ": " + fmt(line.get(i - 1).error()) + " at "
              + limitSetting + " = " + fmt(line.get(i - 1).settings().get(limitSetting)) + ", then "
              + fmt(line.get(i).error()) + " at " + fmt(line.get(i).settings().get(limitSetting));
        }
      }
      if (failure == null && !(end.error() <= setup.tolerance())) {
        failure = "at the end of the sweep (" + setup.describe(end.settings()) + ") the flow limit is still "
            + fmt(end.error()) + " from argmin of " + setup.potential() + " (tolerance " + fmt(setup.tolerance()) + ")";
      }
    }
    evidence.put("trend", lines);
    evidence.put("max_error", worstEnd);
    boolean holds = failure == null;
    String message = holds
        ? "the flow limit approaches argmin of " + setup.potential() + " as " + limitText() + ": the error shrinks along every line of the sweep (" + grid()
            + ") and is at most " + fmt(worstEnd) + " <= tolerance " + fmt(setup.tolerance()) + " at its end"
        : failure;
    return result(judgement, holds, message, evidence);
  }

  /** How far a point's setting is from the limit (for infinity: the reciprocal of the setting). */
  private double distance(Point p) {
    double v = p.settings().get(limitSetting);
    return Double.isInfinite(limitValue) ? 1 / v : Math.abs(v - limitValue);
  }

  private String limitText() {
    return limitSetting + " -> " + (Double.isInfinite(limitValue) ? "Infinity"
        : limitValue == Math.rint(limitValue) ? String.valueOf((long) limitValue) : String.valueOf(limitValue));
  }

  /** Outcomes grouped by the swept settings other than the x axis of the figure. */
  private Map<String, List<Point>> groups(List<Point> outcomes) {
    String x = axis();
    Map<String, List<Point>> groups = new LinkedHashMap<>();
    for (Point p : outcomes) {
      Map<String, Double> others = new LinkedHashMap<>();
      for (String k : setup.grid().keySet()) {
        if (!k.equals(x)) {
          others.put(k, p.settings().get(k));
        }
      }
      groups.computeIfAbsent(KindSupport.describe(others), k -> new ArrayList<>()).add(p);
    }
    return groups;
  }

  /** The figure's x axis: the limit's setting, else alpha if swept, else the first swept setting. */
  private String axis() {
    if (limitSetting != null) {
      return limitSetting;
    }
    return setup.grid().containsKey("alpha") ? "alpha" : setup.grid().keySet().iterator().next();
  }

  private java.util.Optional<Figure> figure(List<Point> outcomes) {
    String x = axis();
    if (setup.grid().get(x).length < 2) {
      return java.util.Optional.empty();
    }
    List<Figure.Series> series = new ArrayList<>();
    for (Map.Entry<String, List<Point>> g : groups(outcomes).entrySet()) {
      List<Point> line = new ArrayList<>(g.getValue());
      line.sort((p, q) -> Double.compare(p.settings().get(x), q.settings().get(x)));
      double[] xs = line.stream().mapToDouble(p -> p.settings().get(x)).toArray();
      double[] ys = line.stream().mapToDouble(p -> Math.max(p.error(), 1e-300)).toArray();
      series.add(new Figure.Series(g.getKey().isEmpty() ? "error" : g.getKey(), xs, ys));
    }
    double[] xs = setup.grid().get(x).clone();
    java.util.Arrays.sort(xs);
    double[] tol = new double[xs.length];
    java.util.Arrays.fill(tol, setup.tolerance());
    series.add(new Figure.Series("tolerance", xs, tol));
    return java.util.Optional.of(new Figure("distance of the flow limit to argmin of " + setup.potential() + " against "
        + x, x, "max_i |b_flow_i - b_pred_i|", series));
  }

  private String grid() {
    StringBuilder b = new StringBuilder();
    setup.grid().forEach((k, v) -> b.append(b.length() > 0 ? "; " : "").append(k).append(" in ").append(Vectors.join(v)));
    return b.toString();
  }

  private ClaimResult result(Judgement judgement, boolean holds, String message, Map<String, Object> evidence) {
    return judgement.holds(holds, message, evidence);
  }

}
