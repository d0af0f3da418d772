package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;

/**
 * The {@code kernel-trajectory} kind: with time t/alpha^2 the diagonal network follows its
 * tangent-kernel flow; the kernel without its factor 2 is caught.
 */
class KernelTrajectoryKindTest extends KindContract {
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

  KernelTrajectoryKindTest() {
    super(KindFixture.with(""), new Claims(CHECK, "KERNEL", "8*alpha^2", "4*alpha^2", Verdict.DISAGREES, "[1, 2]",
        "[2, 1]", "sweep:", "a kernel-trajectory cross-check needs an increasing sweep"));
  }

  @Override
  protected void passes(ClaimResult r) {
    assertFalse(Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }
}
