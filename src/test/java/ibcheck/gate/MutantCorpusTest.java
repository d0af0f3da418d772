package ibcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.spec.YamlFiles;
import ibcheck.spec.YamlNode;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutant corpus (src/test/resources/mutants/<theorem>.yaml): wrong variants of every shipped
 * theorem, each a one-place edit of the shipped file ({@code replace} -> {@code with}) that the gate
 * must reject, on the named claims ({@code kills}) where given. Prints the kill rate.
 */
class MutantCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/mutants");
  static final AtomicInteger TOTAL = new AtomicInteger();
  static final AtomicInteger KILLED = new AtomicInteger();

  @TempDir static Path dir;

  record Mutant(String theoremFile, String name, String replace, String with, List<String> kills) {}

  static List<Mutant> corpus() throws IOException {
    List<Mutant> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(CORPUS)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        Map<String, YamlNode> top = YamlFiles.read(f, f.toString()).mapping(Set.of("theorem", "mutants"));
        String theorem = top.get("theorem").text();
        for (YamlNode m : top.get("mutants").sequence()) {
          Map<String, YamlNode> fields = m.mapping(Set.of("name", "replace", "with", "kills"));
          List<String> kills = new ArrayList<>();
          if (fields.containsKey("kills")) {
            fields.get("kills").sequence().forEach(k -> kills.add(k.text()));
          }
          out.add(new Mutant(theorem, fields.get("name").text(), fields.get("replace").text(),
              fields.get("with").text(), kills));
        }
      }
    }
    return out;
  }

  /**
   * All mutants go through one gate run, on as many threads as the machine has (each mutant is a file
   * of its own, its id suffixed so that ids stay unique); then each mutant is one test.
   */
  @TestFactory
  Stream<DynamicTest> everyMutantIsKilled() throws IOException {
    List<Mutant> corpus = corpus();
    assertTrue(corpus.size() >= 3 * 7, "at least three mutants per shipped theorem");
    Path theorems = Files.createDirectories(dir.resolve("theorems"));
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < corpus.size(); k++) {
      Mutant m = corpus.get(k);
      String shipped = Files.readString(Path.of(m.theoremFile()));
      String mutated = shipped.replace(m.replace(), m.with());
      String id = shipped.lines().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).trim();
      ids.add(id + "--mutant-" + k);
      Files.writeString(theorems.resolve(String.format("m%03d.yaml", k)),
          mutated.replaceFirst("(?m)^id:.*$", "id: " + ids.get(k)));
    }
    var run = TheoremFiles.run(new GateConfig(List.of(theorems), dir.resolve("none"), dir.resolve("r"), Set.of(), 1,
        GateConfig.DEFAULT_TIME_LIMIT_SECONDS, GateConfig.defaultThreads()));
    return java.util.stream.IntStream.range(0, corpus.size()).mapToObj(k -> {
      Mutant m = corpus.get(k);
      return DynamicTest.dynamicTest(m.theoremFile() + ": " + m.name(), () -> {
        TOTAL.incrementAndGet();
        String shipped = Files.readString(Path.of(m.theoremFile()));
        assertTrue(shipped.contains(m.replace()), "the mutation applies to " + m.theoremFile() + ": " + m.replace());
        String file = String.format("m%03d.yaml", k);
        // a mutant that breaks the file itself is reported under its file name
        TheoremResult r = run.results().stream().filter(t -> t.id().equals(ids.get(k)) || t.file().endsWith(file))
            .findFirst().orElseThrow(() -> new AssertionError("no result for mutant " + file));
        assertFalse(r.passes(), "mutant '" + m.name() + "' survived");
        for (String kill : m.kills()) {
          List<ClaimResult> named = r.claims().stream().filter(c -> c.name().startsWith(kill)).toList();
          assertFalse(named.isEmpty(), "no claim named '" + kill + "...'");
          assertTrue(named.stream().anyMatch(c -> !c.verdict().passes()),
              "mutant '" + m.name() + "' should fail '" + kill + "': " + named.get(0).verdict());
        }
        KILLED.incrementAndGet();
      });
    });
  }

  @AfterAll
  static void printKillRate() {
    System.out.printf("mutant corpus: %d of %d mutants killed (%.0f%%)%n", KILLED.get(), TOTAL.get(),
        TOTAL.get() == 0 ? 0 : 100.0 * KILLED.get() / TOTAL.get());
    assertEquals(TOTAL.get(), KILLED.get(), "every mutant is killed");
  }
}
