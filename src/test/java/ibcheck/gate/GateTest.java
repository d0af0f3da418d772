package ibcheck.gate;

import static ibcheck.TheoremFiles.theorem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ibcheck.TheoremFiles;
import ibcheck.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate as a whole: isolation of failures, time limits, summary.json, and the shipped theorem. */
class GateTest {
  static final String HEADER = "symbols:\n  z: real\ndefine:\n  q(z_): z^2\n";
  static final String GOOD = theorem("good", HEADER, "  - name: square\n    show: q(z) == z*z\n");

  @TempDir Path dir;

  @Test
  void aStepThatNeverTerminatesTimesOutAndLaterStepsStillRun() {
    String steps = "  - name: forever\n    show: Integrate(Abs(u)^3*Exp(-u^2/2 - (u*z)^2/2), {u, -Infinity, Infinity}) == 1\n"
        + "    timeout: 2\n"
        + "  - name: after\n    show: q(z) == z^2\n";
    String header = HEADER.replace("  z: real\n", "  z: real\n  u: real\n");
    var run = TheoremFiles.check(dir, Map.of("slow.yaml", theorem("slow", header, steps)));
    assertEquals(Verdict.TIMEOUT, run.claim("slow", "forever").verdict(), run.claim("slow", "forever").message());
    assertEquals(Verdict.PROVED, run.claim("slow", "after").verdict());
    assertTrue(run.claim("slow", "forever").seconds() < 10);
  }

  @Test
  void aMalformedFileIsReportedWithFileAndLineWhileTheOthersPass() throws Exception {
    String broken = "id: broken\ntitle: t\nsource: s\nstatement: x\nderivation:\n  - name: a\n    show: [unclosed\n";
    var run = TheoremFiles.check(dir, Map.of("a-broken.yaml", broken, "b-good.yaml", GOOD));
    var bad = run.theorem("a-broken");
    assertEquals(Verdict.ERROR, bad.verdict());
    String location = bad.claims().get(0).location();
    assertTrue(location.matches(".*a-broken\\.yaml:\\d+"), location);
    assertTrue(bad.claims().get(0).message().contains("YAML syntax error"), bad.claims().get(0).message());
    assertEquals(Verdict.PROVED, run.theorem("good").verdict());
    assertTrue(run.output().contains("a-broken.yaml:"), run.output());
    JsonNode summary = new ObjectMapper().readTree(Files.readString(dir.resolve("reports/summary.json")));
    assertEquals(2, summary.get("theorems").size());
    assertFalse(summary.get("passed").asBoolean());
  }

  @Test
  void unknownAndMissingFieldsAreNamed() {
    var run = TheoremFiles.check(dir, Map.of(
        "unknown.yaml", GOOD.replace("id: good", "id: unknown").replace("title:", "titel: x\ntitle:"),
        "missing.yaml", "id: missing\ntitle: t\nstatement: x\nderivation: []\n"));
    String unknown = run.theorem("unknown").claims().get(0).message();
    assertTrue(unknown.contains("unknown field 'titel'"), unknown);
    assertTrue(run.theorem("unknown").claims().get(0).location().endsWith("unknown.yaml:2"));
    String missing = run.theorem("missing").claims().get(0).message();
    assertTrue(missing.contains("missing required field 'source'"), missing);
  }

  @Test
  void theGatesTimeLimitReportsTheTheoremsItDidNotReachAsTimedOut() throws Exception {
    TheoremFiles.check(dir, Map.of("a.yaml", GOOD, "b.yaml", GOOD.replace("id: good", "id: other")));
    var run = TheoremFiles.run(new GateConfig(List.of(dir.resolve("theorems")), dir, dir.resolve("r2"),
        Set.of(), 1, 0));
    assertEquals(2, run.results().size());
    run.results().forEach(r -> {
      assertEquals(Verdict.TIMEOUT, r.verdict());
      assertTrue(r.claims().get(0).message().contains("time limit of 0.0 s ran out"), r.claims().get(0).message());
    });
  }

  @Test
  void severalJobsCheckTheoremsAtOnceAndKeepFileOrder() throws Exception {
    String other = theorem("other", HEADER.replace("q(z_): z^2", "q(z_): z^3"), "  - name: cube\n    show: q(z) == z*z*z\n");
    String wrong = theorem("wrong", HEADER, "  - name: square\n    show: q(z) == z^3\n");
    TheoremFiles.check(dir, Map.of("a.yaml", GOOD, "b.yaml", other, "c.yaml", wrong));
    var run = TheoremFiles.run(new GateConfig(List.of(dir.resolve("theorems")), dir, dir.resolve("r2"), Set.of(), 1,
        GateConfig.DEFAULT_TIME_LIMIT_SECONDS, 3));
    assertEquals(List.of("good", "other", "wrong"), run.results().stream().map(r -> r.id()).toList());
    assertEquals(Verdict.PROVED, run.theorem("good").verdict());
    assertEquals(Verdict.PROVED, run.theorem("other").verdict(), "each theorem has its own definitions of q");
    assertEquals(Verdict.REFUTED, run.theorem("wrong").verdict());
    JsonNode summary = new ObjectMapper().readTree(Files.readString(dir.resolve("r2/summary.json")));
    assertEquals("good", summary.get("theorems").get(0).get("id").asText());
  }

  @Test
  void duplicateIdsAreAnError() {
    var run = TheoremFiles.check(dir, Map.of("a.yaml", GOOD, "b.yaml", GOOD));
    assertEquals(2, run.results().size());
    assertTrue(run.results().get(1).claims().get(0).message().contains("duplicate theorem id 'good'"));
  }

  @Test
  void onlyNarrowsTheGateAndAnUnknownIdIsAnError() throws Exception {
    TheoremFiles.check(dir, Map.of("good.yaml", GOOD, "other.yaml", GOOD.replace("id: good", "id: other")));
    var run = TheoremFiles.run(new GateConfig(List.of(dir.resolve("theorems")), dir, dir.resolve("r2"),
        Set.of("other", "nosuch"), 1));
    assertEquals(List.of("other", "nosuch"), run.results().stream().map(r -> r.id()).toList());
    assertEquals(Verdict.ERROR, run.theorem("nosuch").verdict());
  }

  @Test
  void theShippedQAlphaTheoremPassesAndAMutantOfItsPotentialTurnsTheGateRed() throws Exception {
    String shipped = Files.readString(Path.of("theorems/woodworth2020-q-alpha.yaml"));
    String mutant = shipped.replace("id: woodworth2020-q-alpha", "id: mutant")
        .replace("q(z_): 2 - Sqrt(4 + z^2) + z*ArcSinh(z/2)", "q(z_): 2 - Sqrt(2 + z^2) + z*ArcSinh(z/2)");
    assertTrue(!mutant.equals(shipped.replace("id: woodworth2020-q-alpha", "id: mutant")), "mutation applied");
    var run = TheoremFiles.check(dir, Map.of("shipped.yaml", shipped, "mutant.yaml", mutant));
    assertTrue(run.theorem("woodworth2020-q-alpha").passes(), run.output());
    assertFalse(run.theorem("mutant").passes(), run.output());
    assertEquals(Verdict.REFUTED, run.claim("mutant", "q vanishes at the origin").verdict());
    assertFalse(Gate.passes(run.results()));
  }

  /** Runs a gate over {@code dir/theorems}, with every printed line passed to {@code onLine} as it is printed. */
  private Gate gate(Path reports, Set<String> only, double timeLimit, java.util.function.Consumer<String> onLine) {
    java.io.OutputStream sink = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = new java.io.PrintStream(sink, true, java.nio.charset.StandardCharsets.UTF_8) {
      @Override
      public void println(String x) {
        onLine.accept(x);
        super.println(x);
      }
    };
    return new Gate(new GateConfig(List.of(dir.resolve("theorems")), dir.resolve("properties"), reports, only, 1,
        timeLimit), out);
  }

  private void writeTheorems(Map<String, String> files) throws java.io.IOException {
    Path theorems = Files.createDirectories(dir.resolve("theorems"));
    for (var f : files.entrySet()) {
      Files.writeString(theorems.resolve(f.getKey()), f.getValue());
    }
  }

  @Test
  void whileARunIsUnderWayTheLastRunsPassIsGone() throws Exception {
    writeTheorems(Map.of("a.yaml", GOOD));
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(reports.resolve("summary.json"), "{\"passed\": true, \"theorems\": []}");
    Files.writeString(reports.resolve("index.html"), "<p>All claims pass</p>");
    List<String> seenMidRun = new java.util.ArrayList<>();
    gate(reports, Set.of(), 60, line -> {
      if (seenMidRun.isEmpty()) { // the first theorem has finished, the reports are not written yet
        try {
          seenMidRun.add(Files.readString(reports.resolve("summary.json")));
          seenMidRun.add(String.valueOf(Files.exists(reports.resolve("index.html"))));
        } catch (java.io.IOException e) {
          seenMidRun.add(e.toString());
        }
      }
    }).run();
    JsonNode midRun = new ObjectMapper().readTree(seenMidRun.get(0));
    assertFalse(midRun.get("passed").asBoolean(), seenMidRun.get(0));
    assertTrue(midRun.get("inProgress").asBoolean(), seenMidRun.get(0));
    assertEquals("false", seenMidRun.get(1), "the old index.html is removed before anything is checked");
    JsonNode after = new ObjectMapper().readTree(Files.readString(reports.resolve("summary.json")));
    assertTrue(after.get("passed").asBoolean());
    assertFalse(after.get("inProgress").asBoolean());
  }

  @Test
  void aReportsFolderThatCannotBeWrittenFailsTheRunBeforeAnythingIsChecked() throws Exception {
    writeTheorems(Map.of("a.yaml", GOOD));
    Path notAFolder = Files.writeString(dir.resolve("reports-is-a-file"), "x");
    Gate gate = gate(notAFolder, Set.of(), 60, line -> { });
    assertEquals(List.of(), gate.run());
    assertEquals(1, gate.problems().size());
    assertTrue(gate.problems().get(0).contains("cannot write the reports folder"), gate.problems().toString());
  }

  @Test
  void anHtmlReportThatCannotBeWrittenFailsTheRunAndSummaryJsonSaysSo() throws Exception {
    writeTheorems(Map.of("a.yaml", GOOD));
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(reports.resolve("theorems"), "a file where the pages' folder belongs");
    Gate gate = gate(reports, Set.of(), 60, line -> { });
    assertTrue(Gate.passes(gate.run()), "the theorem itself passes");
    assertTrue(gate.problems().stream().anyMatch(p -> p.contains("cannot write the HTML report")), gate.problems().toString());
    JsonNode summary = new ObjectMapper().readTree(Files.readString(reports.resolve("summary.json")));
    assertFalse(summary.get("passed").asBoolean(), summary.toString());
    assertEquals(1, summary.get("problems").size());
  }

  @Test
  void theRunsTimeLimitStopsAClaimInsideATheorem() throws Exception {
    String forever = "    show: Integrate(Abs(u)^3*Exp(-u^2/2 - (u*z)^2/2), {u, -Infinity, Infinity}) == 1\n"
        + "    timeout: 30\n";
    String steps = "  - name: forever1\n" + forever + "  - name: forever2\n" + forever + "  - name: forever3\n" + forever;
    writeTheorems(Map.of("slow.yaml", theorem("slow", HEADER.replace("  z: real\n", "  z: real\n  u: real\n"), steps)));
    long start = System.nanoTime();
    var results = gate(dir.resolve("reports"), Set.of(), 3, line -> { }).run();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 15, "a 3 s run limit took " + seconds + " s");
    var claims = results.get(0).claims();
    assertEquals(3, claims.size());
    claims.forEach(c -> {
      assertEquals(Verdict.TIMEOUT, c.verdict(), c.message());
      assertTrue(c.message().contains("the run's time limit of 3.0 s ran out"), c.message());
    });
  }

  @Test
  void aFailingTheoremPrintsEveryFailingClaim() {
    String steps = "  - name: first wrong\n    show: q(z) == z^3\n  - name: right\n    show: q(z) == z*z\n"
        + "  - name: second wrong\n    show: q(z) == 2*z^2\n";
    var run = TheoremFiles.check(dir, Map.of("w.yaml", theorem("wrong", HEADER, steps)));
    assertTrue(run.output().contains("first wrong: refuted"), run.output());
    assertTrue(run.output().contains("second wrong: refuted"), run.output());
    assertFalse(run.output().contains("right: "), run.output());
  }

  @Test
  void aMissingInputAndAnUnknownOnlyIdAreProblemsOfTheRun() throws Exception {
    writeTheorems(Map.of("a.yaml", GOOD));
    Gate unknownId = gate(dir.resolve("r1"), Set.of("good", "nosuch"), 60, line -> { });
    unknownId.run();
    assertTrue(unknownId.problems().stream().anyMatch(p -> p.contains("'nosuch'")), unknownId.problems().toString());
    Gate missing = new Gate(new GateConfig(List.of(dir.resolve("no-such.yaml")), dir, dir.resolve("r2"), Set.of(), 1),
        System.out);
    assertFalse(Gate.passes(missing.run()));
    assertTrue(missing.problems().stream().anyMatch(p -> p.contains("no such file")), missing.problems().toString());
  }

  @Test
  void propertiesDefaultToTheFolderBesideTheTheorems() throws Exception {
    Path theorems = Files.createDirectories(dir.resolve("work/theorems"));
    Path file = Files.writeString(theorems.resolve("a.yaml"), GOOD);
    Path expected = dir.resolve("work/properties").toAbsolutePath();
    assertEquals(expected, GateConfig.propertiesBeside(List.of(theorems)));
    assertEquals(expected, GateConfig.propertiesBeside(List.of(file)));
  }

  @Test
  void badRunSettingsAreRejectedNamingTheSetting() {
    for (String bad : List.of("NaN", "-1", "1e10", "abc")) {
      var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> GateConfig.timeLimit(bad));
      assertTrue(e.getMessage().contains("'" + bad + "' is not a time limit"), e.getMessage());
    }
    for (String bad : List.of("0", "-1", "x")) {
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> GateConfig.threads(bad));
    }
    System.setProperty("ibcheck.seed", "abc");
    try {
      var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, GateConfig::fromSystemProperties);
      assertTrue(e.getMessage().startsWith("-Dibcheck.seed: 'abc' is not a whole number"), e.getMessage());
    } finally {
      System.clearProperty("ibcheck.seed");
    }
  }
}
