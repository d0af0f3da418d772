package ibcheck.crosscheck.kinds.matrix;


import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;

/** The {@code nuclear-norm} kind: with enough Gaussian measurements the U V^T flow approaches min nuclear norm as alpha -> 0. */
class NuclearNormKindTest extends KindContract {
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

  NuclearNormKindTest() {
    super(KindFixture.with(""), new Claims(CHECK, "SPECTRAL", "Abs(s)", "s^2", Verdict.DISAGREES, "[0.1, 0.01, 0.001]",
        "[0.001, 0.1]", "sweep:", "the alpha sweep must be positive and decreasing (towards the small-initialisation limit)"));
  }

}
