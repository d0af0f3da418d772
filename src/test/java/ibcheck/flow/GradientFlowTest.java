package ibcheck.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.read.SyntheticData;
import ibcheck.models.Dataset;
import ibcheck.models.LinearPredictor;
import ibcheck.models.Model;
import ibcheck.models.ModelRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradientFlowTest {
  static final Dataset DATA = new SyntheticData(5, 12, 3, 7).dataset();

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.1, 1, 10})
  void convergesAcrossTheAlphaRangeWithACertificate(double alpha) {
    Model m = ModelRegistry.create("diagonal-network", Map.of("alpha", alpha));
    FlowLimit limit = new GradientFlow(GradientFlow.Settings.DEFAULT).run(m, DATA);
    Certificate c = limit.certificate();
    assertTrue(c.remainingPath() <= 1.01e-10, c.toString());
    assertTrue(c.loss() <= 1e-12, c.toString());
    assertTrue(c.evaluations() < 20_000, c.toString());
    // w+ w- = alpha^2 is conserved along the exact flow: a check on the integration itself
    double[] theta = limit.theta();
    for (int i = 0; i < 12; i++) {
      assertEquals(alpha * alpha, theta[i] * theta[12 + i], 1e-9 * Math.max(1, alpha * alpha));
    }
    double[] beta = ((LinearPredictor) m).beta(theta);
    double[] fit = m.outputs(theta, DATA.x());
    for (int n = 0; n < fit.length; n++) {
      assertEquals(DATA.y()[n], fit[n], 1e-6);
    }
    assertEquals(12, beta.length);
  }

  @Test
  void aDivergingFlowNamesTheModelAndItsLastCertificate() {
    ibcheck.TestModels.registerAscendingModel();
    Model m = ModelRegistry.create("ascending-network", Map.of("alpha", 1.0));
    FlowFailedException e = assertThrows(FlowFailedException.class,
        () -> new GradientFlow(GradientFlow.Settings.DEFAULT).run(m, DATA));
    assertEquals("ascending-network", e.model());
    assertTrue(e.getMessage().contains("gradient flow of model 'ascending-network' diverged"), e.getMessage());
    assertNotNull(e.last());
    assertTrue(e.last().loss() > 1, "the loss grew: " + e.last());
  }

  @Test
  void aFlowOutOfBudgetNamesTheModelAndItsLastCertificate() {
    Model m = ModelRegistry.create("diagonal-network", Map.of("alpha", 0.01));
    FlowFailedException e = assertThrows(FlowFailedException.class,
        () -> new GradientFlow(GradientFlow.Settings.DEFAULT.withMaxEvaluations(100)).run(m, DATA));
    assertTrue(e.getMessage().contains("did not meet its stopping rule"), e.getMessage());
    assertTrue(e.getMessage().contains("within 100 evaluations"), e.getMessage());
    assertNotNull(e.last());
    assertTrue(e.last().evaluations() <= 100 && e.last().time() > 0, e.last().toString());
  }
}
