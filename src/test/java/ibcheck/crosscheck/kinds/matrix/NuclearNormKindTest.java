package ibcheck.crosscheck.kinds.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code nuclear-norm} kind: with enough Gaussian measurements the U V^T flow approaches min nuclear norm as alpha -> 0. */
class NuclearNormKindTest {
  static final String CHECK = """
      name: c
      kind: nuclear-norm
      model: matrix-factorisation
      data: {size: 6, measurements: 12, rank: 1, seed: 1}
      init: {seed: 7}
      sweep: {alpha: [0.1, 0.01, 0.001]}
      predicts:
        spectral: SPECTRAL
      trend: approaches
      tolerance: 0.05
      """;

  @TempDir Path dir;

  @Test
  void theFlowApproachesMinNuclearNorm() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("SPECTRAL", "Abs(s)"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void theFrobeniusNormForTheNuclearNormIsCaught() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("SPECTRAL", "s^2"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void anIncreasingSweepNamesTheSweepAndLine() {
    KindFixture fixture = KindFixture.with(dir, "");
    ClaimResult r = fixture.run(CHECK.replace("SPECTRAL", "Abs(s)").replace("[0.1, 0.01, 0.001]", "[0.001, 0.1]"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("sweep:"), r.location());
    assertEquals("the alpha sweep must be positive and decreasing (towards the small-initialisation limit)", r.message());
  }
}
