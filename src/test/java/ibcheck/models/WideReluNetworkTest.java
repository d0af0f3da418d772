package ibcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The wide ReLU network: its output layer's limit, gradient descent, and the ASI full network. */
class WideReluNetworkTest {
  static final double[] X = {-2, -1, 0, 1, 2};
  static final double[] Y = {1.5, 0.5, 1.5, 0.5, 1.5};
  static final Initialisation UNIFORM = Initialisation.Spec.of(Map.of("W", "uniform(-1, 1)", "B", "uniform(-2, 2)"))
      .evaluate(Double::parseDouble);

  @Test
  void theMinimumNormFitInterpolates() {
    double[][] wb = UNIFORM.sample(300, new Well19937c(3));
    WideReluNetwork net = new WideReluNetwork(wb[0], wb[1], X);
    double[] f = net.values(net.minNorm(Y), X);
    for (int i = 0; i < X.length; i++) {
      assertEquals(Y[i], f[i], 1e-10);
    }
  }

  @Test
  void valuesAgreeWithTheDirectSum() {
    double[][] wb = UNIFORM.sample(200, new Well19937c(4));
    double[] a = new double[200];
    for (int k = 0; k < a.length; k++) {
      a[k] = Math.sin(k);
    }
    double[] at = {-3, -1.5, -0.2, 0, 0.7, 2, 3.5};
    double[] fast = WideReluNetwork.values(wb[0], wb[1], a, 0.3, -0.4, at);
    for (int g = 0; g < at.length; g++) {
      double s = 0.3 * at[g] - 0.4;
      for (int k = 0; k < a.length; k++) {
        s += a[k] * Math.max(0, wb[0][k] * at[g] + wb[1][k]);
      }
      assertEquals(s, fast[g], 1e-12);
    }
  }

  @Test
  void gradientDescentFromZeroReachesTheMinimumNormFit() {
    double[][] wb = UNIFORM.sample(150, new Well19937c(5));
    WideReluNetwork net = new WideReluNetwork(wb[0], wb[1], X);
    WideReluNetwork.Descent d = net.outputLayerGradientDescent(Y, 1e-13, 1_000_000);
    assertTrue(d.converged());
    WideReluNetwork.Fit min = net.minNorm(Y);
    for (int k = 0; k < 150; k++) {
      assertEquals(min.a()[k], d.fit().a()[k], 1e-9);
    }
    assertEquals(min.u(), d.fit().u(), 1e-9);
  }

  @Test
  void featuresThatCannotInterpolateGiveTheLeastSquaresFit() {
    // every breakpoint left of the data: the features are affine on the data, nothing to fit with
    double[] w = {1, 1, 1};
    double[] b = {5, 6, 7};
    WideReluNetwork net = new WideReluNetwork(w, b, X);
    WideReluNetwork.Fit fit = net.minNorm(Y);
    for (double a : fit.a()) {
      assertEquals(0, a, 1e-12);
    }
  }

  @Test
  void theAsiNetworkStartsAtZeroAndFitsTheData() {
    AsiReluNetwork net = new AsiReluNetwork(UNIFORM, 60, new Well19937c(6));
    for (double v : net.values(new double[] {-2, 0.3, 1.9})) {
      assertEquals(0, v, 1e-15);
    }
    AsiReluNetwork.Training t = net.train(X, Y, 1e-10, 200_000);
    assertTrue(t.converged(), "loss " + t.loss());
    double[] f = net.values(X);
    for (int i = 0; i < X.length; i++) {
      assertEquals(Y[i], f[i], 1e-4);
    }
  }

  @Test
  void lawsParseAndSample() {
    Initialisation g = Initialisation.Spec.of(Map.of("W", "normal(0, 2)", "B", "choice(-1, 1)")).evaluate(Double::parseDouble);
    assertEquals(4, g.w().secondMoment(), 1e-15);
    assertTrue(g.b().discrete() && g.symmetric());
    double[][] s = g.sample(100_000, new Well19937c(1));
    double m2 = 0;
    for (double w : s[0]) {
      m2 += w * w / s[0].length;
    }
    assertEquals(4, m2, 0.1);
    assertThrows(IllegalArgumentException.class, () -> Initialisation.Law.parse("cauchy(0, 1)"));
    assertThrows(IllegalArgumentException.class, () -> Initialisation.Law.parse("normal(0)"));
    assertThrows(IllegalArgumentException.class, () -> Initialisation.Spec.of(Map.of("W", "normal(0, 1)")));
    assertThrows(IllegalArgumentException.class,
        () -> Initialisation.Spec.of(Map.of("W", "uniform(1, -1)", "B", "normal(0, 1)")).evaluate(Double::parseDouble));
  }
}
