package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ibcheck.crosscheck.KindFixture;
import ibcheck.models.Dataset;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code approaches} kind: the depth-3 network's flow limit approaches min-l1 as alpha -> 0, and its quasi-norm minimiser. */
class ApproachesKindTest {
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

  @TempDir Path dir;

  @Test
  void theQuasiNormMinimiserIsFoundAmongBasicSolutions() {
    Dataset data = new Dataset(new double[][] {{0, 1, -1}, {1, 1.1, 1.1}}, new double[] {0, 2.2});
    assertArrayEquals(new double[] {2.2, 0, 0}, ApproachKind.Check.minQuasiNorm(data, 2.0 / 3), 1e-12);
  }

  @Test
  void theFlowApproachesMinL1AndAttachesAFigure() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("TARGET", "min-l1"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
    assertFalse(Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }

  @Test
  void minL2AsTheSmallAlphaLimitIsCaught() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("TARGET", "min-l2"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void anUnknownTargetNamesTheFieldAndLine() {
    KindFixture fixture = KindFixture.with(dir, "");
    ClaimResult r = fixture.run(CHECK.replace("TARGET", "min-l3"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("target: min-l3"), r.location());
    assertEquals("'target' must be min-l1 or min-l2, got 'min-l3'", r.message());
  }
}
