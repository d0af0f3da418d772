package ibcheck.crosscheck.kinds.relu1d;


import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;

/** The {@code variational} kind: with constant zeta the Euler-Lagrange solution is the natural cubic spline; its ends are data. */
class VariationalKindTest extends KindContract {
  static final String CHECK = """
      name: spline
      kind: variational
      zeta: 1
      data: {x: [-2, -1, 0, 1, 2], y: [1.5, 0.5, 1.5, 0.5, 1.5]}
      ends: ENDS
      reference: cubic-spline
      tolerance: 1e-6
      """;

  VariationalKindTest() {
    super(KindFixture.with(Relu1dFiles.definitions("1")), new Claims(CHECK, "ENDS", "natural", "clamped",
        Verdict.DISAGREES, "ends: natural", "ends: free", "ends: free", "'ends' must be natural or clamped, got 'free'"));
  }

}
