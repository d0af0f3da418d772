package ibcheck.crosscheck.kinds.relu1d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @TempDir Path dir;

  @Test
  void naturalEndsGiveTheCubicSpline() {
    ClaimResult r = KindFixture.with(dir, Relu1dFiles.definitions("1")).run(CHECK.formatted("natural"));
    assertEquals(Verdict.AGREES, r.verdict(), r.message());
  }

  @Test
  void clampedEndsAreNotTheCubicSpline() {
    ClaimResult r = KindFixture.with(dir, Relu1dFiles.definitions("1")).run(CHECK.formatted("clamped"));
    assertEquals(Verdict.DISAGREES, r.verdict(), r.message());
  }

  @Test
  void unknownEndsNameTheFieldAndLine() {
    KindFixture fixture = KindFixture.with(dir, Relu1dFiles.definitions("1"));
    ClaimResult r = fixture.run(CHECK.formatted("free"));
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertEquals(fixture.location("ends: free"), r.location());
    assertEquals("'ends' must be natural or clamped, got 'free'", r.message());
  }
}
