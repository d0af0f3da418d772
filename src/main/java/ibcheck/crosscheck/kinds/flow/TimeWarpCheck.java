package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.Argmin;
import ibcheck.bias.ConstrainedArgmin;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.Model;
import ibcheck.models.ModelRegistry;
import ibcheck.models.NamedState;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: time-warp}: time warping changes when the flow gets somewhere, not where. At every
 * combination of the swept settings the model's plain gradient flow {@code theta' = -grad L} and its
 * time-warped flow {@code theta' = -grad L / g(theta)} (the file's {@code warp:} g, a positive
 * formula in the model's named scalars such as the output weight {@code a}; the warped flow runs in
 * the time {@code tau} with {@code d tau = g dt}) are integrated to convergence. The check holds when
 *
 * <ul>
 *   <li>the two limits of beta agree within {@code tolerance} (max_i);
 *   <li>with {@code predicts:}, both are within {@code tolerance} of the argmin of the file's potential;
 *   <li>the warped time at the stop equals {@code integral_0^t g dt} along the plain flow (trapezoid
 *       over the accepted steps) within the relative {@code time-tolerance}: the warped flow is the
 *       same trajectory, timed differently.
 * </ul>
 *
 * Both times are reported, and a figure shows the distance to the predicted limit (or to the plain
 * flow's limit) against t and against tau.
 */
record TimeWarpCheck(CheckKind.Header header, FlowSetup setup, String warp, String warpLocation, double timeTolerance)
    implements NumericCheck {

  /** At most this many points of each flow go into a figure. */
  private static final int FIGURE_POINTS = 150;

  @Override
  public NumericCheck instantiate(Map<String, Double> drawn) {
    return new TimeWarpCheck(header, setup.instantiate(drawn, name()), warp, warpLocation, timeTolerance);
  }

  @Override
  public ClaimResult run(TheoremSession session) {
    return SetupRun.run(header, setup.formulaLocation(), cause -> cause, judgement -> judge(judgement, session));
  }

  /** The accepted steps of one flow: times and beta. */
  private static final class Track {
    final List<Double> times = new ArrayList<>();
    final List<double[]> betas = new ArrayList<>();
  }

  private ClaimResult judge(Judgement judgement, TheoremSession session) throws FlowSetup.Failure, InvalidExpressionException {
    Dataset base = setup.data().dataset();
    int d = base.cols();
    Map<String, Object> evidence = setup.evidence();
    evidence.put("warp", "g = " + warp + "; warped flow theta' = -grad L / g, in the time tau = integral g dt");
    evidence.put("time_tolerance", timeTolerance);
    evidence.put("error_measure", "max over |b_plain - b_warped|_inf and |b_flow - b_predicted|_inf");
    List<Map<String, Object>> rows = new ArrayList<>();
    double worst = 0;
    double worstTime = 0;
    String failure = null;
    int figures = 0;
    for (Map<String, Double> settings : setup.points()) {
      Point p = point(session, settings, base, d, evidence, figures++ < 4);
      rows.add(p.row());
      if (!(p.error() <= worst)) {
        worst = p.error();
      }
      worstTime = Math.max(worstTime, p.timeError());
      if (failure == null) {
        failure = p.failure();
      }
    }
    evidence.put("points", rows);
    evidence.put("max_error", worst);
    evidence.put("max_time_relative_difference", worstTime);
    boolean holds = failure == null;
    StringBuilder times = new StringBuilder();
    for (int i = 0; i < Math.min(rows.size(), 3); i++) {
      times.append(i > 0 ? "; " : "").append("t = ").append(fmt((Double) rows.get(i).get("time_plain")))
          .append(" vs tau = ").append(fmt((Double) rows.get(i).get("time_warped")));
    }
    String message = holds
        ? "plain and warped flows reach the same limit" + (setup.potential() != null ? ", argmin of " + setup.potential() : "")
            + ", at " + rows.size() + " settings: max error " + fmt(worst) + " <= tolerance " + fmt(setup.tolerance())
            + "; the times differ (" + times + (rows.size() > 3 ? "; ..." : "") + ") and tau = integral g dt within "
            + fmt(worstTime)
        : failure;
    return judgement.holds(holds, message, evidence);
  }

  /** One grid point's row, its error and time error, and why it fails (the limits first), or null. */
  private record Point(Map<String, Object> row, double error, double timeError, String failure) {}

  /**
   * The plain and the warped flow at one grid point, against each other and the prediction, and the
   * warped time against the integral of g along the plain flow; {@code figure}: draw both tracks.
   */
  private Point point(TheoremSession session, Map<String, Double> settings, Dataset base, int d,
      Map<String, Object> evidence, boolean figure) throws FlowSetup.Failure, InvalidExpressionException {
    Model model = ModelRegistry.create(setup.model(), settings);
    Dataset data = setup.dataAt(base, model);
    NamedState named = (NamedState) model;
    double[] theta0 = model.initialParameters(d);
    List<String> names = new ArrayList<>(named.scalars(theta0).keySet());
    CompiledExpression g = compiledWarp(session, names);
    GradientFlow.Speed speed = theta -> 1 / warpAt(g, named, names, theta);
    double[] predicted = setup.potential() == null ? null : predicted(session, data, named, settings, d);
    Track plainTrack = new Track();
    Track warpedTrack = new Track();
    double[] beta0 = ((ibcheck.models.Predictor) model).beta(theta0);
    record(plainTrack, 0, beta0);
    record(warpedTrack, 0, beta0);
    double[] integral = {0};
    double[] last = {0, warpAt(g, named, names, theta0)};
    FlowSetup.Limit plain = setup.limit(model, data, settings, (t, theta) -> {
      double gt = warpAt(g, named, names, theta);
      integral[0] += (t - last[0]) * (gt + last[1]) / 2;
      last[0] = t;
      last[1] = gt;
      record(plainTrack, t, ((ibcheck.models.Predictor) model).beta(theta));
    }, GradientFlow.Speed.PLAIN);
    FlowSetup.Limit warped = setup.limit(model, data, settings,
        (t, theta) -> record(warpedTrack, t, ((ibcheck.models.Predictor) model).beta(theta)), speed);
    double between = Vectors.maxAbsDifference(plain.beta(), warped.beta());
    double toPrediction = predicted == null ? 0
        : Math.max(Vectors.maxAbsDifference(plain.beta(), predicted), Vectors.maxAbsDifference(warped.beta(), predicted));
    double err = Math.max(between, toPrediction);
    double tPlain = plain.certificate().time();
    double tau = warped.certificate().time();
    double timeErr = Math.abs(tau - integral[0]) / Math.max(Math.abs(tau), Double.MIN_NORMAL);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("settings", setup.describe(settings));
    row.put("error", err);
    row.put("plain_vs_warped", between);
    if (predicted != null) {
      row.put("flows_vs_prediction", toPrediction);
      row.put("prediction", Vectors.evidence(predicted));
    }
    row.put("time_plain", tPlain);
    row.put("time_warped", tau);
    row.put("integral_of_g_along_plain_flow", integral[0]);
    row.put("time_relative_difference", timeErr);
    row.put("certificate", plain.certificate().evidence());
    row.put("certificate_warped", warped.certificate().evidence());
    row.put("flow_limit", Vectors.evidence(plain.beta()));
    if (figure) {
      double[] target = predicted != null ? predicted : plain.beta();
      new Figure("distance of beta to the " + (predicted != null ? "predicted limit" : "plain flow's limit")
          + " over time at " + setup.describe(settings) + " (plain: t = " + fmt(tPlain) + ", warped: tau = "
          + fmt(tau) + ")", "time (t for the plain flow, tau for the warped one)", "||b(t) - b_limit||_2",
          List.of(series("plain flow, against t", plainTrack, target), series("warped flow, against tau", warpedTrack, target)))
          .addTo(evidence);
    }
    return new Point(row, err, timeErr, failure(settings, err, between, toPrediction, tau, integral[0], timeErr));
  }

  /** The file's warp g compiled in the model's named scalars (cached per session). */
  private CompiledExpression compiledWarp(TheoremSession session, List<String> names) throws InvalidExpressionException {
    try {
      return setup.cache().scalar(session, "warp|" + names, () -> FileFormula.compile(session, warp, names));
    } catch (InvalidExpressionException e) {
      throw new InvalidExpressionException("the warp '" + warp + "' (" + warpLocation + ") cannot be used: "
          + e.getMessage() + " (the model's scalars are " + String.join(", ", names) + ")");
    }
  }

  /** The argmin of the file's potential under the point's constraints. */
  private double[] predicted(TheoremSession session, Dataset data, NamedState named, Map<String, Double> settings, int d)
      throws InvalidExpressionException {
    ConstrainedArgmin argmin = new ConstrainedArgmin(new Dataset(data.x(), setup.targets(session, data.y())));
    NamedState.Quantities q = named.initial(d);
    Argmin a = argmin.solve(setup.formula(session, q, settings, d));
    return a.beta();
  }

  /** Why one grid point fails: the limits (apart, or from the prediction) first, then the warped time; or null. */
  private String failure(Map<String, Double> settings, double err, double between, double toPrediction, double tau,
      double integral, double timeErr) {
    if (!(err <= setup.tolerance())) {
      return "at " + setup.describe(settings) + " the " + (between > setup.tolerance()
          ? "plain and warped flow limits differ by " + fmt(between)
          : "flow limits are " + fmt(toPrediction) + " from argmin of " + setup.potential())
          + " (tolerance " + fmt(setup.tolerance()) + ")";
    }
    if (!(timeErr <= timeTolerance)) {
      return "at " + setup.describe(settings) + " the warped flow stopped at tau = " + fmt(tau)
          + ", but integral g dt along the plain flow is " + fmt(integral) + " (relative difference "
          + fmt(timeErr) + " > time-tolerance " + fmt(timeTolerance) + ")";
    }
    return null;
  }

  private static double warpAt(CompiledExpression g, NamedState named, List<String> names, double[] theta) {
    Map<String, Double> s = named.scalars(theta);
    double[] v = new double[names.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = s.get(names.get(i));
    }
    return g.value(v);
  }

  private static void record(Track track, double t, double[] beta) {
    track.times.add(t);
    track.betas.add(beta);
  }

  private static Figure.Series series(String label, Track track, double[] target) {
    int n = track.times.size();
    int stride = Math.max(1, (n + FIGURE_POINTS - 1) / FIGURE_POINTS);
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < n; i += stride) {
      xs.add(track.times.get(i));
      ys.add(Math.max(Vectors.distance(track.betas.get(i), target), 1e-300));
    }
    if ((n - 1) % stride != 0) {
      xs.add(track.times.get(n - 1));
      ys.add(Math.max(Vectors.distance(track.betas.get(n - 1), target), 1e-300));
    }
    return new Figure.Series(label, xs.stream().mapToDouble(Double::doubleValue).toArray(),
        ys.stream().mapToDouble(Double::doubleValue).toArray());
  }

}
