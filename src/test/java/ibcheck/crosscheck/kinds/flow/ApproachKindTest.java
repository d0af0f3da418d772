package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ibcheck.models.Dataset;
import org.junit.jupiter.api.Test;

/** The approaches kind's quasi-norm minimiser. */
class ApproachKindTest {
  @Test
  void theQuasiNormMinimiserIsFoundAmongBasicSolutions() {
    Dataset data = new Dataset(new double[][] {{0, 1, -1}, {1, 1.1, 1.1}}, new double[] {0, 2.2});
    assertArrayEquals(new double[] {2.2, 0, 0}, ApproachKind.Check.minQuasiNorm(data, 2.0 / 3), 1e-12);
  }
}
