package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code regime} kind: the diagonal network goes from the rich to the kernel regime as alpha grows. */
class RegimeKindTest {
  static final String CHECK = """
      name: c
      kind: regime
      model: diagonal-network
      sweep: {alpha: SWEEP}
      data: {rows: 3, cols: 6, sparse-truth: 2, seed: 7}
      tolerance: 1e-9
      """;

  @RegisterExtension final KindFixture fixture = KindFixture.with("");

  @Test
  void smallAlphaIsRichAndLargeAlphaIsKernel() {
    fixture.assertVerdict(Verdict.AGREES, CHECK.replace("SWEEP", "[0.01, 0.3, 10]"));
  }

  @Test
  void aSweepThatStaysInTheKernelRegimeShowsNoRegimeChange() {
    ClaimResult r = fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("SWEEP", "[30, 100]")
        .replace("tolerance: 1e-9", "tolerance: 1e-6"));
    assertTrue(r.message().contains("no regime change along the sweep"), r.message());
  }

  @Test
  void aDecreasingSweepNamesTheSweepAndLine() {
    fixture.assertReadingError(CHECK.replace("SWEEP", "[1, 0.3]"), "sweep:",
        "a regime cross-check needs an increasing sweep");
  }
}
