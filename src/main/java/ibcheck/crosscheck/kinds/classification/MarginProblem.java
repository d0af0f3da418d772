package ibcheck.crosscheck.kinds.classification;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.HardMarginSvm;
import ibcheck.crosscheck.Vectors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The separable problem a max-margin check trains on: the margin vectors z_i, the initialisation
 * w(0), and the hard-margin solution {@code w_hat = argmin |w| s.t. z_i . w >= 1} with its
 * multipliers alpha_i and support set S, certified by its KKT conditions.
 */
final class MarginProblem {
  final double[][] z;
  final double[] w0;
  final HardMarginSvm.Solution svm;
  final double[] wHat;
  final double wHatNorm;
  /** The max-margin direction w_hat / |w_hat|. */
  final double[] direction;

  private MarginProblem(double[][] z, double[] w0, HardMarginSvm.Solution svm) {
    this.z = z;
    this.w0 = w0;
    this.svm = svm;
    this.wHat = svm.w();
    this.wHatNorm = Vectors.norm(wHat);
    this.direction = Vectors.scaled(wHat, 1 / wHatNorm);
  }

  /** The model on the data, its hard-margin solution, and the data's push applied. */
  static MarginProblem of(MarginModel model, SeparableData data) {
    MarginModel.Instance m = model.on(data.classification());
    HardMarginSvm.Solution svm;
    try {
      svm = HardMarginSvm.solve(m.z());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the hard-margin problem: " + e.getMessage(), e);
    }
    if (!(svm.feasibility() >= -1e-9 && svm.slackness() <= 1e-9 * (1 + largest(svm.alpha())))) {
      throw new IllegalStateException("the hard-margin solution fails its KKT certificate (feasibility " + fmt(svm.feasibility())
          + ", slackness " + fmt(svm.slackness()) + ")");
    }
    if (data.push() > 0) {
      if (!model.linear()) {
        throw new IllegalArgumentException("data 'push' applies to model 'linear' only");
      }
      push(m.z(), svm, data.push());
    }
    return new MarginProblem(m.z(), m.w0(), svm);
  }

  /**
   * {@code z_i += (1 + push - z_i . w_hat) w_hat/|w_hat|^2} off the support set: their margins
   * become {@code 1 + push}, and (w_hat, alpha) still satisfies every KKT condition, so the
   * solution need not be solved again.
   */
  private static void push(double[][] z, HardMarginSvm.Solution svm, double push) {
    double ww = Vectors.dot(svm.w(), svm.w());
    for (int i = 0; i < z.length; i++) {
      double m = Vectors.dot(z[i], svm.w());
      if (svm.alpha()[i] == 0 && m < 1 + push) {
        for (int k = 0; k < z[i].length; k++) {
          z[i][k] += (1 + push - m) * svm.w()[k] / ww;
        }
      }
    }
  }

  int[] support() {
    return svm.support();
  }

  double alpha(int i) {
    return svm.alpha()[i];
  }

  /** The hard-margin solution and its certificate, for the evidence. */
  Map<String, Object> evidence() {
    int[] s = support();
    double[] alphaSupport = new double[s.length];
    for (int a = 0; a < s.length; a++) {
      alphaSupport[a] = alpha(s[a]);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("solver", "Hipparchus ADMMQPOptimizer on the dual, exact active-set polish");
    m.put("margin", svm.margin());
    m.put("support", s);
    m.put("alpha_support", Vectors.evidence(alphaSupport));
    m.put("w_hat", Vectors.evidence(wHat));
    m.put("kkt_feasibility_min_margin_minus_1", svm.feasibility());
    m.put("kkt_slackness", svm.slackness());
    m.put("duality_gap", svm.gap());
    m.put("admm_converged", svm.admmConverged());
    return m;
  }

  private static double largest(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }
}
