package ibcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden-verdict comparison reports every changed claim, and only CAS timing is let through. */
class GoldenVerdictsTest {
  private static final GoldenVerdicts.Key STEP = new GoldenVerdicts.Key("t", "a step\twith a tab");
  private static final GoldenVerdicts.Key CHECK = new GoldenVerdicts.Key("t", "a cross-check");

  private static Map<GoldenVerdicts.Key, GoldenVerdicts.Expected> run(String stepVerdict, String checkVerdict,
      String checkMessage) {
    return Map.of(STEP, new GoldenVerdicts.Expected("symbolic", Set.of(stepVerdict), "m"),
        CHECK, new GoldenVerdicts.Expected("crosscheck", Set.of(checkVerdict), checkMessage));
  }

  @Test
  void aChangedVerdictOrMessageOrClaimIsADifference(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("golden.tsv");
    GoldenVerdicts.write(file, run("proved", "agrees", "max error 1e-9"));
    Map<GoldenVerdicts.Key, GoldenVerdicts.Expected> golden = GoldenVerdicts.read(file);
    assertEquals(List.of(), GoldenVerdicts.differences(golden, run("proved", "agrees", "max error 1e-9")));
    assertEquals(1, GoldenVerdicts.differences(golden, run("proved", "disagrees", "max error 1e-9")).size());
    assertEquals(1, GoldenVerdicts.differences(golden, run("proved", "agrees", "max error 2e-9")).size());
    assertEquals(1, GoldenVerdicts.differences(golden, run("refuted", "agrees", "max error 1e-9")).size());
    assertEquals(List.of("t › a cross-check: missing from the run"),
        GoldenVerdicts.differences(golden, Map.of(STEP, golden.get(STEP))));
  }

  @Test
  void aStepTheCasClosedOnlyWhenIdleIsNotADifference() {
    var golden = run("proved", "agrees", "x");
    assertEquals(List.of(), GoldenVerdicts.differences(golden, Map.of(STEP,
        new GoldenVerdicts.Expected("symbolic", Set.of("checked-numerically"), "CAS could not close it"),
        CHECK, golden.get(CHECK))));
  }

  @Test
  void runsThatDifferMergeIntoEveryVerdictSeenAndAnUncomparedMessage() {
    var merged = GoldenVerdicts.merge(run("proved", "agrees", "a"), run("proved", "agrees", "b"), "second");
    assertEquals(GoldenVerdicts.ANY_MESSAGE, merged.get(CHECK).message());
    assertTrue(GoldenVerdicts.differences(merged, run("proved", "agrees", "c")).isEmpty());
  }
}
