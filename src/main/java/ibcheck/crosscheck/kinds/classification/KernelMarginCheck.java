package ibcheck.crosscheck.kinds.classification;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.HardMarginSvm;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Fits;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.models.Classification;
import ibcheck.models.ReluFeatures;
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
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * {@code kind: kernel-margin} (Chizat and Bach 2020, "fixing the hidden layer leads to the
 * F2-max-margin classifier"): the max-margin classifier of the frozen ReLU layer's random
 * features ({@link ReluFeatures}, scaled so that their Gram matrix is the mean
 * {@code (1/m) sum_j (a_j . u)_+ (a_j . v)_+}, {@code u = [x; 1]}) tends, as the width m grows, to
 * that of the file's infinite-width kernel {@code kernel} (a formula in {@code nu = |u|},
 * {@code nv = |v|} and {@code c = cos(u, v)}). Over a width sweep with several feature seeds, the
 * relative difference of the margins (root mean square over seeds) must fall like the file's
 * {@code exponent} (log-log slope within {@code band}) and end within {@code tolerance}; the
 * margins are solved exactly ({@link HardMarginSvm}; the kernel's Gram matrix is factored as
 * {@code Z Z^T} by its eigen-decomposition). {@link KernelMarginKind} reads it.
 */
final class KernelMarginCheck {
  private KernelMarginCheck() {}

  record Check(CheckKind.Header header, SeparableData data, String kernel, String kernelLocation, int[] widths,
      int seeds, String exponent, double band, double tolerance) implements NumericCheck {



    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      Drawn d = Drawn.of(drawn, name(), KernelMarginKind.FIELDS.drawable());
      return new Check(header, data.drawn(d, name()), kernel, kernelLocation, widths, seeds, exponent, band, tolerance);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      try {
        return KernelMarginCheck.run(this, session, judgement);
      } catch (InvalidExpressionException e) {
        return judgement.error(e.getMessage(), kernelLocation);
      } catch (IllegalArgumentException | IllegalStateException e) {
        return judgement.error(e.getMessage(), location());
      }
    }
  }

  static ClaimResult run(Check c, TheoremSession session, Judgement judgement) throws InvalidExpressionException {
    CompiledExpression k = FileFormula.compile(session, c.kernel(), List.of("nu", "nv", "c"));
    double predicted = FileFormula.compile(session, c.exponent(), List.of()).value();
    Classification data = c.data().classification();
    double limit = kernelMargin(c, k, data);
    double[] widths = new double[c.widths().length];
    double[] rel = new double[c.widths().length];
    List<Map<String, Object>> points = new ArrayList<>();
    for (int a = 0; a < widths.length; a++) {
      widths[a] = c.widths()[a];
      double[] relative = new double[1];
      points.add(width(c, data, a, limit, relative));
      rel[a] = relative[0];
    }
    Fits.Line fit = Fits.powerLaw(widths, rel);
    int last = rel.length - 1;
    boolean rateOk = Math.abs(fit.slope() - predicted) <= c.band();
    boolean endOk = rel[last] <= c.tolerance();
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("data", c.data().evidence());
    ev.put("kernel", c.kernel());
    ev.put("infinite_width_margin", limit);
    ev.put("seeds_per_width", c.seeds());
    ev.put("points", points);
    ev.put("exponent_predicted", predicted);
    ev.put("exponent_fitted", fit.slope());
    ev.put("exponent_95_half_width", fit.halfWidth());
    ev.put("band", c.band());
    ev.put("tolerance", c.tolerance());
    double[] line = new double[widths.length];
    for (int a = 0; a < widths.length; a++) {
      line[a] = Math.exp(fit.intercept()) * Math.pow(widths[a], fit.slope());
    }
    new Figure("random-feature max margin vs the kernel's, relative difference against the width", "width m",
        "|margin_m - margin| / margin", List.of(new Figure.Series("rms over seeds", widths, rel),
            new Figure.Series("fit n^" + fmt(fit.slope()), widths, line))).addTo(ev);
    String msg = "random-feature margins -> the kernel's " + fmt(limit) + ": relative difference " + Vectors.join(rel)
        + " ~ m^" + fmt(fit.slope()) + " (95% +- " + fmt(fit.halfWidth()) + ")"
        + (rateOk ? "" : ", NOT within " + fmt(c.band()) + " of the predicted exponent " + c.exponent())
        + (endOk ? "" : ", NOT below " + fmt(c.tolerance()) + " at the largest width");
    return judgement.holds(rateOk && endOk, msg, ev);
  }

  /** The infinite-width margin: the max margin of the Gram of y_i y_j K(u_i, u_j), factored as Z Z^T. */
  private static double kernelMargin(Check c, CompiledExpression k, Classification data) throws InvalidExpressionException {
    int n = data.rows();
    double[][] u = new double[n][];
    for (int i = 0; i < n; i++) {
      u[i] = java.util.Arrays.copyOf(data.x()[i], data.dim() + 1);
      u[i][data.dim()] = 1;
    }
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double ni = Vectors.norm(u[i]);
        double nj = Vectors.norm(u[j]);
        double cos = Math.max(-1, Math.min(1, Vectors.dot(u[i], u[j]) / (ni * nj)));
        g[i][j] = data.y()[i] * data.y()[j] * k.value(ni, nj, cos);
        if (!Double.isFinite(g[i][j])) {
          throw new InvalidExpressionException("the kernel '" + c.kernel() + "' is not finite at |u| = " + ni + ", |v| = "
              + nj + ", cos = " + cos);
        }
      }
    }
    return HardMarginSvm.solve(factor(g)).margin();
  }

  /**
   * The random-feature max margins at the a-th width, one per seed, against the kernel's;
   * {@code relative} receives their rms relative difference.
   */
  private static Map<String, Object> width(Check c, Classification data, int a, double limit, double[] relative) {
    int m = c.widths()[a];
    double sq = 0;
    List<Double> margins = new ArrayList<>();
    for (int s = 0; s < c.seeds(); s++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted");
      }
      double[][] z = ReluFeatures.random(m, data.dim(), 1000L * a + s + 1).margins(data);
      // phi_j/m -> phi_j/sqrt(m): the Gram becomes the mean over units
      double scale = Math.sqrt(m);
      for (double[] row : z) {
        for (int j = 0; j < row.length; j++) {
          row[j] *= scale;
        }
      }
      double margin = HardMarginSvm.solve(z).margin();
      margins.add(margin);
      sq += (margin - limit) * (margin - limit);
    }
    relative[0] = Math.sqrt(sq / c.seeds()) / limit;
    Map<String, Object> pt = new LinkedHashMap<>();
    pt.put("width", m);
    pt.put("margins", margins);
    pt.put("relative_difference_rms", relative[0]);
    return pt;
  }

  /** Z with {@code Z Z^T = g} (g symmetric positive semi-definite), from its eigen-decomposition. */
  private static double[][] factor(double[][] g) {
    EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(g, false));
    double[] lam = e.getEigenvalues();
    RealMatrix v = e.getV();
    int n = g.length;
    double[][] z = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        if (lam[k] < -1e-10 * Math.abs(lam[0])) {
          throw new IllegalArgumentException("the kernel's Gram matrix is not positive semi-definite (eigenvalue " + lam[k] + ")");
        }
        z[i][k] = v.getEntry(i, k) * Math.sqrt(Math.max(0, lam[k]));
      }
    }
    return z;
  }

}
