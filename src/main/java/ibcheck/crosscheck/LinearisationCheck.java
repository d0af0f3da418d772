package ibcheck.crosscheck;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.models.WideRelu1D;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * {@code kind: linearisation} (Jin and Montufar, seed 000; Lee et al. 2019, Theorem H.1): the wide ReLU
 * network on the line ({@link WideRelu1D}, ASI) trained by gradient descent on the MSE, against its
 * linearisation {@code f_lin(x, omega) = f(x, theta_0) + grad f(x, theta_0) (omega - theta_0)}, with
 * the step {@code eta = eta_factor / lambda_max(Theta)} ({@code Theta = J J^T}, J the Jacobian at the
 * data), over a width sweep. Three claims:
 *
 * <ul>
 *   <li>{@code lee}: {@code sup_t sup_x |f_lin(x, omega_t) - f(x, theta_t)|} (t up to where the
 *       linearised residual has fallen by 1e-6, x on the grid) scales like {@code n^exponent}, or with
 *       {@code relation: at-most} at least as fast (an O(n^exponent) bound);
 *   <li>{@code output-layer}: training only the output layer of the linearised model
 *       ({@code W2, b2}) stays within {@code n^exponent} of training all its parameters,
 *       {@code sup_t sup_x |f_lin(x, omega~_t) - f_lin(x, omega_t)|}, at the same step;
 *   <li>{@code min-norm}: gradient descent on the linearised model, run in parameter space until its
 *       residual is below 1e-15 of the target's norm, ends at {@code theta_0 + J^T (J J^T)^{-1} (y - f(X, theta_0))}, the
 *       interpolant closest to theta_0 (and the output-layer-only run at its own minimum-norm point):
 *       relative distance within {@code tolerance} at every width.
 * </ul>
 *
 * For the rates, the error is the root mean square over {@code seeds} initialisations per width; the
 * log-log slope against the width (Hipparchus {@code SimpleRegression}) must lie within {@code band}
 * of the file's {@code exponent} ({@code relation: equals}, the default) or below it plus band
 * ({@code relation: at-most}), and its 95% interval is reported.
 */
final class LinearisationCheck {
  static final String NAME = "linearisation";
  static final Set<String> FIELDS = Set.of("claim", "data", "init", "sweep", "seeds", "seed", "eta", "grid", "predicts",
      "band", "tolerance", "relation");
  static final Set<String> SETTINGS = Set.of("seed", "seeds");

  private LinearisationCheck() {}

  record Check(CheckKind.Header header, String claim, double[] x, double[] y, double aw, double ab, int[] widths,
      int seeds, long firstSeed, double etaFactor, double[] grid, String exponent, String predictsLocation, double band,
      double tolerance, boolean atMost) implements NumericCheck {



    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      long fs = firstSeed;
      int s = seeds;
      for (Map.Entry<String, Double> e : drawn.entrySet()) {
        switch (e.getKey()) {
          case "seed" -> fs = e.getValue().longValue();
          case "seeds" -> s = e.getValue().intValue();
          default -> throw new IllegalArgumentException("cross-check '" + name() + "' (kind: linearisation) has no setting '"
              + e.getKey() + "' (settings: seed, seeds)");
        }
      }
      return new Check(header, claim, x, y, aw, ab, widths, s, fs, etaFactor, grid, exponent, predictsLocation, band,
          tolerance, atMost);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      try {
        return LinearisationCheck.run(this, session, judgement);
      } catch (InvalidExpressionException e) {
        return judgement.error("the exponent '" + exponent + "': " + e.getMessage(), predictsLocation);
      } catch (IllegalArgumentException | IllegalStateException e) {
        return judgement.error(e.getMessage(), location());
      }
    }
  }

  static final CheckKind KIND = CheckKind.of(NAME, FIELDS, (header, m, node) -> {
    YamlNode claimNode = YamlNode.require(m, "claim", node);
    String claim = claimNode.text().trim();
    if (!Set.of("lee", "output-layer", "min-norm").contains(claim)) {
      throw claimNode.error("claim must be 'lee', 'output-layer' or 'min-norm', got '" + claim + "'");
    }
    YamlNode dataNode = YamlNode.require(m, "data", node);
    Map<String, YamlNode> d = dataNode.mapping(Set.of("x", "y"));
    List<YamlNode> xs = YamlNode.require(d, "x", dataNode).sequence();
    List<YamlNode> ys = YamlNode.require(d, "y", dataNode).sequence();
    if (xs.size() != ys.size() || xs.isEmpty() || xs.size() > 50) {
      throw dataNode.error("data needs 1 to 50 points with as many y as x");
    }
    double[] x = new double[xs.size()];
    double[] y = new double[ys.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = CrosscheckReader.number(xs.get(i));
      y[i] = CrosscheckReader.number(ys.get(i));
    }
    double aw = 1;
    double ab = 2;
    if (m.containsKey("init")) {
      Map<String, YamlNode> im = m.get("init").mapping(Set.of("w", "b"));
      aw = im.containsKey("w") ? CrosscheckReader.number(im.get("w")) : aw;
      ab = im.containsKey("b") ? CrosscheckReader.number(im.get("b")) : ab;
      if (!(aw > 0 && ab > 0)) {
        throw m.get("init").error("init w and b (the half-widths of the uniform distributions) must be positive");
      }
    }
    YamlNode sweep = YamlNode.require(m, "sweep", node);
    List<YamlNode> ws = YamlNode.require(sweep.mapping(Set.of("width")), "width", sweep).sequence();
    int[] widths = new int[ws.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = ws.get(i).integer();
      if (widths[i] < 1 || widths[i] > 100_000 || (i > 0 && widths[i] <= widths[i - 1])) {
        throw ws.get(i).error("widths must increase and lie in [1, 100000]");
      }
    }
    int seeds = m.containsKey("seeds") ? m.get("seeds").integer() : 1;
    long firstSeed = m.containsKey("seed") ? m.get("seed").integer() : 1;
    if (seeds < 1 || seeds > 100) {
      throw m.get("seeds").error("seeds must lie in [1, 100]");
    }
    double eta = CrosscheckReader.number(YamlNode.require(m, "eta", node));
    if (!(eta > 0 && eta < 2)) {
      throw m.get("eta").error("eta is a multiple of 1/lambda_max(Theta); gradient descent is stable only below 2");
    }
    double[] grid = x.clone();
    if (m.containsKey("grid")) {
      List<YamlNode> g = m.get("grid").sequence();
      if (g.size() != 3) {
        throw m.get("grid").error("grid is [from, to, points]");
      }
      double lo = CrosscheckReader.number(g.get(0));
      double hi = CrosscheckReader.number(g.get(1));
      int k = g.get(2).integer();
      if (!(hi > lo) || k < 2 || k > 2000) {
        throw m.get("grid").error("grid needs from < to and 2 to 2000 points");
      }
      grid = new double[k];
      for (int i = 0; i < k; i++) {
        grid[i] = lo + (hi - lo) * i / (k - 1);
      }
    }
    String exponent = null;
    String predictsLocation = node.location();
    double band = 0;
    double tolerance = 0;
    if (claim.equals("min-norm")) {
      tolerance = CrosscheckReader.number(YamlNode.require(m, "tolerance", node));
      if (!(tolerance > 0 && tolerance < 1)) {
        throw m.get("tolerance").error("tolerance must lie in (0, 1)");
      }
      for (String f : List.of("predicts", "band")) {
        if (m.containsKey(f)) {
          throw m.get(f).error("'" + f + "' belongs to the rate claims (lee, output-layer)");
        }
      }
    } else {
      YamlNode p = YamlNode.require(m, "predicts", node);
      exponent = YamlNode.require(p.mapping(Set.of("exponent")), "exponent", p).text().trim();
      predictsLocation = p.location();
      band = CrosscheckReader.number(YamlNode.require(m, "band", node));
      if (!(band > 0 && band < 2)) {
        throw m.get("band").error("band must lie in (0, 2)");
      }
      if (widths.length < 3) {
        throw sweep.error("a fitted rate needs at least three widths");
      }
      if (m.containsKey("tolerance")) {
        throw m.get("tolerance").error("'tolerance' belongs to claim: min-norm");
      }
    }
    boolean atMost = false;
    if (m.containsKey("relation")) {
      String rel = m.get("relation").text().trim();
      if (!rel.equals("equals") && !rel.equals("at-most")) {
        throw m.get("relation").error("relation must be 'equals' (the fitted exponent within band of the predicted one) or"
            + " 'at-most' (an O(n^exponent) bound: the fitted exponent at most the predicted one plus band)");
      }
      atMost = rel.equals("at-most");
      if (claim.equals("min-norm")) {
        throw m.get("relation").error("'relation' belongs to the rate claims (lee, output-layer)");
      }
    }
    return new Check(header, claim, x, y, aw, ab, widths, seeds, firstSeed, eta, grid, exponent, predictsLocation, band,
        tolerance, atMost);
  });

  /** The Jacobian rows grad f(x_j, theta_0), optionally only the output layer's columns. */
  private static double[][] jacobian(WideRelu1D net, double[] theta, double[] xs, boolean outputOnly) {
    double[][] j = new double[xs.length][];
    for (int i = 0; i < xs.length; i++) {
      j[i] = net.gradient(theta, xs[i]);
      if (outputOnly) {
        for (int k = 0; k < j[i].length; k++) {
          if (!net.isOutput(k)) {
            j[i][k] = 0;
          }
        }
      }
    }
    return j;
  }

  private static double[][] gram(double[][] a, double[][] b) {
    double[][] g = new double[a.length][b.length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        g[i][k] = Vectors.dot(a[i], b[k]);
      }
    }
    return g;
  }

  private static double[] eigen(double[][] k) {
    return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(k, false)).getEigenvalues(); // decreasing
  }

  /** Steps until the linearised residual has fallen by {@code factor}: ln(factor)/(eta lambda_min), capped. */
  private static int horizon(double eta, double lambdaMin, double factor, int cap) {
    double steps = Math.log(factor) / -Math.log(1 - eta * lambdaMin);
    return (int) Math.min(cap, Math.ceil(steps));
  }

  static ClaimResult run(Check c, TheoremSession session, Judgement judgement) throws InvalidExpressionException {
    return switch (c.claim()) {
      case "min-norm" -> minNorm(c, judgement);
      default -> rate(c, session, judgement);
    };
  }

  private static ClaimResult rate(Check c, TheoremSession session, Judgement judgement) throws InvalidExpressionException {
    double predicted = FileFormula.compile(session, c.exponent(), List.of()).value();
    boolean lee = c.claim().equals("lee");
    int w = c.widths().length;
    double[] err = new double[w];
    double[] widths = new double[w];
    List<Map<String, Object>> points = new ArrayList<>();
    for (int a = 0; a < w; a++) {
      int n = c.widths()[a];
      widths[a] = n;
      WideRelu1D net = new WideRelu1D(n);
      double sq = 0;
      List<Double> perSeed = new ArrayList<>();
      int steps = 0;
      for (int s = 0; s < c.seeds(); s++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("interrupted");
        }
        double[] theta0 = net.initial(c.aw(), c.ab(), c.firstSeed() + s);
        double[][] jx = jacobian(net, theta0, c.x(), false);
        double[][] jg = jacobian(net, theta0, c.grid(), false);
        double[][] kxx = gram(jx, jx);
        double[][] kgx = gram(jg, jx);
        double[] ev = eigen(kxx);
        double eta = c.etaFactor() / ev[0];
        int t = horizon(eta, ev[ev.length - 1], 1e6, 50_000);
        steps = Math.max(steps, t);
        double e = lee ? leeError(c, net, theta0, kxx, kgx, eta, t)
            : outputError(c, net, theta0, kxx, kgx, eta, t);
        perSeed.add(e);
        sq += e * e;
      }
      err[a] = Math.sqrt(sq / c.seeds());
      Map<String, Object> pt = new LinkedHashMap<>();
      pt.put("width", n);
      pt.put("error_rms", err[a]);
      pt.put("error_per_seed", perSeed);
      pt.put("steps", steps);
      points.add(pt);
    }
    Fits.Line fit = Fits.powerLaw(widths, err);
    boolean ok = c.atMost() ? fit.slope() <= predicted + c.band() : Math.abs(fit.slope() - predicted) <= c.band();
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("model", "wide ReLU net on the line, ASI, W ~ U(-" + c.aw() + ", " + c.aw() + "), B ~ U(-" + c.ab() + ", " + c.ab()
        + "), W2 = W/sqrt n, b2 = B/sqrt n");
    ev.put("data_x", Vectors.evidence(c.x()));
    ev.put("data_y", Vectors.evidence(c.y()));
    ev.put("step", c.etaFactor() + " / lambda_max(Theta)");
    ev.put("measure", lee ? "sup over GD steps (until the linearised residual fell by 1e-6) and the grid of |f_lin - f|"
        : "sup over GD steps and the grid of |f_lin(output layer only) - f_lin(all parameters)|");
    ev.put("seeds", c.seeds());
    ev.put("points", points);
    ev.put("exponent_predicted", predicted);
    ev.put("exponent_fitted", fit.slope());
    ev.put("exponent_95_half_width", fit.halfWidth());
    ev.put("prefactor_fitted", Math.exp(fit.intercept()));
    ev.put("r_square", fit.rSquare());
    ev.put("band", c.band());
    ev.put("relation", c.atMost() ? "at-most: an O(n^exponent) bound, fitted <= predicted + band" : "equals: |fitted - predicted| <= band");
    double[] line = new double[w];
    for (int a = 0; a < w; a++) {
      line[a] = Math.exp(fit.intercept()) * Math.pow(widths[a], fit.slope());
    }
    new Figure(lee ? "sup_t |f_lin - f| against the width" : "sup_t |f_lin(output only) - f_lin(all)| against the width",
        "width n", "error", List.of(new Figure.Series("measured (rms over seeds)", widths, err),
            new Figure.Series("fit " + fmt(Math.exp(fit.intercept())) + " n^" + fmt(fit.slope()), widths, line))).addTo(ev);
    String what = lee ? "sup_t |f_lin - f|" : "sup_t |f_lin(output only) - f_lin(all)|";
    return new ClaimResult(c.name(), ClaimKind.CROSSCHECK, ok ? Verdict.AGREES : Verdict.DISAGREES, judgement.seconds(),
        what + " ~ n^" + fmt(fit.slope()) + " (95% +- " + fmt(fit.halfWidth()) + ", R^2 " + fmt(fit.rSquare())
            + ") over widths " + c.widths()[0] + "-" + c.widths()[w - 1]
            + (c.atMost() ? (ok ? ", consistent with " : ", NOT consistent with ") + "the bound O(n^" + c.exponent() + ") (fitted <= "
                + fmt(predicted) + " + " + fmt(c.band()) + ")"
                : (ok ? ", within " : ", NOT within ") + fmt(c.band()) + " of the predicted exponent " + c.exponent() + " = "
                    + fmt(predicted)),
        c.location(), ev);
  }

  /** sup over checkpoints and the grid of |f_lin - f| for gradient descent on both, same step. */
  private static double leeError(Check c, WideRelu1D net, double[] theta0, double[][] kxx, double[][] kgx, double eta, int t) {
    int m = c.x().length;
    int g = c.grid().length;
    double[] r = new double[m]; // linearised residual f_lin(X) - y; f(., theta_0) = 0 under ASI
    for (int j = 0; j < m; j++) {
      r[j] = net.value(theta0, c.x()[j]) - c.y()[j];
    }
    double[] sum = new double[m];
    double[] theta = theta0.clone();
    double[] f0 = new double[g];
    for (int i = 0; i < g; i++) {
      f0[i] = net.value(theta0, c.grid()[i]);
    }
    java.util.TreeSet<Integer> checkpoints = new java.util.TreeSet<>();
    for (int k = 0; k <= 60; k++) {
      checkpoints.add((int) Math.round(Math.pow(t, k / 60.0)));
    }
    checkpoints.add(t);
    double worst = 0;
    for (int k = 1; k <= t; k++) {
      for (int j = 0; j < m; j++) {
        sum[j] += r[j];
      }
      double[] nr = new double[m];
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int l = 0; l < m; l++) {
          s += kxx[j][l] * r[l];
        }
        nr[j] = r[j] - eta * s;
      }
      r = nr;
      net.step(theta, c.x(), c.y(), eta);
      if (checkpoints.contains(k)) {
        if (Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("interrupted");
        }
        for (int i = 0; i < g; i++) {
          double lin = f0[i];
          for (int l = 0; l < m; l++) {
            lin -= eta * kgx[i][l] * sum[l];
          }
          worst = Math.max(worst, Math.abs(lin - net.value(theta, c.grid()[i])));
        }
      }
    }
    return worst;
  }

  /** sup over steps and the grid of |f_lin(output only) - f_lin(all)|, both linearised, same step. */
  private static double outputError(Check c, WideRelu1D net, double[] theta0, double[][] kxx, double[][] kgx, double eta,
      int t) {
    double[][] jo = jacobian(net, theta0, c.x(), true);
    double[][] jgo = jacobian(net, theta0, c.grid(), true);
    double[][] koo = gram(jo, jo);
    double[][] kgo = gram(jgo, jo);
    int m = c.x().length;
    int g = c.grid().length;
    double[] ra = new double[m];
    double[] ro = new double[m];
    for (int j = 0; j < m; j++) {
      ra[j] = net.value(theta0, c.x()[j]) - c.y()[j];
      ro[j] = ra[j];
    }
    double[] sa = new double[m];
    double[] so = new double[m];
    double worst = 0;
    for (int k = 1; k <= t; k++) {
      for (int j = 0; j < m; j++) {
        sa[j] += ra[j];
        so[j] += ro[j];
      }
      ra = advance(kxx, ra, eta);
      ro = advance(koo, ro, eta);
      for (int i = 0; i < g; i++) {
        double fa = 0;
        double fo = 0;
        for (int l = 0; l < m; l++) {
          fa -= eta * kgx[i][l] * sa[l];
          fo -= eta * kgo[i][l] * so[l];
        }
        worst = Math.max(worst, Math.abs(fa - fo));
      }
    }
    return worst;
  }

  private static double[] advance(double[][] k, double[] r, double eta) {
    double[] out = new double[r.length];
    for (int j = 0; j < r.length; j++) {
      double s = 0;
      for (int l = 0; l < r.length; l++) {
        s += k[j][l] * r[l];
      }
      out[j] = r[j] - eta * s;
    }
    return out;
  }

  private static ClaimResult minNorm(Check c, Judgement judgement) {
    List<Map<String, Object>> points = new ArrayList<>();
    double worst = 0;
    for (int n : c.widths()) {
      WideRelu1D net = new WideRelu1D(n);
      double[] theta0 = net.initial(c.aw(), c.ab(), c.firstSeed());
      Map<String, Object> pt = new LinkedHashMap<>();
      pt.put("width", n);
      for (boolean outputOnly : new boolean[] {false, true}) {
        double[][] j = jacobian(net, theta0, c.x(), outputOnly);
        double[][] k = gram(j, j);
        double[] ev = eigen(k);
        double eta = c.etaFactor() / ev[0];
        int m = c.x().length;
        double[] target = new double[m];
        for (int i = 0; i < m; i++) {
          target[i] = c.y()[i] - net.value(theta0, c.x()[i]);
        }
        // the minimum-norm displacement J^T K^-1 (y - f_0)
        RealMatrix km = new Array2DRowRealMatrix(k, false);
        double[] coef = new LUDecomposition(km).getSolver().solve(new ArrayRealVector(target, false)).toArray();
        double[] best = new double[theta0.length];
        for (int i = 0; i < m; i++) {
          for (int p = 0; p < best.length; p++) {
            best[p] += coef[i] * j[i][p];
          }
        }
        // gradient descent on (1/2)|J d - (y - f_0)|^2 in parameter space, d = omega - theta_0
        double[] dvec = new double[theta0.length];
        int t = horizon(eta, ev[ev.length - 1], 1e14, 2_000_000);
        double[] r = new double[m];
        double tnorm = Math.sqrt(Vectors.dot(target, target));
        int used = 0;
        for (int it = 0; it < t; it++) {
          if ((it & 1023) == 0 && Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted");
          }
          double rr = 0;
          for (int i = 0; i < m; i++) {
            r[i] = Vectors.dot(j[i], dvec) - target[i];
            rr += r[i] * r[i];
          }
          used = it;
          if (Math.sqrt(rr) <= 1e-15 * tnorm) {
            break;
          }
          for (int i = 0; i < m; i++) {
            double ri = eta * r[i];
            double[] row = j[i];
            for (int p = 0; p < dvec.length; p++) {
              dvec[p] -= ri * row[p];
            }
          }
        }
        double rel = Vectors.distance(dvec, best) / Math.sqrt(Vectors.dot(best, best));
        double resid = 0;
        for (int i = 0; i < m; i++) {
          resid = Math.max(resid, Math.abs(Vectors.dot(j[i], dvec) - target[i]));
        }
        String key = outputOnly ? "output_layer_only" : "all_parameters";
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("steps", used);
        q.put("relative_distance_to_min_norm", rel);
        q.put("max_residual", resid);
        q.put("norm_of_displacement", Math.sqrt(Vectors.dot(dvec, dvec)));
        q.put("min_norm", Math.sqrt(Vectors.dot(best, best)));
        pt.put(key, q);
        worst = Math.max(worst, Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel);
      }
      points.add(pt);
    }
    boolean ok = worst <= c.tolerance();
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("model", "the linearised wide ReLU net on the line, ASI");
    ev.put("step", c.etaFactor() + " / lambda_max(J J^T)");
    ev.put("points", points);
    ev.put("max_relative_distance", worst);
    ev.put("tolerance", c.tolerance());
    return new ClaimResult(c.name(), ClaimKind.CROSSCHECK, ok ? Verdict.AGREES : Verdict.DISAGREES, judgement.seconds(),
        ok ? "gradient descent on the linearised model (all parameters, and the output layer alone) ends at the interpolant"
            + " closest to theta_0, within " + fmt(worst) + " relative at widths " + java.util.Arrays.toString(c.widths())
            : "gradient descent on the linearised model ends " + fmt(worst) + " (relative) from the minimum-norm interpolant"
                + " (tolerance " + fmt(c.tolerance()) + ")",
        c.location(), ev);
  }

}
