package ibcheck.crosscheck.kinds.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code moment} kind: SGD's one-step moment factors at Wu, Ma and E's minimum x = 1, exact over all batches. */
class MomentKindTest {
  static final String CHECK = """
      name: c
      kind: moment
      model: sgd-quadratic
      components: h1
      sweep: {B: [1, 2], eta: [0.7, 0.3]}
      predicts:
        first: 1 - eta*a
        second: SECOND
      tolerance: 1e-12
      """;

  @TempDir Path dir;
  KindFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = KindFixture.definitionsOf(dir, "wu2018-two-minima");
  }

  @Test
  void theFilesFactorsAreTheExactAveragesOverTheBatches() {
    ClaimResult r = fixture.run(CHECK.replace("SECOND", "secm(eta, a, s, n, B)"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void sInsteadOfSSquaredIsCaught() {
    ClaimResult r = fixture.run(CHECK.replace("SECOND", "(1 - eta*a)^2 + eta^2*vb(n, B)*s"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
    assertTrue(r.message().contains("second-moment formula"), r.message());
  }

  @Test
  void anUnknownMethodNamesTheFieldAndLine() {
    ClaimResult r = fixture.run(CHECK.replace("SECOND", "secm(eta, a, s, n, B)") + "method: sampled\n");
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("method: sampled"), r.location());
    assertEquals("'method' must be exact or monte-carlo, got 'sampled'", r.message());
  }
}
