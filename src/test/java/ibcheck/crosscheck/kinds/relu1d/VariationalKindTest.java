package ibcheck.crosscheck.kinds.relu1d;


import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code variational} kind: with constant zeta the Euler-Lagrange solution is the natural cubic spline; its ends are data. */
class VariationalKindTest {
  static final String CHECK = """
      name: spline
      kind: variational
      zeta: 1
      data: {x: [-2, -1, 0, 1, 2], y: [1.5, 0.5, 1.5, 0.5, 1.5]}
      ends: %s
      reference: cubic-spline
      tolerance: 1e-6
      """;

  @RegisterExtension final KindFixture fixture = KindFixture.with(Relu1dFiles.definitions("1"));

  @Test
  void naturalEndsGiveTheCubicSpline() {
    fixture.assertVerdict(Verdict.AGREES, CHECK.formatted("natural"));
  }

  @Test
  void clampedEndsAreNotTheCubicSpline() {
    fixture.assertVerdict(Verdict.DISAGREES, CHECK.formatted("clamped"));
  }

  @Test
  void unknownEndsNameTheFieldAndLine() {
    fixture.assertReadingError(CHECK.formatted("free"), "ends: free",
        "'ends' must be natural or clamped, got 'free'");
  }
}
