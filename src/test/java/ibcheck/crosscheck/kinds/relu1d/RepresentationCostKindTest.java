package ibcheck.crosscheck.kinds.relu1d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code representation-cost} kind: Savarese et al.'s least cost max(V, (|S| + V)/2) of an interpolant. */
class RepresentationCostKindTest {
  static final String CHECK = """
      name: c
      kind: representation-cost
      claim: minimum
      cost: COST
      minimum: rstar(V, S)
      data:
        - {x: [-1, 0, 1], y: [-1, 0, 1]}
        - {x: [-1, 0, 1], y: [0, 1, 0]}
      random: {count: 5, seed: 5}
      tolerance: 1e-9
      """;

  @TempDir Path dir;
  KindFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = KindFixture.definitionsOf(dir, "savarese2019-relu-1d");
  }

  @Test
  void theLeastCostIsTheClosedForm() {
    ClaimResult r = fixture.run(CHECK.replace("COST", "rcost(tv, ends)"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void theTwoTermsAddedInsteadOfTheLargerOneAreCaught() {
    ClaimResult r = fixture.run(CHECK.replace("COST", "tv + Abs(ends)"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void anUnknownClaimNamesTheFieldAndLine() {
    ClaimResult r = fixture.run(CHECK.replace("COST", "rcost(tv, ends)").replace("claim: minimum", "claim: lowest"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("claim: lowest"), r.location());
    assertEquals("'claim' must be minimum, bound or attained, got 'lowest'", r.message());
  }
}
