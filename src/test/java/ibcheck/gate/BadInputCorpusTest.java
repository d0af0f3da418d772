package ibcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import ibcheck.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus (src/test/resources/bad-input): every malformed or hostile theorem file gets
 * a failing verdict whose one-line message names the file and contains the cause given in the
 * file's first line ({@code # expect: ...}); the gate survives all of them at once.
 */
class BadInputCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/bad-input");

  @TempDir Path dir;

  static List<Path> corpus() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  static String expected(Path file) throws IOException {
    String first = Files.readAllLines(file).get(0);
    assertTrue(first.startsWith("# expect: "), file + " states its expected message");
    return first.substring("# expect: ".length()).trim();
  }

  @TestFactory
  Stream<DynamicTest> eachBadFileFailsWithItsCauseAndFile() throws IOException {
    return corpus().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      long start = System.nanoTime();
      var run = TheoremFiles.run(new GateConfig(List.of(file), dir.resolve("none"), dir.resolve("r"), Set.of(), 1));
      double seconds = (System.nanoTime() - start) / 1e9;
      TheoremResult r = run.results().get(0);
      assertFalse(r.passes(), file + " must not pass");
      ClaimResult failed = r.claims().stream().filter(c -> !c.verdict().passes()).findFirst().orElseThrow();
      String line = failed.location() + ": " + failed.message();
      assertTrue(line.contains(expected(file)), file + ": expected '" + expected(file) + "' in: " + line);
      assertTrue(failed.location().contains(file.getFileName().toString()), "names the file: " + line);
      assertFalse(failed.message().contains("\n"), "one line: " + line);
      assertTrue(seconds < 30, file + " took " + seconds + " s");
    }));
  }

  @Test
  void theWholeCorpusAtOnceLeavesAGoodTheoremCheckedAndSummaryJsonValid() throws IOException {
    Path theorems = Files.createDirectories(dir.resolve("theorems"));
    for (Path f : corpus()) {
      Files.copy(f, theorems.resolve(f.getFileName()));
    }
    Files.writeString(theorems.resolve("zz-good.yaml"), TheoremFiles.theorem("good", "symbols:\n  z: real\n",
        "  - name: square\n    show: z^2 == z*z\n"));
    var run = TheoremFiles.run(new GateConfig(List.of(theorems), dir.resolve("none"), dir.resolve("reports"), Set.of(), 1));
    assertEquals(Verdict.PROVED, run.theorem("good").verdict());
    JsonNode summary = new ObjectMapper().readTree(Files.readString(dir.resolve("reports/summary.json")));
    assertEquals(corpus().size() + 1, summary.get("theorems").size());
    List<String> passing = new ArrayList<>();
    summary.get("theorems").forEach(t -> {
      if (!t.get("verdict").asText().equals("error") && !t.get("verdict").asText().equals("timeout")
          && !t.get("verdict").asText().equals("refuted")) {
        passing.add(t.get("id").asText());
      }
    });
    assertEquals(List.of("good"), passing);
  }

  /**
   * The property-file half of the corpus (bad-input/properties): all files run at once against one
   * good host theorem. Each must yield a failing claim whose location names the file and whose one-line
   * message contains the file's expected cause, while the host theorem's own step is still proved.
   */
  @TestFactory
  Stream<DynamicTest> eachBadPropertyFileFailsWithItsCauseAndTheHostIsStillChecked() throws IOException {
    Path corpus = CORPUS.resolve("properties");
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Path theorems = Files.createDirectories(dir.resolve("theorems"));
    Path properties = Files.createDirectories(dir.resolve("properties"));
    Files.copy(corpus.resolve("host/corpus-host.yaml"), theorems.resolve("corpus-host.yaml"));
    for (Path f : files) {
      Files.copy(f, properties.resolve(f.getFileName()));
    }
    var run = TheoremFiles.run(new GateConfig(List.of(theorems), properties, dir.resolve("reports"), Set.of(), 1));
    List<ClaimResult> failures = run.results().stream().flatMap(r -> r.claims().stream())
        .filter(c -> !c.verdict().passes()).toList();
    Stream<DynamicTest> host = Stream.of(DynamicTest.dynamicTest("the host theorem is still checked", () ->
        assertEquals(Verdict.PROVED, run.claim("corpus-host", "squares are non-negative").verdict())));
    return Stream.concat(host, files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String name = file.getFileName().toString();
      ClaimResult failed = failures.stream().filter(c -> c.location().contains("/" + name)).findFirst()
          .orElseThrow(() -> new AssertionError(name + " produced no failing claim; failures: " + failures));
      String line = failed.location() + ": " + failed.message();
      assertTrue(line.contains(expected(file)), name + ": expected '" + expected(file) + "' in: " + line);
      assertFalse(failed.message().contains("\n"), "one line: " + line);
    })));
  }
}
