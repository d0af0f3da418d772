package ibcheck.crosscheck.kinds.relu1d;


import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;

/** The {@code representation-cost} kind: Savarese et al.'s least cost max(V, (|S| + V)/2) of an interpolant. */
class RepresentationCostKindTest extends KindContract {
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

  RepresentationCostKindTest() {
    super(KindFixture.definitionsOf("savarese2019-relu-1d"), new Claims(CHECK, "COST", "rcost(tv, ends)",
        "tv + Abs(ends)", Verdict.DISAGREES, "claim: minimum", "claim: lowest", "claim: lowest",
        "'claim' must be minimum, bound or attained, got 'lowest'"));
  }

}
