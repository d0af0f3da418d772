package ibcheck.crosscheck;

import ibcheck.bias.Argmin;
import ibcheck.bias.ConstrainedArgmin;
import ibcheck.bias.NormReferences;
import ibcheck.bias.PotentialFormula;
import ibcheck.flow.FlowFailedException;
import ibcheck.flow.FlowLimit;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.LinearPredictor;
import ibcheck.models.Model;
import ibcheck.models.ModelRegistry;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one {@link Crosscheck}: for every sweep value, the model's gradient flow to convergence
 * ({@link GradientFlow}) and, for an agreement check, the argmin of the file's potential
 * ({@link ConstrainedArgmin}); the verdict compares them. The error measured is
 * {@code ||beta_flow - beta_pred||_inf}. A flow whose certificate cannot resolve the tolerance
 * (estimated remaining path longer than the tolerance) makes the check an error rather than a
 * verdict. Runs on the theorem's symbolic worker thread (the formula is compiled from its session).
 */
public final class CrosscheckRunner {
  /** Vectors longer than this are left out of the evidence. */
  static final int MAX_VECTOR = 50;

  private final GradientFlow.Settings flowSettings;

  public CrosscheckRunner(GradientFlow.Settings flowSettings) {
    this.flowSettings = flowSettings;
  }

  public CrosscheckRunner() {
    this(GradientFlow.Settings.DEFAULT);
  }

  public ClaimResult run(TheoremSession session, Crosscheck c) {
    long start = System.nanoTime();
    Dataset data = c.data().dataset();
    double[] l1 = NormReferences.minL1(data);
    double[] l2 = NormReferences.minL2(data);
    if (c.kind() == Crosscheck.Kind.THRESHOLD) {
      return threshold(session, c, data, l1, l2, start);
    }
    PotentialFormula formula = null;
    ConstrainedArgmin argmin = null;
    if (c.kind() == Crosscheck.Kind.AGREEMENT) {
      List<String> settings = new ArrayList<>(c.settingsAt(c.sweep()[0]).keySet());
      try {
        formula = PotentialFormula.compile(session, c.prediction().form(), c.prediction().formula(),
            c.prediction().coordinate(), settings, c.prediction().low(), c.prediction().high());
      } catch (InvalidExpressionException e) {
        return failure(c, start, Verdict.ERROR, "cross-check '" + c.name() + "': the predicted potential '"
            + c.prediction().formula() + "' cannot be used: " + e.getMessage(), c.prediction().location());
      }
      argmin = new ConstrainedArgmin(data);
    }
    GradientFlow flow = new GradientFlow(flowSettings.withMaxEvaluations(c.maxEvaluations()));

    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("model", c.model());
    evidence.put("fixed", c.fixed());
    evidence.put("sweep", c.sweepSetting());
    evidence.put("data", c.data().evidence());
    evidence.put("tolerance", c.tolerance());
    evidence.put("error_measure", c.kind() == Crosscheck.Kind.AGREEMENT
        ? "max_i |beta_flow_i - beta_predicted_i|" : "l2 distances of beta_flow to min-l1 and min-l2 solutions");
    if (formula != null) {
      evidence.put("predicted_by", c.prediction().formula());
    }
    evidence.put("min_l1", vector(l1));
    evidence.put("min_l2", vector(l2));
    List<Map<String, Object>> points = new ArrayList<>();
    evidence.put("points", points);

    double worst = 0;
    String worstAt = "";
    double[] toL1 = new double[c.sweep().length];
    double[] toL2 = new double[c.sweep().length];
    for (int k = 0; k < c.sweep().length; k++) {
      double value = c.sweep()[k];
      long t0 = System.nanoTime();
      Map<String, Double> settings = c.settingsAt(value);
      Model model = ModelRegistry.create(c.model(), settings);
      if (!(model instanceof LinearPredictor linear)) {
        return failure(c, start, Verdict.ERROR, "cross-check '" + c.name() + "': model '" + c.model()
            + "' has no end-to-end linear predictor beta to compare", c.location());
      }
      FlowLimit limit;
      try {
        limit = flow.run(model, data);
      } catch (FlowFailedException e) {
        Map<String, Object> ev = new LinkedHashMap<>(evidence);
        ev.put("failed_at", settings);
        if (e.last() != null) {
          ev.put("last_certificate", e.last().evidence());
        }
        return new ClaimResult(c.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, seconds(start),
            "cross-check '" + c.name() + "' at " + c.sweepSetting() + " = " + fmt(value) + ": " + e.getMessage(),
            c.location(), ev);
      }
      double[] beta = linear.beta(limit.theta());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put(c.sweepSetting(), value);
      p.put("certificate", limit.certificate().evidence());
      if (limit.certificate().remainingPath() > c.tolerance()) {
        return failure(c, start, Verdict.ERROR, "cross-check '" + c.name() + "' at " + c.sweepSetting() + " = "
            + fmt(value) + ": the flow stopped with an estimated remaining path of "
            + fmt(limit.certificate().remainingPath()) + " > tolerance " + fmt(c.tolerance())
            + " (" + limit.certificate() + "); its limit cannot resolve the tolerance", c.location());
      }
      toL1[k] = distance(beta, l1);
      toL2[k] = distance(beta, l2);
      p.put("flow_limit", vector(beta));
      if (argmin != null) {
        Argmin a = argmin.solve(formula.bind(settings));
        double err = maxAbsDifference(beta, a.beta());
        p.put("prediction", vector(a.beta()));
        p.put("error", err);
        p.put("kkt_stationarity", a.stationarity());
        p.put("kkt_feasibility", a.feasibility());
        p.put("kkt_iterations", a.iterations());
        if (!(err <= worst)) { // also catches NaN
          worst = err;
          worstAt = fmt(value);
        }
      }
      p.put("distance_to_min_l1", toL1[k]);
      p.put("distance_to_min_l2", toL2[k]);
      p.put("seconds", seconds(t0));
      points.add(p);
    }
    String values = c.sweepSetting() + " = " + join(c.sweep());
    if (c.kind() == Crosscheck.Kind.AGREEMENT) {
      evidence.put("max_error", worst);
      boolean agrees = worst <= c.tolerance();
      String msg = agrees
          ? "flow limit agrees with argmin of " + c.prediction().formula() + " at " + values + ": max error "
              + fmt(worst) + " <= tolerance " + fmt(c.tolerance())
          : "at " + c.sweepSetting() + " = " + worstAt + " the flow limit is " + fmt(worst) + " from argmin of "
              + c.prediction().formula() + " (tolerance " + fmt(c.tolerance()) + ")";
      return new ClaimResult(c.name(), ClaimKind.CROSSCHECK, agrees ? Verdict.AGREES : Verdict.DISAGREES,
          seconds(start), msg, c.location(), evidence);
    }
    String trend = regimeViolation(c, toL1, toL2);
    String msg = trend == null
        ? "along " + values + " the distance to min-l1 grows " + fmt(toL1[0]) + " -> " + fmt(toL1[toL1.length - 1])
            + " and to min-l2 shrinks " + fmt(toL2[0]) + " -> " + fmt(toL2[toL2.length - 1])
        : trend;
    return new ClaimResult(c.name(), ClaimKind.CROSSCHECK, trend == null ? Verdict.AGREES : Verdict.DISAGREES,
        seconds(start), msg, c.location(), evidence);
  }

  /**
   * Theorem-2-style claims: for each eps, the scale from the file's threshold formula, the flow at
   * that scale, and the norm bound at its limit. The bound is checked with relative slack
   * {@code tolerance} for the flow's own error.
   */
  private ClaimResult threshold(TheoremSession session, Crosscheck c, Dataset data, double[] l1, double[] l2,
      long start) {
    Crosscheck.Threshold t = c.threshold();
    List<String> variables = List.of("eps", "n1", "n2", "dim");
    CompiledExpression formula;
    try {
      formula = CompiledExpression.compile(FileFormula.load(session, t.formula(), variables), variables);
    } catch (InvalidExpressionException e) {
      return failure(c, start, Verdict.ERROR, "cross-check '" + c.name() + "': the threshold '" + t.formula()
          + "' cannot be used: " + e.getMessage(), t.location());
    }
    boolean isL1 = t.norm().equals("l1");
    double n1 = norm1(l1);
    double n2 = Math.sqrt(dot(l2, l2));
    GradientFlow flow = new GradientFlow(flowSettings.withMaxEvaluations(c.maxEvaluations()));
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("model", c.model());
    evidence.put("fixed", c.fixed());
    evidence.put("data", c.data().evidence());
    evidence.put("threshold", t.formula());
    evidence.put("bound", isL1 ? "||beta||_1 <= (1 + eps) ||beta*_l1||_1" : "||beta||_2^2 <= (1 + eps) ||beta*_l2||_2^2");
    evidence.put("min_l1_norm", n1);
    evidence.put("min_l2_norm", n2);
    List<Map<String, Object>> points = new ArrayList<>();
    evidence.put("points", points);
    String violation = null;
    for (double eps : c.sweep()) {
      double scale = formula.value(eps, n1, n2, data.cols());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("eps", eps);
      p.put(t.scaleSetting(), scale);
      if (!(scale > 0) || Double.isInfinite(scale)) {
        return failure(c, start, Verdict.ERROR, "cross-check '" + c.name() + "': the threshold '" + t.formula()
            + "' gives " + t.scaleSetting() + " = " + scale + " at eps = " + fmt(eps) + ", not a positive scale", t.location());
      }
      Map<String, Double> settings = new LinkedHashMap<>(c.fixed());
      settings.put(t.scaleSetting(), scale);
      LinearPredictor model = (LinearPredictor) ModelRegistry.create(c.model(), settings);
      FlowLimit limit = flow.run(model, data); // a FlowFailedException names the model and certificate
      double[] beta = model.beta(limit.theta());
      double measured = isL1 ? norm1(beta) : dot(beta, beta);
      double bound = (1 + eps) * (isL1 ? n1 : n2 * n2);
      p.put("certificate", limit.certificate().evidence());
      p.put("measured", measured);
      p.put("bound", bound);
      p.put("flow_limit", vector(beta));
      points.add(p);
      if (!(measured <= bound * (1 + c.tolerance())) && violation == null) {
        violation = "at eps = " + fmt(eps) + ", " + t.scaleSetting() + " = " + fmt(scale) + " (from " + t.formula()
            + ") the flow limit has " + (isL1 ? "||beta||_1 = " : "||beta||_2^2 = ") + fmt(measured)
            + " > (1 + eps) x optimum = " + fmt(bound);
      }
    }
    String msg = violation != null ? violation
        : "at the threshold " + t.scaleSetting() + " = " + t.formula() + " the " + t.norm()
            + " bound holds for eps = " + join(c.sweep());
    return new ClaimResult(c.name(), ClaimKind.CROSSCHECK, violation == null ? Verdict.AGREES : Verdict.DISAGREES,
        seconds(start), msg, c.location(), evidence);
  }

  private static double norm1(double[] v) {
    double s = 0;
    for (double x : v) {
      s += Math.abs(x);
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Null when the distances move as the regimes say; otherwise what went wrong, in words. */
  private static String regimeViolation(Crosscheck c, double[] toL1, double[] toL2) {
    double slack = c.tolerance();
    for (int k = 1; k < toL1.length; k++) {
      String step = c.sweepSetting() + " " + fmt(c.sweep()[k - 1]) + " -> " + fmt(c.sweep()[k]);
      if (toL1[k] < toL1[k - 1] - slack) {
        return "distance to min-l1 shrinks as " + step + " grows (" + fmt(toL1[k - 1]) + " -> " + fmt(toL1[k]) + ")";
      }
      if (toL2[k] > toL2[k - 1] + slack) {
        return "distance to min-l2 grows as " + step + " grows (" + fmt(toL2[k - 1]) + " -> " + fmt(toL2[k]) + ")";
      }
    }
    int last = toL1.length - 1;
    if (!(toL1[last] > toL1[0] + slack && toL2[last] < toL2[0] - slack)) {
      return "no regime change along the sweep: distance to min-l1 " + fmt(toL1[0]) + " -> " + fmt(toL1[last])
          + ", to min-l2 " + fmt(toL2[0]) + " -> " + fmt(toL2[last]);
    }
    return null;
  }

  private static ClaimResult failure(Crosscheck c, long start, Verdict v, String message, String location) {
    return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, v, seconds(start), message, location);
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  private static double maxAbsDifference(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      if (!(d <= m)) {
        m = d;
      }
    }
    return m;
  }

  private static Object vector(double[] v) {
    if (v.length > MAX_VECTOR) {
      return "(" + v.length + " entries, not shown)";
    }
    List<Double> out = new ArrayList<>(v.length);
    for (double x : v) {
      out.add(x);
    }
    return out;
  }

  private static String join(double[] values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      b.append(i > 0 ? ", " : "").append(fmt(values[i]));
    }
    return b.append("]").toString();
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
