package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension point for new kinds of cross-check: a kind registered in {@link CheckKinds} is read
 * from a theorem file, run by the gate, marked as conjecture evidence on request, and its figures
 * reach the report.
 */
class CheckKindsTest {
  @TempDir Path dir;

  /** A toy kind: the file's formula in x, at listed points, must equal a stated value. */
  record Constant(CheckKind.Header header, String formula, double[] points, double value, double tolerance)
      implements NumericCheck {



    @Override
    public ClaimResult run(TheoremSession session) {
      try {
        var f = FileFormula.compile(session, formula, List.of("x"));
        double[] y = new double[points.length];
        double error = 0;
        for (int i = 0; i < points.length; i++) {
          y[i] = f.value(points[i]);
          error = Math.max(error, Math.abs(y[i] - value));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("max_error", error);
        new Figure("the formula at the points", "x", "formula", List.of(new Figure.Series("formula", points, y)))
            .addTo(evidence);
        return new ClaimResult(name(), ClaimKind.CROSSCHECK, error <= tolerance ? Verdict.AGREES : Verdict.DISAGREES,
            0, "max error " + error, location(), evidence);
      } catch (InvalidExpressionException e) {
        return ClaimResult.failure(name(), ClaimKind.CROSSCHECK, Verdict.ERROR, 0, e.getMessage(), location());
      }
    }

    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      throw new IllegalArgumentException("nothing to draw");
    }
  }

  @BeforeAll
  static void register() {
    CheckKinds.register(new CheckKind() {
      @Override
      public String name() {
        return "test-constant";
      }

      @Override
      public Set<String> fields() {
        return Set.of("formula", "points", "equals", "tolerance");
      }

      @Override
      public NumericCheck read(Header header, Map<String, YamlNode> fields, YamlNode node) {
        List<YamlNode> pts = YamlNode.require(fields, "points", node).sequence();
        double[] points = pts.stream().mapToDouble(YamlNode::number).toArray();
        return new Constant(header, YamlNode.require(fields, "formula", node).text(), points,
            YamlNode.require(fields, "equals", node).number(), YamlNode.require(fields, "tolerance", node).number());
      }
    });
  }

  private static String file(String id, String formula, String extra) {
    return TheoremFiles.theorem(id, "symbols: {x: real}", "  - name: trivial\n    show: x == x\n")
        + "crosschecks:\n  - name: constant\n    kind: test-constant\n    formula: " + formula
        + "\n    points: [0, 1, 2]\n    equals: 1\n    tolerance: 1e-12\n" + extra;
  }

  @Test
  void aRegisteredKindRunsAndItsFigureReachesTheReport() throws Exception {
    TheoremFiles.Run run = TheoremFiles.check(dir, Map.of("ok.yaml", file("ok", "Cos(x)^2 + Sin(x)^2", "")));
    ClaimResult c = run.claim("ok", "constant");
    assertEquals(Verdict.AGREES, c.verdict(), c.message());
    assertEquals(1, Figure.of(c.evidence()).size());
    String page = Files.readString(dir.resolve("reports/theorems/ok.html"));
    assertTrue(page.contains("<figcaption>the formula at the points</figcaption>") && page.contains("<svg"), page);
  }

  @Test
  void aWrongFormulaDisagrees() {
    ClaimResult c = TheoremFiles.check(dir, Map.of("bad.yaml", file("bad", "Cos(x)^2 + Sin(x)", ""))).claim("bad", "constant");
    assertEquals(Verdict.DISAGREES, c.verdict(), c.message());
  }

  @Test
  void aConjectureThatAgreesIsEvidenceNotATheorem() {
    ClaimResult c = TheoremFiles.check(dir, Map.of("conj.yaml", file("conj", "1", "    conjecture: true\n")))
        .claim("conj", "constant");
    assertEquals(Verdict.EVIDENCE, c.verdict(), c.message());
    assertTrue(c.message().startsWith("numeric evidence for a conjecture"), c.message());
  }

  @Test
  void aConjectureThatFailsStillFails() {
    ClaimResult c = TheoremFiles.check(dir, Map.of("conj.yaml", file("conj", "2", "    conjecture: true\n")))
        .claim("conj", "constant");
    assertEquals(Verdict.DISAGREES, c.verdict(), c.message());
  }

  @Test
  void aFieldTheKindDoesNotTakeIsAnErrorWithItsLine() {
    TheoremFiles.Run run = TheoremFiles.check(dir, Map.of("typo.yaml", file("typo", "1", "    sweep: {x: [1]}\n")));
    assertTrue(run.output().contains("typo.yaml:16") && run.output().contains("sweep"), run.output());
  }
}
