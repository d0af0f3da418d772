package ibcheck.crosscheck.kinds.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @TempDir Path dir;

  @Test
  void theSharpnessGdEndsAtIsAtMostTwoOverEta() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("BOUND", "2/eta"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void aBoundOfOneOverEtaIsCaught() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("BOUND", "1/eta"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
    assertTrue(r.message().contains("GD converged to a minimum of sharpness"), r.message());
  }

  @Test
  void aCloseOutsideItsRangeNamesTheFieldAndLine() {
    KindFixture fixture = KindFixture.with(dir, "");
    ClaimResult r = fixture.run(CHECK.replace("BOUND", "2/eta") + "close: 2\n");
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("close: 2"), r.location());
    assertEquals("'close' must be in (0, 1], got 2", r.message());
  }
}
