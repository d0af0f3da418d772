package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numeric cross-checks through the gate: the shipped ones agree, a mutant of the potential in the
 * file makes them disagree, and bad blocks or budgets are errors that say where and why.
 */
class CrosscheckGateTest {
  static final String Q_ALPHA = "woodworth2020-q-alpha";
  static final String Q_K = "azulay2021-q-k";
  static final String Q_DEPTH3 = "woodworth2020-q-depth3";

  @TempDir Path dir;

  static String shipped(String id) {
    try {
      return Files.readString(Path.of("theorems/" + id + ".yaml"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The file with its derivation cut to one trivial step: the cross-checks depend only on the
   * definitions and the crosschecks block, and the symbolic steps would dominate the test's time.
   */
  static String crosschecksOnly(String text) {
    int start = text.indexOf("\nderivation:\n");
    int end = text.indexOf("\ncrosschecks:\n");
    assertTrue(start > 0 && end > start, "file has derivation then crosschecks");
    return text.substring(0, start) + "\nderivation:\n  - name: trivial\n    show: 1 + 1 == 2\n" + text.substring(end);
  }

  /** Renames the theorem and applies one textual mutation, failing if it does not apply. */
  static String mutant(String text, String id, String from, String to) {
    assertTrue(text.contains(from), "mutation site '" + from + "' present");
    return text.replaceFirst("id: [^\\n]+", "id: " + id).replace(from, to);
  }

  static List<ClaimResult> crosschecks(TheoremFiles.Run run, String id) {
    return run.theorem(id).claims().stream().filter(c -> c.kind() == ClaimKind.CROSSCHECK).toList();
  }

  @Test
  void theShippedCrosschecksAgreeToOneInAMillion() {
    var run = TheoremFiles.check(dir, Map.of(
        "a.yaml", shipped(Q_ALPHA), "b.yaml", shipped(Q_K), "c.yaml", shipped(Q_DEPTH3)));
    for (String id : List.of(Q_ALPHA, Q_K, Q_DEPTH3)) {
      assertTrue(run.theorem(id).passes(), run.output());
      List<ClaimResult> checks = crosschecks(run, id);
      assertTrue(checks.size() >= 1, id + " has cross-checks");
      for (ClaimResult c : checks) {
        assertEquals(Verdict.AGREES, c.verdict(), c.message());
        if (c.evidence().containsKey("max_error")) {
          double err = (Double) c.evidence().get("max_error");
          assertTrue(err <= 1e-6, id + ": " + err);
          List<?> points = (List<?>) c.evidence().get("points");
          Map<?, ?> first = (Map<?, ?>) points.get(0);
          if (c.evidence().containsKey("conserved")) {
            continue; // an invariant check reports drifts, not limits
          }
          assertEquals(12, ((List<?>) first.get("flow_limit")).size());
          assertEquals(12, ((List<?>) first.get("prediction")).size());
          assertTrue(first.containsKey("certificate") && first.containsKey("distance_to_min_l1"));
        }
      }
    }
  }

  @Test
  void untiedShapesWithReciprocalRatiosReachTheSameLimitAndRatioOneAnother() {
    var run = TheoremFiles.check(dir, Map.of("b.yaml", crosschecksOnly(shipped(Q_K))));
    ClaimResult shapes = crosschecks(run, Q_K).get(0);
    assertEquals(Verdict.AGREES, shapes.verdict(), shapes.message());
    List<?> points = (List<?>) shapes.evidence().get("points");
    List<?> ratioTenth = (List<?>) ((Map<?, ?>) points.get(0)).get("flow_limit");
    List<?> ratioOne = (List<?>) ((Map<?, ?>) points.get(1)).get("flow_limit");
    List<?> ratioTen = (List<?>) ((Map<?, ?>) points.get(2)).get("flow_limit");
    assertTrue(maxDiff(ratioTenth, ratioTen) < 1e-8, "u0/v0 = 0.1 and 10: " + maxDiff(ratioTenth, ratioTen));
    assertTrue(maxDiff(ratioTenth, ratioOne) > 1e-3, "u0/v0 = 0.1 and 1: " + maxDiff(ratioTenth, ratioOne));
  }

  private static double maxDiff(List<?> a, List<?> b) {
    double m = 0;
    for (int i = 0; i < a.size(); i++) {
      m = Math.max(m, Math.abs((Double) a.get(i) - (Double) b.get(i)));
    }
    return m;
  }

  @Test
  void mutantPotentialsMakeEveryShippedAgreementCrosscheckDisagree() {
    Map<String, String> files = new LinkedHashMap<>();
    String qa = crosschecksOnly(shipped(Q_ALPHA));
    files.put("m1.yaml", mutant(qa, "m-qa-constant", "Sqrt(4 + z^2)", "Sqrt(2 + z^2)"));
    files.put("m2.yaml", mutant(qa, "m-qa-scaling", "Qa(b_, alpha_): alpha^2*q(b/alpha^2)", "Qa(b_, alpha_): alpha^3*q(b/alpha^3)"));
    String qk = crosschecksOnly(shipped(Q_K));
    files.put("m3.yaml", mutant(qk, "m-qk-constant", "sqrtk(alpha_, s_): 4*alpha*", "sqrtk(alpha_, s_): 2*alpha*"));
    files.put("m4.yaml", mutant(qk, "m-qk-scaling", "ArcSinh(2*x/Sqrt(k))", "ArcSinh(x/Sqrt(k))"));
    files.put("m5.yaml", mutant(qk, "m-qk-shape", "(1 + s^2)/(1 - s^2)", "(1 + s)/(1 - s^2)"));
    String d3 = crosschecksOnly(shipped(Q_DEPTH3));
    files.put("m6.yaml", mutant(d3, "m-d3-exponent", "h3(z_): (1 - z)^(-3) - (1 + z)^(-3)", "h3(z_): (1 - z)^(-2) - (1 + z)^(-2)"));
    files.put("m7.yaml", mutant(d3, "m-d3-scaling", "link: alpha^3*h3(z)", "link: alpha^2*h3(z)"));
    var run = TheoremFiles.check(dir, files);
    for (String id : List.of("m-qa-constant", "m-qa-scaling", "m-qk-constant", "m-qk-scaling", "m-qk-shape",
        "m-d3-exponent", "m-d3-scaling")) {
      List<ClaimResult> agreement = crosschecks(run, id).stream()
          .filter(c -> c.name().startsWith("the gradient-flow limit is argmin")).toList();
      assertTrue(!agreement.isEmpty(), id);
      boolean anyDisagrees = false;
      for (ClaimResult c : agreement) {
        assertNotEquals(Verdict.ERROR, c.verdict(), id + ": " + c.message());
        anyDisagrees |= c.verdict() == Verdict.DISAGREES;
        if (c.verdict() == Verdict.DISAGREES) {
          assertTrue((Double) c.evidence().get("max_error") > 1e-3, id + ": " + c.message());
          assertTrue(c.message().contains("from argmin of"), c.message());
        }
      }
      assertTrue(anyDisagrees, id + " must make a cross-check disagree: " + run.output());
    }
    // the shape mutant breaks only the shapes sweep, where s and -s must give the same limit
    assertEquals(Verdict.DISAGREES, crosschecks(run, "m-qk-shape").get(0).verdict());
    // both Q_k sweeps see a wrong constant in sqrt k
    // (the conserved quantity u^2 - v^2 does not involve the potential, so its invariant check still agrees)
    crosschecks(run, "m-qk-constant").stream().filter(c -> !c.evidence().containsKey("conserved"))
        .forEach(c -> assertEquals(Verdict.DISAGREES, c.verdict(), c.message()));
  }

  @Test
  void thresholdFormulasThatAreTooGenerousMakeTheTheorem2CrosschecksDisagree() {
    String qa = crosschecksOnly(shipped(Q_ALPHA));
    // reciprocal exponents: a transcription slip that puts alpha_1 near 1, deep in the kernel regime
    var run = TheoremFiles.check(dir, Map.of(
        "t0.yaml", qa,
        "t1.yaml", mutant(qa, "m-l1-exponents", "Min((2*(1 + eps)*n1)^(-(2 + eps)/(2*eps)), Exp(-dim/(eps*n1)))",
            "Min((2*(1 + eps)*n1)^(-eps/(2 + eps)), Exp(-eps*n1/dim))"),
        "t2.yaml", mutant(qa, "m-l2-scale", "Sqrt(2*(1 + eps)*(1 + 2/eps)*n2)", "Sqrt(2*(1 + eps)*(1 + 2/eps)*n2)/1000")));
    assertEquals(Verdict.AGREES, threshold(run, Q_ALPHA, "l1").verdict(), threshold(run, Q_ALPHA, "l1").message());
    assertEquals(Verdict.AGREES, threshold(run, Q_ALPHA, "l2").verdict(), threshold(run, Q_ALPHA, "l2").message());
    ClaimResult l1 = threshold(run, "m-l1-exponents", "l1");
    assertEquals(Verdict.DISAGREES, l1.verdict(), l1.message());
    assertTrue(l1.message().contains("||beta||_1 = "), l1.message());
    assertEquals(Verdict.AGREES, threshold(run, "m-l1-exponents", "l2").verdict());
    ClaimResult l2 = threshold(run, "m-l2-scale", "l2");
    assertEquals(Verdict.DISAGREES, l2.verdict(), l2.message());
    assertTrue(l2.message().contains("||beta||_2^2 = "), l2.message());
  }

  private static ClaimResult threshold(TheoremFiles.Run run, String id, String side) {
    return crosschecks(run, id).stream().filter(c -> c.name().startsWith("Theorem 2, " + side + " side"))
        .findFirst().orElseThrow();
  }

  @Test
  void aFlowThatRunsOutOfItsBudgetIsAnErrorNamingTheModelAndTheLastCertificate() {
    String text = crosschecksOnly(shipped(Q_ALPHA)).replace("    tolerance: 1e-6\n",
        "    tolerance: 1e-6\n    max-evaluations: 50\n");
    var run = TheoremFiles.check(dir, Map.of("a.yaml", text));
    ClaimResult c = crosschecks(run, Q_ALPHA).get(0);
    assertEquals(Verdict.ERROR, c.verdict());
    assertTrue(c.message().contains("model 'diagonal-network'"), c.message());
    assertTrue(c.message().contains("within 50 evaluations"), c.message());
    assertTrue(c.message().contains("last certificate: t = "), c.message());
    assertTrue(c.message().contains("alpha = 0.0500"), c.message());
    assertTrue(c.evidence().containsKey("last_certificate"), c.evidence().toString());
    assertTrue(c.location().matches(".*a\\.yaml:\\d+"), c.location());
    // the regime check of the same file still ran
    assertEquals(Verdict.AGREES, crosschecks(run, Q_ALPHA).get(1).verdict());
  }

  @Test
  void aDivergingModelIsAnErrorNamingTheModelAndTheLastCertificate() {
    ibcheck.TestModels.registerAscendingModel();
    String text = crosschecksOnly(shipped(Q_ALPHA)).replace("model: diagonal-network", "model: ascending-network");
    var run = TheoremFiles.check(dir, Map.of("a.yaml", text));
    ClaimResult c = crosschecks(run, Q_ALPHA).get(0);
    assertEquals(Verdict.ERROR, c.verdict(), c.message());
    assertTrue(c.message().contains("model 'ascending-network' diverged"), c.message());
    assertTrue(c.message().contains("last certificate"), c.message());
  }

  @Test
  void malformedCrosscheckBlocksAreReportedWithFileAndLine() {
    String base = crosschecksOnly(shipped(Q_ALPHA));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("bad-tolerance.yaml", mutant(base, "bad-tolerance", "tolerance: 1e-6", "tolerance: tiny"));
    files.put("bad-model.yaml", mutant(base, "bad-model", "model: diagonal-network\n    sweep: {alpha: [0.05",
        "model: diagonal-netwrok\n    sweep: {alpha: [0.05"));
    files.put("bad-setting.yaml", mutant(base, "bad-setting", "sweep: {alpha: [0.05, 0.3, 1, 3]}",
        "sweep: {scale: [0.05, 0.3, 1, 3]}"));
    files.put("bad-field.yaml", mutant(base, "bad-field", "    tolerance: 1e-6\n", "    tolerance: 1e-6\n    tolerence: 1\n"));
    files.put("bad-alpha.yaml", mutant(base, "bad-alpha", "[0.05, 0.3, 1, 3]", "[0.05, -0.3, 1, 3]"));
    var run = TheoremFiles.check(dir, files);
    assertError(run, "bad-tolerance", "must be a number or a fraction a/b, got 'tiny'");
    assertError(run, "bad-model", "unknown model 'diagonal-netwrok'");
    assertError(run, "bad-setting", "needs the settings [alpha]");
    assertError(run, "bad-field", "unknown field 'tolerence'");
    assertError(run, "bad-alpha", "'alpha' must be positive");
  }

  private static void assertError(TheoremFiles.Run run, String stem, String text) {
    var t = run.theorem(stem); // unreadable files are reported under their file name
    assertEquals(Verdict.ERROR, t.verdict());
    ClaimResult c = t.claims().get(0);
    assertTrue(c.message().contains(text), c.message());
    assertTrue(c.location().matches(".*" + stem + "\\.yaml:\\d+"), c.location());
  }
}
