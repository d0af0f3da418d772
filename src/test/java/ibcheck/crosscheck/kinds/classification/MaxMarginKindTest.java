package ibcheck.crosscheck.kinds.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code max-margin} kind: the exponential-loss flow's direction tends to the max-margin separator like 1/log t. */
class MaxMarginKindTest {
  static final String CHECK = """
      name: c
      kind: max-margin
      model: linear
      data: {n: 8, dim: 3, gap: 0.3, seed: 5}
      loss: lexp(u)
      method: flow
      log-time: 150
      predicts:
        rate: RATE
        offset: offs(alpha, eta)
      tolerance: 1e-6
      band: 1e-3
      """;

  @TempDir Path dir;
  KindFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = KindFixture.definitionsOf(dir, "soudry2018-max-margin");
  }

  @Test
  void theFlowsDirectionAndOffsetAreTheMaxMarginOnes() {
    ClaimResult r = fixture.run(CHECK.replace("RATE", "1/Log(t)"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void aFasterRateThanOneOverLogTIsCaught() {
    ClaimResult r = fixture.run(CHECK.replace("RATE", "1/Sqrt(Log(t))"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void anUnknownMethodNamesTheFieldAndLine() {
    ClaimResult r = fixture.run(CHECK.replace("RATE", "1/Log(t)").replace("method: flow", "method: newton"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("method: newton"), r.location());
    assertEquals("'method' must be flow or gd, got 'newton'", r.message());
  }
}
