package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;

/** The {@code agreement} kind (the default): the diagonal network's flow limit against argmin Q_alpha. */
class AgreementKindTest extends KindContract {
  static final String CHECK = """
      name: c
      model: diagonal-network
      sweep: {alpha: [0.3, 1]}
      data: {rows: 3, cols: 6, sparse-truth: 2, seed: 7}
      predicts:
        potential: POTENTIAL
        coordinate: b
      tolerance: 1e-6
      """;

  AgreementKindTest() {
    super(KindFixture.definitionsOf("woodworth2020-q-alpha"), new Claims(CHECK, "POTENTIAL", "Qa(b, alpha)",
        "alpha*q(b/alpha)", Verdict.DISAGREES, "tolerance: 1e-6", "tolerance: 2", "tolerance: 2",
        "'tolerance' must be in (0, 1), got 2"));
  }
}
