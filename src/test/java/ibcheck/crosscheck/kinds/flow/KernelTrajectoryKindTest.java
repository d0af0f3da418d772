package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @TempDir Path dir;

  @Test
  void theRescaledFlowFollowsTheKernelFlowAndAttachesAFigure() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("KERNEL", "8*alpha^2"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
    assertFalse(Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }

  @Test
  void theKernelWithoutItsFactorTwoIsCaught() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("KERNEL", "4*alpha^2"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void aDecreasingSweepNamesTheSweepAndLine() {
    KindFixture fixture = KindFixture.with(dir, "");
    ClaimResult r = fixture.run(CHECK.replace("KERNEL", "8*alpha^2").replace("[1, 2]", "[2, 1]"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("sweep:"), r.location());
    assertEquals("a kernel-trajectory cross-check needs an increasing sweep", r.message());
  }
}
