package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code kernel-trajectory} kind: with time t/alpha^2 the diagonal network follows its tangent-kernel flow. */
class KernelTrajectoryKindTest {
  static final String CHECK = """
      name: lazy
      kind: kernel-trajectory
      model: diagonal-network
      sweep: {alpha: [1, 2]}
      data: {rows: 2, cols: 4, sparse-truth: 1, seed: 1}
      rescale: alpha^2
      kernel: KERNEL
      times: [0.01, Infinity]
      tolerance: 0.1
      """;

  @RegisterExtension final KindFixture fixture = KindFixture.with("");

  @Test
  void theRescaledFlowFollowsTheKernelFlowAndAttachesAFigure() {
    ClaimResult r = fixture.assertVerdict(Verdict.AGREES, CHECK.replace("KERNEL", "8*alpha^2"));
    assertFalse(Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }

  @Test
  void theKernelWithoutItsFactorTwoIsCaught() {
    fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("KERNEL", "4*alpha^2"));
  }

  @Test
  void aDecreasingSweepNamesTheSweepAndLine() {
    fixture.assertReadingError(CHECK.replace("KERNEL", "8*alpha^2").replace("[1, 2]", "[2, 1]"), "sweep:",
        "a kernel-trajectory cross-check needs an increasing sweep");
  }
}
