package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.Quadrature;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Formula;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Params;
import ibcheck.models.Initialisation;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.Well19937c;

/**
 * {@code kind: zeta}: the curvature weight of a ReLU unit's initialisation,
 * {@code zeta(x) = int |W|^3 p_{W,B}(W, -W x) dW = p_C(x) E[W^2 | C = x]} with {@code C = -B/W},
 * against the file's closed form, two ways:
 *
 * <ul>
 *   <li>{@code method: quadrature}: the defining integral of the file's joint density
 *       ({@code density:}, a formula in w, b and the parameters) at every point, by adaptive
 *       Gauss-Legendre quadrature ({@link Quadrature}), the W-line split at 0 and where the
 *       sampler's laws put jumps (the edges of W's support, and the w where -w x reaches an edge of
 *       B's support), each half line in log scale; for a discrete W (law
 *       {@code choice(...)}) the integral is the sum over its values, the density then being
 *       P(W = w) times the density of B. Also the total mass: {@code int zeta dx = E[W^2]} (the
 *       sampler's law). Relative error within {@code tolerance}.
 *   <li>{@code method: monte-carlo}: the second definition from samples of (W, B) (Hipparchus
 *       Well19937c, seeded): for each bin A, {@code E[W^2 1{C in A}] = int_A p_C E[W^2 | C] dx} is
 *       estimated by the sample mean, and must be within {@code z} standard errors (plus
 *       {@code tolerance} relative) of the closed form's integral over the bin. Every bin must
 *       hold at least 30 samples.
 * </ul>
 *
 * @param header name, time limit and {@code file:line}
 * @param s the settings, as {@link ZetaKind} read them
 */
record ZetaCheck(CheckKind.Header header, Settings s) implements NumericCheck {
  static final String NAME = "zeta";
  static final int MIN_BIN_SAMPLES = 30;

  enum Method { QUADRATURE, MONTE_CARLO }

  record Bins(String from, String to, int count) {}

  record Settings(Method method, Initialisation.Spec init, String density, String zeta, Params params,
      double[] points, Bins bins, int samples, long seed, double z, double tolerance) {}

  @Override
  public NumericCheck instantiate(Map<String, Double> drawn) {
    Params p = s.params();
    double[] points = s.points();
    long seed = s.seed();
    for (Map.Entry<String, Double> e : drawn.entrySet()) {
      String k = e.getKey();
      if (p.values().containsKey(k)) {
        p = p.with(k, e.getValue());
      } else if (k.equals("x") && s.method() == Method.QUADRATURE) {
        points = new double[] {e.getValue()};
      } else if (k.equals("seed") && s.method() == Method.MONTE_CARLO) {
        seed = Math.round(e.getValue());
      } else {
        throw new IllegalArgumentException("cross-check '" + name() + "' has no setting '" + k + "' (it has the parameters "
            + p.names() + (s.method() == Method.QUADRATURE ? " and the point x" : " and the seed") + ")");
      }
    }
    return new ZetaCheck(header, new Settings(s.method(), s.init(), s.density(), s.zeta(), p, points, s.bins(),
        s.samples(), seed, s.z(), s.tolerance()));
  }

  @Override
  public ClaimResult run(TheoremSession session) {
    Judgement judgement = Judgement.start(header());
    List<String> names = s.params().names();
    Formula density;
    Formula zeta;
    List<Map<String, Double>> sets;
    try {
      density = Formula.compile(session, s.density(), List.of("w", "b"), names);
      zeta = Formula.compile(session, s.zeta(), List.of("x"), names);
      sets = s.params().combinations(session);
    } catch (InvalidExpressionException e) {
      return judgement.error(e.getMessage());
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("method", s.method() == Method.QUADRATURE ? "quadrature" : "monte-carlo");
    evidence.put("density", s.density());
    evidence.put("zeta", s.zeta());
    evidence.put("tolerance", s.tolerance());
    List<Map<String, Object>> rows = new ArrayList<>();
    evidence.put("parameter_sets", rows);
    List<Figure.Series> series = new ArrayList<>();
    String failure = null;
    double worst = 0;
    for (Map<String, Double> p : sets) {
      Initialisation init;
      try {
        init = Inputs1D.initialisation(session, s.init(), p);
      } catch (InvalidExpressionException e) {
        return judgement.error(e.getMessage());
      }
      Formula d = density.at(p, names);
      Formula zt = zeta.at(p, names);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("params", p);
      row.put("init", init.toString());
      rows.add(row);
      String label = p.isEmpty() ? "" : " " + Inputs1D.label(p);
      String f = s.method() == Method.QUADRATURE
          ? quadrature(init, d, zt, row, series, label)
          : monteCarlo(session, init, zt, p, row, series, label);
      worst = Math.max(worst, ((Number) row.get("max_error")).doubleValue());
      if (f != null && failure == null) {
        failure = (p.isEmpty() ? "" : "at " + KindSupport.describe(p) + ": ") + f;
      }
    }
    evidence.put("max_error", worst);
    if (s.method() == Method.QUADRATURE) {
      new Figure("zeta: the closed form (lines) and the quadrature of the defining integral (points)", "x", "zeta(x)",
          series).addTo(evidence);
    } else {
      new Figure("Monte Carlo E[W^2 1{C in bin}] / bin width against the closed form's bin average", "x (bin centre)",
          "zeta", series).addTo(evidence);
    }
    String msg = failure != null ? failure
        : s.method() == Method.QUADRATURE
            ? "the defining integral equals the closed form at every point (max relative error " + fmt(worst)
                + " <= " + fmt(s.tolerance()) + "), and int zeta = E[W^2]"
            : "every bin's Monte Carlo estimate of p_C E[W^2 | C] is within " + fmt(s.z())
                + " standard errors of the closed form (largest |error| / SE: " + fmt(worst) + ")";
    return judgement.holds(failure == null, msg, evidence);
  }

  /** |W|^3 p(W, -W x) integrated over W (summed for a discrete W). */
  static double defining(Initialisation init, Formula density, double x, Quadrature q, long[] evaluations, boolean[] converged) {
    if (init.w().discrete()) {
      double sum = 0;
      for (double w : distinct(init.w().args())) {
        sum += Math.abs(w * w * w) * density.value(w, -w * x);
      }
      return sum;
    }
    Quadrature.Result r = q.realLine(w -> {
      double a = Math.abs(w);
      return a == 0 ? 0 : a * a * a * density.value(w, -w * x);
    }, init.weightBreaks(x));
    evaluations[0] += r.evaluations();
    converged[0] &= r.converged();
    return r.value();
  }

  private static double[] distinct(double[] v) {
    return java.util.Arrays.stream(v).distinct().toArray();
  }

  private String quadrature(Initialisation init, Formula density, Formula zeta, Map<String, Object> row,
      List<Figure.Series> series, String label) {
    Quadrature q = new Quadrature(1e-300, 1e-12);
    double[] pts = s.points();
    double[] def = new double[pts.length];
    double[] closed = new double[pts.length];
    long[] evals = {0};
    boolean[] converged = {true};
    double worst = 0;
    String failure = null;
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < pts.length; i++) {
      def[i] = defining(init, density, pts[i], q, evals, converged);
      closed[i] = zeta.value(pts[i]);
      double err = relative(def[i], closed[i]);
      worst = Math.max(worst, err);
      Map<String, Object> pt = new LinkedHashMap<>();
      pt.put("x", pts[i]);
      pt.put("quadrature", def[i]);
      pt.put("closed_form", closed[i]);
      pt.put("relative_error", err);
      points.add(pt);
      if (!(err <= s.tolerance()) && failure == null) {
        failure = "at x = " + fmt(pts[i]) + " the defining integral is " + fmt(def[i]) + " but the closed form " + s.zeta()
            + " is " + fmt(closed[i]) + " (relative error " + fmt(err) + " > " + fmt(s.tolerance()) + ")";
      }
    }
    // total mass: int zeta dx = E[W^2]
    Quadrature.Result mass = new Quadrature(1e-300, 1e-12).realLine(zeta::value, init.breakpointEdges());
    double second = init.w().secondMoment();
    double massErr = relative(mass.value(), second);
    worst = Math.max(worst, massErr);
    row.put("points", points);
    row.put("evaluations", evals[0]);
    row.put("quadrature_converged", converged[0]);
    row.put("mass", mass.value());
    row.put("second_moment_W", second);
    row.put("max_error", worst);
    if (failure == null && !(massErr <= s.tolerance())) {
      failure = "int zeta dx = " + fmt(mass.value()) + " but E[W^2] = " + fmt(second) + " (relative error " + fmt(massErr)
          + " > " + fmt(s.tolerance()) + ")";
    }
    if (failure == null && !converged[0]) {
      failure = "the quadrature did not meet its tolerance (depth limit reached)";
    }
    double lo = java.util.Arrays.stream(pts).min().orElse(0);
    double hi = java.util.Arrays.stream(pts).max().orElse(0);
    double[] gx = new double[61];
    double[] gy = new double[gx.length];
    for (int k = 0; k < gx.length; k++) {
      gx[k] = lo + (hi - lo) * k / (gx.length - 1);
      gy[k] = zeta.value(gx[k]);
    }
    series.add(new Figure.Series("closed form" + label, gx, gy));
    series.add(new Figure.Series("quadrature" + label, pts.clone(), def));
    return failure;
  }

  private String monteCarlo(TheoremSession session, Initialisation init, Formula zeta, Map<String, Double> p,
      Map<String, Object> row, List<Figure.Series> series, String label) {
    double from;
    double to;
    try {
      List<String> names = List.copyOf(p.keySet());
      from = Formula.compile(session, s.bins().from(), List.of(), names).at(p, names).value();
      to = Formula.compile(session, s.bins().to(), List.of(), names).at(p, names).value();
    } catch (InvalidExpressionException e) {
      row.put("max_error", Double.NaN);
      return "bins: " + e.getMessage();
    }
    if (!(from < to)) {
      row.put("max_error", Double.NaN);
      return "bins: from = " + fmt(from) + " is not below to = " + fmt(to);
    }
    int nb = s.bins().count();
    double width = (to - from) / nb;
    double[] s1 = new double[nb];
    double[] s2 = new double[nb];
    long[] count = new long[nb];
    Well19937c rng = new Well19937c(s.seed());
    int n = s.samples();
    for (int k = 0; k < n; k++) {
      double w = init.w().sample(rng);
      double b = init.b().sample(rng);
      if (w == 0) {
        continue;
      }
      double c = -b / w;
      int j = (int) Math.floor((c - from) / width);
      if (j >= 0 && j < nb) {
        double w2 = w * w;
        s1[j] += w2;
        s2[j] += w2 * w2;
        count[j]++;
      }
    }
    Quadrature q = new Quadrature(1e-300, 1e-10);
    double worst = 0;
    String failure = null;
    List<Map<String, Object>> bins = new ArrayList<>();
    double[] centre = new double[nb];
    double[] mc = new double[nb];
    double[] pred = new double[nb];
    for (int j = 0; j < nb; j++) {
      double lo = from + j * width;
      double hi = lo + width;
      double mean = s1[j] / n;
      double se = Math.sqrt(Math.max(0, s2[j] / n - mean * mean) / n);
      double predicted = q.finite(zeta::value, lo, hi, init.breakpointEdges()).value();
      double dev = Math.abs(mean - predicted);
      double allowed = s.z() * se + s.tolerance() * Math.abs(predicted);
      double score = se > 0 ? dev / se : (dev == 0 ? 0 : Double.POSITIVE_INFINITY);
      worst = Math.max(worst, score);
      centre[j] = 0.5 * (lo + hi);
      mc[j] = mean / width;
      pred[j] = predicted / width;
      Map<String, Object> bin = new LinkedHashMap<>();
      bin.put("from", lo);
      bin.put("to", hi);
      bin.put("samples_in_bin", count[j]);
      bin.put("monte_carlo", mean);
      bin.put("standard_error", se);
      bin.put("closed_form_integral", predicted);
      bin.put("error_over_se", score);
      bins.add(bin);
      if (failure != null) {
        continue;
      }
      if (count[j] < MIN_BIN_SAMPLES) {
        failure = "the bin [" + fmt(lo) + ", " + fmt(hi) + ") holds only " + count[j] + " of " + n + " samples (at least "
            + MIN_BIN_SAMPLES + " needed for a standard error): choose bins where the law of C puts mass";
      } else if (!(dev <= allowed)) {
        failure = "on [" + fmt(lo) + ", " + fmt(hi) + ") the Monte Carlo E[W^2 1{C in bin}] = " + fmt(mean) + " +- "
            + fmt(se) + " but the closed form " + s.zeta() + " integrates to " + fmt(predicted) + " (" + fmt(score)
            + " standard errors > z = " + fmt(s.z()) + ")";
      }
    }
    row.put("samples", n);
    row.put("seed", s.seed());
    row.put("z", s.z());
    row.put("false_alarm_per_bin", org.hipparchus.special.Erf.erfc(s.z() / Math.sqrt(2)));
    row.put("bins", bins);
    row.put("max_error", worst);
    series.add(new Figure.Series("closed form" + label, centre, pred));
    series.add(new Figure.Series("Monte Carlo" + label, centre.clone(), mc));
    return failure;
  }

  /** |a - b| / max(|a|, |b|), 0 when both are 0. */
  static double relative(double a, double b) {
    double m = Math.max(Math.abs(a), Math.abs(b));
    return m == 0 ? 0 : Math.abs(a - b) / m;
  }


}
