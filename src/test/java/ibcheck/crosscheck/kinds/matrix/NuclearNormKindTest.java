package ibcheck.crosscheck.kinds.matrix;


import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

  @RegisterExtension final KindFixture fixture = KindFixture.with("");

  @Test
  void theFlowApproachesMinNuclearNorm() {
    fixture.assertVerdict(Verdict.AGREES, CHECK.replace("SPECTRAL", "Abs(s)"));
  }

  @Test
  void theFrobeniusNormForTheNuclearNormIsCaught() {
    fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("SPECTRAL", "s^2"));
  }

  @Test
  void anIncreasingSweepNamesTheSweepAndLine() {
    fixture.assertReadingError(CHECK.replace("SPECTRAL", "Abs(s)").replace("[0.1, 0.01, 0.001]",
        "[0.001, 0.1]"), "sweep:",
        "the alpha sweep must be positive and decreasing (towards the small-initialisation limit)");
  }
}
