package ibcheck.models.declarative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.read.SyntheticData;
import ibcheck.flow.FlowFailedException;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.DiagonalNetwork;
import ibcheck.models.LinearPredictor;
import ibcheck.spec.SpecException;
import ibcheck.spec.YamlFiles;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A declared model's {@code loss:} (a per-sample formula in f and y, its slope by Symja's D): the
 * square loss written out equals the default; the pseudo-Huber loss {@code l = Sqrt(1 + r^2) - 1}
 * has the gradient {@code J^T X^T (r / Sqrt(1 + r^2))} and, since the diagonal network is a mirror
 * flow for any loss ({@code grad Q(beta) - grad Q(beta0)} stays in the row space of X), the same
 * limit as the square loss; losses without an interpolating minimum are refused or make the flow fail.
 */
class DeclaredLossTest {
  private static final Dataset DATA = new SyntheticData(5, 12, 3, 7).dataset();
  private static final GradientFlow FLOW = new GradientFlow(GradientFlow.Settings.DEFAULT);

  @BeforeAll
  static void register() {
    DeclarativeModelAgreementTest.register();
  }

  private static LinearPredictor declared(String name, double alpha) {
    return DeclarativeModelAgreementTest.declared(name, Map.of("alpha", alpha));
  }

  private static double[] limit(LinearPredictor model) {
    return model.beta(FLOW.run(model, DATA).theta());
  }

  @Test
  void theSquareLossWrittenOutFlowsLikeTheDefault() {
    DiagonalNetwork java = new DiagonalNetwork("diagonal-network", 2, 0.3);
    LinearPredictor written = declared("diagonal-network-square-written", 0.3);
    double[] theta = new Random(5).doubles(2 * DATA.cols(), -2, 2).toArray();
    double[] r = residual(written, theta);
    assertArrayEquals(java.lossGradient(theta, DATA.x(), r), written.lossGradient(theta, DATA.x(), r), 1e-12);
    assertArrayEquals(limit(java), limit(written), 1e-9);
  }

  @Test
  void thePseudoHuberGradientIsTheChainRuleOfItsSlope() {
    LinearPredictor huber = declared("diagonal-network-huber", 0.3);
    double[] theta = new Random(6).doubles(2 * DATA.cols(), -2, 2).toArray();
    double[] r = residual(huber, theta);
    double[] g = new double[DATA.cols()];
    double loss = 0;
    for (int n = 0; n < r.length; n++) {
      double s = Math.sqrt(1 + r[n] * r[n]);
      loss += s - 1;
      for (int i = 0; i < g.length; i++) {
        g[i] += r[n] / s * DATA.x()[n][i];
      }
    }
    assertArrayEquals(huber.pullBack(theta, g), huber.lossGradient(theta, DATA.x(), r), 1e-12);
    assertEquals(loss, huber.loss(huber.outputs(theta, DATA.x()), DATA.y()), 1e-12);
    // and it is not the square loss's gradient
    double[] square = new DiagonalNetwork("diagonal-network", 2, 0.3).lossGradient(theta, DATA.x(), r);
    assertTrue(distance(square, huber.lossGradient(theta, DATA.x(), r)) > 1e-3);
  }

  @Test
  void theDiagonalNetworksBiasDoesNotDependOnTheLoss() {
    for (double alpha : new double[] {0.3, 3}) {
      assertArrayEquals(limit(new DiagonalNetwork("diagonal-network", 2, alpha)),
          limit(declared("diagonal-network-huber", alpha)), 1e-8, "alpha = " + alpha);
    }
  }

  @Test
  void aLossThatGoesNegativeMakesTheFlowFailNotStop() {
    assertThrows(FlowFailedException.class, () -> FLOW.run(declared("diagonal-network-unbounded", 0.3), DATA));
  }

  @Test
  void lossesWithoutANonDegenerateInterpolatingMinimumAreRefusedWhenTheFileIsRead() {
    assertTrue(refusal("Log(1 + Exp(-y*f))").contains("max-margin")); // log 2 at f = y = 1
    assertTrue(refusal("(f - y)^4").contains("curvature 0")); // the PL bound fails at a flat minimum
    assertTrue(refusal("Sqrt(1 + (f - y)^2) - 1").contains("loses its digits")); // right function, cancels near f = y
  }

  private static String refusal(String loss) {
    String file = "models:\n  m:\n    parameters: [w]\n    beta: w\n    init: {w: 0}\n    loss: " + loss + "\n";
    SpecException e = assertThrows(SpecException.class,
        () -> FileModels.register(YamlFiles.parse(file, "refused.yaml").mapping().get("models")), loss);
    assertTrue(e.getMessage().contains("loss '" + loss + "'"), e.getMessage());
    return e.getMessage();
  }

  private static double[] residual(LinearPredictor model, double[] theta) {
    double[] r = model.outputs(theta, DATA.x());
    for (int n = 0; n < r.length; n++) {
      r[n] -= DATA.y()[n];
    }
    return r;
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }
}
