package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.models.Dataset;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The {@code approaches} kind: the depth-3 network's flow limit approaches min-l1 as alpha -> 0 (not
 * min-l2), and its quasi-norm minimiser.
 */
class ApproachesKindTest extends KindContract {
  static final String CHECK = """
      name: rich
      kind: approaches
      model: depth-d-diagonal-network
      init: {depth: 3}
      sweep: {alpha: [0.3, 0.03]}
      data: {x: [[0, 1, -1], [1, 1.1, 1.1]], y: [0, 2.2]}
      target: TARGET
      contrast: 2/3
      tolerance: 0.05
      """;

  ApproachesKindTest() {
    super(KindFixture.with(""), new Claims(CHECK, "TARGET", "min-l1", "min-l2", Verdict.DISAGREES, "target: min-l1",
        "target: min-l3", "target: min-l3", "'target' must be min-l1 or min-l2, got 'min-l3'"));
  }

  @Override
  protected void passes(ClaimResult r) {
    assertFalse(Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }

  @Test
  void theQuasiNormMinimiserIsFoundAmongBasicSolutions() {
    Dataset data = new Dataset(new double[][] {{0, 1, -1}, {1, 1.1, 1.1}}, new double[] {0, 2.2});
    assertArrayEquals(new double[] {2.2, 0, 0}, ApproachKind.Check.minQuasiNorm(data, 2.0 / 3), 1e-12);
  }
}
