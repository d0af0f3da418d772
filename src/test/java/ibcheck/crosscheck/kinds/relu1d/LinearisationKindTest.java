package ibcheck.crosscheck.kinds.relu1d;


import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;

/** The {@code linearisation} kind: training only the output layer stays within O(1/n) of training all parameters. */
class LinearisationKindTest extends KindContract {
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

  LinearisationKindTest() {
    super(KindFixture.with(""), new Claims(CHECK, "EXPONENT", "-1", "-1/2", Verdict.DISAGREES, "eta: 1", "eta: 2.5",
        "eta: 2.5", "'eta' must be in (0, 2), got 2.5"));
  }

}
