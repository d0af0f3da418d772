package ibcheck.crosscheck.kinds.relu1d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code wide-relu} kind: a wide ReLU network trained on its output layer tends to the natural cubic spline like n^-1/2. */
class WideReluKindTest {
  static final String SWEEP = """
      name: sweep
      kind: wide-relu
      train: output-layer
      init:
        W: %s
        B: uniform(-2, 2)
      zeta: 1
      data: {x: [-2, -1, 0, 1, 2], y: [1.5, 0.5, 1.5, 0.5, 1.5]}
      ends: %s
      widths: [100, 400, 1600]
      seeds: [1, 2]
      %s""";

  @RegisterExtension final KindFixture fixture = KindFixture.with(Relu1dFiles.definitions("1"));

  private ClaimResult run(String law, String ends, String verdict) {
    return fixture.run(SWEEP.formatted(law, ends, verdict));
  }

  @Test
  void theSweepTendsToTheSplineAndDrawsTwoFigures() {
    ClaimResult r = run("uniform(-1, 1)", "natural", "band: [-0.9, -0.1]\n");
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
    assertEquals(2, Figure.of(r.evidence()).size());
  }

  @Test
  void clampedEndsAreCaught() {
    ClaimResult r = run("uniform(-1, 1)", "clamped", "band: [-0.9, -0.1]\n");
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void aSweepNeedsAVerdictAndLawsMustBeKnown() {
    ClaimResult noVerdict = fixture.assertVerdict(Verdict.ERROR, SWEEP.formatted("uniform(-1, 1)", "natural", ""));
    assertTrue(noVerdict.message().contains("needs a verdict"), noVerdict.message());
    fixture.assertReadingError(SWEEP.formatted("cauchy(0, 1)", "natural", "band: [-0.75, -0.25]\n"), "W: cauchy(0, 1)",
        "unknown law 'cauchy' in 'cauchy(0, 1)' (known: normal, uniform, choice)");
  }
}
