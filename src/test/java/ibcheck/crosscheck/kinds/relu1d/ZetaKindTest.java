package ibcheck.crosscheck.kinds.relu1d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code zeta} kind: the Gaussian closed form against the defining integral (quadrature) and Monte Carlo. */
class ZetaKindTest {
  static final String RIGHT = "2*sw^3*sb^3/(Pi*(sb^2 + sw^2*x^2)^2)";
  static final String WRONG = "2*sw^2*sb^3/(Pi*(sb^2 + sw^2*x^2)^2)";
  /** What both methods share: the law of (W, B), its density, the closed form and its parameters. */
  static final String LAW = """
      kind: zeta
      init:
        W: normal(0, sw)
        B: normal(0, sb)
      density: pN(w, sw)*pN(b, sb)
      zeta: zetaG(x, sw, sb)
      params: {sw: 0.7, sb: 1.3}
      tolerance: 1e-9
      """;
  static final String QUADRATURE = "name: quadrature\nmethod: quadrature\n" + LAW + "points: [-2, 0, 0.5, 3]\n";
  static final String MONTE_CARLO = "name: monte carlo\nmethod: monte-carlo\n" + LAW
      + "bins: {from: -3*sb/sw, to: 3*sb/sw, count: 8}\nsamples: 50000\nseed: 3\nz: 5\n";

  @TempDir Path dir;

  @Test
  void theRightClosedFormAgreesAndAWrongOneDoesNot() {
    KindFixture right = KindFixture.with(dir.resolve("ok"), Relu1dFiles.definitions(RIGHT));
    ClaimResult q = right.assertVerdict(Verdict.AGREES, QUADRATURE);
    right.assertVerdict(Verdict.AGREES, MONTE_CARLO);
    assertEquals(1, Figure.of(q.evidence()).size());
    KindFixture wrong = KindFixture.with(dir.resolve("bad"), Relu1dFiles.definitions(WRONG));
    assertEquals(Verdict.DISAGREES, wrong.run(QUADRATURE).verdict());
    assertEquals(Verdict.DISAGREES, wrong.run(MONTE_CARLO).verdict());
  }

  @Test
  void anUnknownLawNamesTheInitAndLine() {
    KindFixture fixture = KindFixture.with(dir, Relu1dFiles.definitions(RIGHT));
    fixture.assertReadingError(QUADRATURE.replace("W: normal(0, sw)", "W: cauchy(0, sw)"), "W: cauchy(0, sw)",
        "unknown law 'cauchy' in 'cauchy(0, sw)' (known: normal, uniform, choice)");
  }
}
