package ibcheck.crosscheck.kinds.flow;


import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code agreement} kind (the default): the diagonal network's flow limit against argmin Q_alpha. */
class AgreementKindTest {
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

  @RegisterExtension final KindFixture fixture = KindFixture.definitionsOf("woodworth2020-q-alpha");

  @Test
  void theFlowLimitAgreesWithArgminQAlpha() {
    fixture.assertVerdict(Verdict.AGREES, CHECK.replace("POTENTIAL", "Qa(b, alpha)"));
  }

  @Test
  void aPotentialWithTheWrongScaleDisagrees() {
    fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("POTENTIAL", "alpha*q(b/alpha)"));
  }

  @Test
  void aToleranceOutsideItsRangeNamesTheFieldAndLine() {
    fixture.assertReadingError(CHECK.replace("POTENTIAL", "Qa(b, alpha)").replace("tolerance: 1e-6",
        "tolerance: 2"), "tolerance: 2",
        "'tolerance' must be in (0, 1), got 2");
  }
}
