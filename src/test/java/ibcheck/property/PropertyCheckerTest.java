package ibcheck.property;

import static ibcheck.TheoremFiles.theorem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.gate.GateConfig;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties: held, falsified with a shrunk counterexample, reproducible, and clear errors. */
class PropertyCheckerTest {
  static final String THEOREM = theorem("q", "symbols:\n  z: real\ndefine:\n  q(z_): 2 - Sqrt(4 + z^2) + z*ArcSinh(z/2)\n",
      "  - name: q(0)\n    show: q(0) == 0\n");

  @TempDir Path dir;

  private TheoremFiles.Run run(String properties, long seed) throws IOException {
    Files.createDirectories(dir.resolve("properties"));
    Files.writeString(dir.resolve("properties/q.yaml"), properties);
    TheoremFiles.check(dir, Map.of("q.yaml", THEOREM));
    return TheoremFiles.run(new GateConfig(List.of(dir.resolve("theorems")), dir.resolve("properties"),
        dir.resolve("reports"), Set.of(), seed));
  }

  private static String property(String name, String forall, String holds, String extra) {
    return "theorem: q\nproperties:\n  - name: " + name + "\n    forall:\n" + forall + "    holds: " + holds + "\n" + extra;
  }

  @Test
  void aTruePropertyHolds() throws IOException {
    ClaimResult r = run(property("q >= 0", "      z: real in [-1000, 1000]\n", "q(z) >= 0", ""), 1).claim("q", "q >= 0");
    assertEquals(ClaimKind.PROPERTY, r.kind());
    assertEquals(Verdict.HELD, r.verdict(), r.message());
    assertEquals(1000, r.evidence().get("tries"));
  }

  @Test
  void qIsBelowItsQuadraticSoTheIssuesExampleIsActuallyTrue() throws IOException {
    // q'' = 1/sqrt(4 + z^2) <= 1/2, so q(z) <= z^2/4 holds: the properties issue offers it as a false example.
    ClaimResult r = run(property("p", "      z: real in [-1000, 1000]\n", "q(z) <= z^2/4", ""), 1).claim("q", "p");
    assertEquals(Verdict.HELD, r.verdict(), r.message());
  }

  @Test
  void aFalsePropertyIsFalsifiedWithAShrunkCounterexampleAndTheSameSeedGivesTheSameOne() throws IOException {
    String p = property("p", "      z: real in [-1000, 1000]\n", "q(z) <= z^2/8", "");
    ClaimResult first = run(p, 7).claim("q", "p");
    assertEquals(Verdict.FALSIFIED, first.verdict(), first.message());
    @SuppressWarnings("unchecked")
    Map<String, Object> shrunk = (Map<String, Object>) first.evidence().get("counterexample");
    @SuppressWarnings("unchecked")
    Map<String, Object> original = (Map<String, Object>) first.evidence().get("originalCounterexample");
    assertTrue(((String) shrunk.get("why")).contains("fails: lhs = "), shrunk.toString());
    assertTrue(((String) original.get("instance")).startsWith("{z = "), original.toString());
    assertTrue(first.message().contains("replay with 'seed: "), first.message());

    ClaimResult again = run(p, 7).claim("q", "p");
    assertEquals(shrunk, again.evidence().get("counterexample"));
    assertEquals(original, again.evidence().get("originalCounterexample"));

    ClaimResult otherSeed = run(p, 8).claim("q", "p");
    assertNotEquals(first.evidence().get("seed"), otherSeed.evidence().get("seed"));
  }

  @Test
  void shrinkingFindsTheSmallestIntegerCounterexample() throws IOException {
    ClaimResult r = run(property("p", "      n: int in [0, 1000]\n", "n^2 < 500", ""), 3).claim("q", "p");
    assertEquals(Verdict.FALSIFIED, r.verdict(), r.message());
    @SuppressWarnings("unchecked")
    Map<String, Object> shrunk = (Map<String, Object>) r.evidence().get("counterexample");
    assertEquals("{n = 23}", shrunk.get("instance"), r.message());
  }

  @Test
  void aFixedSeedOnThePropertyWinsOverTheRunSeed() throws IOException {
    String p = property("p", "      z: real in [-1000, 1000]\n", "q(z) <= z^2/8", "    seed: 12345\n");
    assertEquals(12345L, run(p, 1).claim("q", "p").evidence().get("seed"));
    assertEquals(12345L, run(p, 2).claim("q", "p").evidence().get("seed"));
  }

  @Test
  void nanIsAFailureWithItsInputShownNotASkippedTry() throws IOException {
    ClaimResult r = run(property("p", "      z: real in [-1, 1]\n", "Log(z) == Log(z)", "    tries: 50\n"), 1).claim("q", "p");
    assertEquals(Verdict.FALSIFIED, r.verdict(), r.message());
    assertTrue(r.message().contains("z = -"), r.message());
  }

  @Test
  void dependentQuantitiesAndUnsatisfiableConstraints() throws IOException {
    String ok = property("dims", "      rows: int in [2, 10]\n      cols: int in [rows + 1, rows + 10]\n", "cols > rows", "    tries: 200\n");
    assertEquals(Verdict.HELD, run(ok, 1).claim("q", "dims").verdict());
    String impossible = property("dims", "      rows: int in [2, 10]\n      cols: int in [rows + 1, 5]\n", "cols > rows", "    tries: 200\n");
    ClaimResult r = run(impossible, 1).claim("q", "dims");
    assertEquals(Verdict.ERROR, r.verdict(), r.message());
    assertTrue(r.message().startsWith("property 'dims': cannot draw cols"), r.message());
    assertTrue(r.message().contains("constraints cannot be satisfied"), r.message());
  }

  @Test
  void propertiesOfAnUnknownTheoremAndMalformedFilesAreErrors() throws IOException {
    var unknown = run("theorem: nosuch\nproperties:\n  - name: p\n    forall:\n      z: real in [0, 1]\n    holds: z >= 0\n", 1);
    var orphan = unknown.theorem("nosuch (properties)");
    assertEquals(Verdict.ERROR, orphan.verdict());
    assertTrue(orphan.claims().get(0).message().contains("not among the checked theorem files"));
    var malformed = run("theorem: q\nproperties:\n  - name: p\n    forall:\n      z: gaussian\n    holds: z >= 0\n", 1);
    var error = malformed.theorem("q (properties)").claims().get(0);
    assertTrue(error.location().endsWith("q.yaml:5"), error.location());
    assertTrue(error.message().contains("quantity 'z'"), error.message());
  }
}
