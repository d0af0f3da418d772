package ibcheck.crosscheck.kinds.relu1d;


import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

  @RegisterExtension final KindFixture fixture = KindFixture.definitionsOf("savarese2019-relu-1d");

  @Test
  void theLeastCostIsTheClosedForm() {
    fixture.assertVerdict(Verdict.AGREES, CHECK.replace("COST", "rcost(tv, ends)"));
  }

  @Test
  void theTwoTermsAddedInsteadOfTheLargerOneAreCaught() {
    fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("COST", "tv + Abs(ends)"));
  }

  @Test
  void anUnknownClaimNamesTheFieldAndLine() {
    fixture.assertReadingError(CHECK.replace("COST", "rcost(tv, ends)").replace("claim: minimum",
        "claim: lowest"), "claim: lowest",
        "'claim' must be minimum, bound or attained, got 'lowest'");
  }
}
