package ibcheck.crosscheck.kinds.regression;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;

/** The {@code linear-regression} kind: the closed-form components and the expected error of GD on noisy linear regression. */
class LinearRegressionKindTest extends KindContract {
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

  LinearRegressionKindTest() {
    super(KindFixture.with(DEFINITIONS), new Claims(CHECK, "COMPONENT", "a(t, a0, z, sigma, n)", "a(2*t, a0, z, sigma, n)",
        Verdict.DISAGREES, "loss: half-mean", "loss: squared", "loss: squared",
        "'loss' must be half-mean, mean or sum, got 'squared'"));
  }

  @Override
  protected void passes(ClaimResult r) {
    assertFalse(Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }
}
