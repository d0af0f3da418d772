package ibcheck.crosscheck.kinds.relu1d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code linearisation} kind: training only the output layer stays within O(1/n) of training all parameters. */
class LinearisationKindTest {
  static final String CHECK = """
      name: c
      kind: linearisation
      claim: output-layer
      data: {x: [-1.5, 0, 1.5], y: [1, -0.5, 0.8]}
      init: {w: 1, b: 2}
      sweep: {width: [100, 400, 1600]}
      seeds: 2
      eta: 1
      grid: [-2, 2, 21]
      predicts: {exponent: EXPONENT}
      band: 0.3
      """;

  @TempDir Path dir;

  @Test
  void theOutputLayerStaysWithinOneOverN() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("EXPONENT", "-1"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void aRateOfOneOverSqrtNIsCaught() {
    ClaimResult r = KindFixture.with(dir, "").run(CHECK.replace("EXPONENT", "-1/2"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void anUnstableStepNamesTheFieldAndLine() {
    KindFixture fixture = KindFixture.with(dir, "");
    ClaimResult r = fixture.run(CHECK.replace("EXPONENT", "-1").replace("eta: 1", "eta: 2.5"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("eta: 2.5"), r.location());
    assertEquals("'eta' must be in (0, 2), got 2.5", r.message());
  }
}
