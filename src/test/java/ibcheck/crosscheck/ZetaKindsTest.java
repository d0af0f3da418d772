package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kinds zeta, variational and wide-relu, run through the gate on small files. */
class ZetaKindsTest {
  @TempDir Path dir;

  static String file(String id, String zeta, String checks) {
    return TheoremFiles.theorem(id, "symbols: {x: real, sw: positive, sb: positive}\ndefine:\n"
        + "  pN(t_, s_): Exp(-t^2/(2*s^2))/(Sqrt(2*Pi)*s)\n"
        + "  zetaG(x_, sw_, sb_): " + zeta + "\n", "  - name: trivial\n    show: x == x\n")
        + "crosschecks:\n" + checks;
  }

  static final String QUADRATURE = """
        - name: quadrature
          kind: zeta
          method: quadrature
          init:
            W: normal(0, sw)
            B: normal(0, sb)
          density: pN(w, sw)*pN(b, sb)
          zeta: zetaG(x, sw, sb)
          params: {sw: 0.7, sb: 1.3}
          points: [-2, 0, 0.5, 3]
          tolerance: 1e-9
        - name: monte carlo
          kind: zeta
          method: monte-carlo
          init:
            W: normal(0, sw)
            B: normal(0, sb)
          density: pN(w, sw)*pN(b, sb)
          zeta: zetaG(x, sw, sb)
          params: {sw: 0.7, sb: 1.3}
          bins: {from: -3*sb/sw, to: 3*sb/sw, count: 8}
          samples: 50000
          seed: 3
          z: 5
          tolerance: 1e-9
        """;

  @Test
  void theRightClosedFormAgreesAndAWrongOneDoesNot() {
    String right = "2*sw^3*sb^3/(Pi*(sb^2 + sw^2*x^2)^2)";
    TheoremFiles.Run ok = TheoremFiles.check(dir.resolve("ok"), Map.of("ok.yaml", file("ok", right, QUADRATURE)));
    ClaimResult q = ok.claim("ok", "quadrature");
    assertEquals(Verdict.AGREES, q.verdict(), q.message());
    assertEquals(Verdict.AGREES, ok.claim("ok", "monte carlo").verdict(), ok.claim("ok", "monte carlo").message());
    assertEquals(1, Figure.of(q.evidence()).size());
    String wrong = "2*sw^2*sb^3/(Pi*(sb^2 + sw^2*x^2)^2)";
    TheoremFiles.Run bad = TheoremFiles.check(dir.resolve("bad"), Map.of("bad.yaml", file("bad", wrong, QUADRATURE)));
    assertEquals(Verdict.DISAGREES, bad.claim("bad", "quadrature").verdict());
    assertEquals(Verdict.DISAGREES, bad.claim("bad", "monte carlo").verdict());
  }

  @Test
  void variationalEndsAreData() {
    String check = """
        - name: spline
          kind: variational
          zeta: 1
          data: {x: [-2, -1, 0, 1, 2], y: [1.5, 0.5, 1.5, 0.5, 1.5]}
          ends: %s
          reference: cubic-spline
          tolerance: 1e-6
        """;
    TheoremFiles.Run natural = TheoremFiles.check(dir.resolve("n"),
        Map.of("n.yaml", file("n", "1", check.formatted("natural"))));
    assertEquals(Verdict.AGREES, natural.claim("n", "spline").verdict(), natural.claim("n", "spline").message());
    TheoremFiles.Run clamped = TheoremFiles.check(dir.resolve("c"),
        Map.of("c.yaml", file("c", "1", check.formatted("clamped"))));
    assertEquals(Verdict.DISAGREES, clamped.claim("c", "spline").verdict());
  }

  @Test
  void aSweepNeedsAVerdictAndLawsMustBeKnown() {
    String sweep = """
        - name: sweep
          kind: wide-relu
          train: output-layer
          init:
            W: %s
            B: uniform(-2, 2)
          zeta: 1
          data: {x: [-2, -1, 0, 1, 2], y: [1.5, 0.5, 1.5, 0.5, 1.5]}
          ends: natural
          widths: [100, 400, 1600]
          seeds: [1, 2]
        %s""";
    TheoremFiles.Run noVerdict = TheoremFiles.check(dir.resolve("v"),
        Map.of("v.yaml", file("v", "1", sweep.formatted("uniform(-1, 1)", ""))));
    assertTrue(noVerdict.output().contains("needs a verdict"), noVerdict.output());
    TheoremFiles.Run badLaw = TheoremFiles.check(dir.resolve("l"),
        Map.of("l.yaml", file("l", "1", sweep.formatted("cauchy(0, 1)", "  band: [-0.75, -0.25]\n"))));
    assertTrue(badLaw.output().contains("unknown law 'cauchy'") && badLaw.output().contains("l.yaml:"), badLaw.output());
    TheoremFiles.Run ok = TheoremFiles.check(dir.resolve("o"),
        Map.of("o.yaml", file("o", "1", sweep.formatted("uniform(-1, 1)", "  band: [-0.9, -0.1]\n"))));
    ClaimResult r = ok.claim("o", "sweep");
    assertTrue(r.verdict() == Verdict.AGREES || r.verdict() == Verdict.DISAGREES, r.message());
    assertEquals(2, Figure.of(r.evidence()).size());
  }
}
