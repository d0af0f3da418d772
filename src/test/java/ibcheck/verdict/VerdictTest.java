package ibcheck.verdict;

import static ibcheck.TheoremFiles.theorem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.TheoremFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A theorem's verdict is its worst claim's, and a refutation is the worst news. */
class VerdictTest {
  @TempDir Path dir;

  @Test
  void failuresRankRefutedOverConflictOverErrorOverTimeout() {
    assertEquals(Verdict.REFUTED, Verdict.worst(List.of(Verdict.ERROR, Verdict.REFUTED, Verdict.TIMEOUT)));
    assertEquals(Verdict.REFUTED, Verdict.worst(List.of(Verdict.CONFLICT, Verdict.REFUTED)));
    assertEquals(Verdict.CONFLICT, Verdict.worst(List.of(Verdict.ERROR, Verdict.CONFLICT, Verdict.TIMEOUT)));
    assertEquals(Verdict.ERROR, Verdict.worst(List.of(Verdict.TIMEOUT, Verdict.ERROR, Verdict.PROVED)));
    assertEquals(Verdict.TIMEOUT, Verdict.worst(List.of(Verdict.EVIDENCE, Verdict.TIMEOUT)));
    assertEquals(Verdict.DISAGREES, Verdict.worst(List.of(Verdict.ERROR, Verdict.DISAGREES)));
    assertEquals(Verdict.EVIDENCE, Verdict.worst(List.of(Verdict.PROVED, Verdict.EVIDENCE, Verdict.CHECKED_NUMERICALLY)));
    assertEquals(Verdict.CHECKED_NUMERICALLY, Verdict.worst(List.of(Verdict.PROVED, Verdict.CHECKED_NUMERICALLY)));
  }

  @Test
  void aTheoremWithARefutedStepAndAnErroringStepIsRefuted() {
    var run = TheoremFiles.check(dir, Map.of("t.yaml", theorem("t", "symbols:\n  z: real\n",
        "  - name: wrong\n    show: (z + 1)^2 == z^2 + 1\n  - name: broken\n    show: w^2 >= 0\n")));
    assertEquals(Verdict.ERROR, run.claim("t", "broken").verdict());
    assertEquals(Verdict.REFUTED, run.theorem("t").verdict());
  }
}
