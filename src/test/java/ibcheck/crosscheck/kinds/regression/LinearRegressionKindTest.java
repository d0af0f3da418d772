package ibcheck.crosscheck.kinds.regression;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code linear-regression} kind: the closed-form components and the expected error of GD on noisy linear regression. */
class LinearRegressionKindTest {
  static final String DEFINITIONS =
      "define:\n  a(t_, a0_, z_, sigma_, n_): a0*Exp(-t*sigma^2/n) + z/sigma*(1 - Exp(-t*sigma^2/n))\n";
  static final String CHECK = """
      name: regression
      kind: linear-regression
      loss: half-mean
      data: {rows: 2, cols: 4, seed: 1}
      truth: random
      init: random
      noise: 0.1
      times: [1, Infinity]
      predicts:
        component: COMPONENT
        mean:
          term: (a0 - astar)^2*Exp(-2*sigma^2*t/n) + eps^2/sigma^2*(1 - Exp(-sigma^2*t/n))^2
          plus: bnull2
      tolerance: 1e-8
      """;

  @RegisterExtension final KindFixture fixture = KindFixture.with(DEFINITIONS);

  @Test
  void theClosedFormsAgreeWithTheFlowAndAttachAFigure() {
    ClaimResult r = fixture.assertVerdict(Verdict.AGREES, CHECK.replace("COMPONENT", "a(t, a0, z, sigma, n)"));
    assertFalse(Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }

  @Test
  void aComponentDecayingTwiceAsFastIsCaught() {
    fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("COMPONENT", "a(2*t, a0, z, sigma, n)"));
  }

  @Test
  void anUnknownLossNamesTheFieldAndLine() {
    fixture.assertReadingError(CHECK.replace("COMPONENT", "a(t, a0, z, sigma, n)").replace("half-mean",
        "squared"), "loss: squared",
        "'loss' must be half-mean, mean or sum, got 'squared'");
  }
}
