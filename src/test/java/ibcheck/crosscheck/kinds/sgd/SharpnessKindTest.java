package ibcheck.crosscheck.kinds.sgd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code sharpness} kind: GD on a small two-layer tanh network ends at a minimum of sharpness at most 2/eta. */
class SharpnessKindTest {
  static final String CHECK = """
      name: c
      kind: sharpness
      model: two-layer-network
      init: {rows: 10, cols: 3, hidden: 8, seed: 7}
      sweep: {eta: [0.5, 2]}
      predicts:
        bound: BOUND
      tolerance: 1e-6
      """;

  @RegisterExtension final KindFixture fixture = KindFixture.with("");

  @Test
  void theSharpnessGdEndsAtIsAtMostTwoOverEta() {
    fixture.assertVerdict(Verdict.AGREES, CHECK.replace("BOUND", "2/eta"));
  }

  @Test
  void aBoundOfOneOverEtaIsCaught() {
    ClaimResult r = fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("BOUND", "1/eta"));
    assertTrue(r.message().contains("GD converged to a minimum of sharpness"), r.message());
  }

  @Test
  void aCloseOutsideItsRangeNamesTheFieldAndLine() {
    fixture.assertReadingError(CHECK.replace("BOUND", "2/eta") + "close: 2\n", "close: 2",
        "'close' must be in (0, 1], got 2");
  }
}
