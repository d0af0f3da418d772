package ibcheck.models.declarative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.crosscheck.read.SyntheticData;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.DiagonalNetwork;
import ibcheck.models.LinearPredictor;
import ibcheck.models.ModelRegistry;
import ibcheck.models.UntiedDiagonalNetwork;
import ibcheck.spec.YamlFiles;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two shipped Java models re-expressed in a theorem file's {@code models:} section: the declarative
 * ones (Symja's D, compiled) must give the same theta(0), beta, vector-Jacobian product and
 * gradient-flow limit as the hand-written Java classes.
 */
class DeclarativeModelAgreementTest {
  /** The models as a theorem file declares them. */
  static final java.nio.file.Path FILE = java.nio.file.Path.of("src/test/resources/declared-models.yaml");

  @BeforeAll
  static void register() {
    FileModels.register(YamlFiles.read(FILE, FILE.toString()).mapping().get("models"));
  }

  static LinearPredictor declared(String name, Map<String, Double> settings) {
    return (LinearPredictor) ModelRegistry.create(ModelRegistry.resolve(name, FILE.toString()), settings);
  }

  @Test
  void diagonalNetworkAgreesWithTheJavaClass() {
    for (double alpha : new double[] {0.05, 0.3, 1, 3}) {
      agree(new DiagonalNetwork("diagonal-network", 2, alpha),
          declared("diagonal-network-declared", Map.of("alpha", alpha)));
    }
  }

  @Test
  void untiedNetworkAgreesWithTheJavaClass() {
    for (double shape : new double[] {-0.5, 0, 0.7}) {
      agree(new UntiedDiagonalNetwork(0.5, shape), declared("untied-declared", Map.of("alpha", 0.5, "shape", shape)));
    }
  }

  private static void agree(LinearPredictor java, LinearPredictor declared) {
    Dataset data = new SyntheticData(5, 12, 3, 7).dataset();
    int d = data.cols();
    assertArrayEquals(java.initialParameters(d), declared.initialParameters(d), 1e-15);
    assertEquals(java.parameterBlocks().size(), declared.parameterBlocks().size());
    Random r = new Random(11);
    double[] theta = r.doubles(java.initialParameters(d).length, -2, 2).toArray();
    double[] g = r.doubles(d, -1, 1).toArray();
    assertArrayEquals(java.beta(theta), declared.beta(theta), 1e-14);
    assertArrayEquals(java.pullBack(theta, g), declared.pullBack(theta, g), 1e-14);
    GradientFlow flow = new GradientFlow(GradientFlow.Settings.DEFAULT);
    double[] javaLimit = java.beta(flow.run(java, data).theta());
    double[] declaredLimit = declared.beta(flow.run(declared, data).theta());
    assertArrayEquals(javaLimit, declaredLimit, 1e-9);
  }
}
