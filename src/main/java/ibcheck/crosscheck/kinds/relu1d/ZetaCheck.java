package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.Quadrature;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Formula;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Params;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.models.Initialisation;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    List<String> settings = new ArrayList<>(s.params().names());
    settings.add(s.method() == Method.QUADRATURE ? "x" : "seed");
    Drawn d = Drawn.of(drawn, name(), settings);
    double[] points = d.has("x") ? new double[] {d.number("x", 0)} : s.points();
    return new ZetaCheck(header, new Settings(s.method(), s.init(), s.density(), s.zeta(), s.params().drawn(d), points,
        s.bins(), s.samples(), d.longInteger("seed", s.seed()), s.z(), s.tolerance()));
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
          ? ZetaQuadrature.check(s, init, d, zt, row, series, label)
          : new ZetaMonteCarlo(s).check(session, init, zt, p, row, series, label);
      worst = Math.max(worst, ((Number) row.get("max_error")).doubleValue());
      if (f != null && failure == null) {
        failure = (p.isEmpty() ? "" : "at " + KindSupport.describe(p) + ": ") + f;
      }
    }
    return conclude(judgement, evidence, series, failure, worst);
  }

  /** The figure of every parameter set and the verdict: the first failure, or what held. */
  private ClaimResult conclude(Judgement judgement, Map<String, Object> evidence, List<Figure.Series> series,
      String failure, double worst) {
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

  /** |a - b| / max(|a|, |b|), 0 when both are 0. */
  static double relative(double a, double b) {
    double m = Math.max(Math.abs(a), Math.abs(b));
    return m == 0 ? 0 : Math.abs(a - b) / m;
  }
}
