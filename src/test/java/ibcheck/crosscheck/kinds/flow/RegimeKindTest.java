package ibcheck.crosscheck.kinds.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @TempDir Path dir;

  @Test
  void smallAlphaIsRichAndLargeAlphaIsKernel() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("SWEEP", "[0.01, 0.3, 10]"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void aSweepThatStaysInTheKernelRegimeShowsNoRegimeChange() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("SWEEP", "[30, 100]")
        .replace("tolerance: 1e-9", "tolerance: 1e-6"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
    assertTrue(r.message().contains("no regime change along the sweep"), r.message());
  }

  @Test
  void aDecreasingSweepNamesTheSweepAndLine() {
    KindFixture fixture = KindFixture.with(dir, "");
    ClaimResult r = fixture.run(CHECK.replace("SWEEP", "[1, 0.3]"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("sweep:"), r.location());
    assertEquals("a regime cross-check needs an increasing sweep", r.message());
  }
}
