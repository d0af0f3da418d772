package ibcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ibcheck.TheoremFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same summary.json (timings aside); another seed changes the random draws. */
class ReproducibilityTest {
  @TempDir Path dir;

  private JsonNode run(long seed, String reports) throws IOException {
    return run(new GateConfig(List.of(Path.of("theorems/woodworth2020-q-alpha.yaml")), Path.of("properties"),
        dir.resolve(reports), Set.of(), seed));
  }

  private JsonNode run(GateConfig config) throws IOException {
    TheoremFiles.run(config);
    JsonNode summary = new ObjectMapper().readTree(Files.readString(config.reports().resolve("summary.json")));
    stripTimings(summary);
    return summary;
  }

  /**
   * Timings are the only legitimately varying fields between separate runs, with the residual of a
   * CAS attempt that ran out of its time budget. Within one JVM Symja also prints some warnings only
   * the first time (its caches), so its messages are left out too.
   */
  private static void stripTimings(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove("seconds");
      o.remove("wall_seconds");
      o.remove("symjaMessages");
      if (o.has("outcome") && o.get("outcome").asText().equals("open") && o.has("method")) {
        // a CAS attempt that did not close: how far it got before its wall-clock budget ran out
        // depends on the machine's load (README, Reports); the verdict does not
        o.remove("result");
        o.remove("budget");
      }
    }
    node.forEach(ReproducibilityTest::stripTimings);
  }

  /** The path of the first place where the two trees differ, with both values; "" when equal. */
  private static String firstDifference(String path, JsonNode a, JsonNode b) {
    if (a.equals(b)) {
      return "";
    }
    if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size()) {
      var names = a.isObject() ? a.fieldNames() : null;
      for (int i = 0; i < a.size(); i++) {
        String key = names != null ? names.next() : null;
        JsonNode x = key != null ? a.get(key) : a.get(i);
        JsonNode y = key != null ? b.get(key) : b.get(i);
        String label = key != null ? key : a.get(i).has("name") ? a.get(i).get("name").asText() : String.valueOf(i);
        String d = firstDifference(path + "/" + label, x, y == null ? com.fasterxml.jackson.databind.node.NullNode.instance : y);
        if (!d.isEmpty()) {
          return d;
        }
      }
    }
    String show = a.toString().length() > 300 ? a.toString().substring(0, 300) + "..." : a.toString();
    String other = b.toString().length() > 300 ? b.toString().substring(0, 300) + "..." : b.toString();
    return path + ": " + show + " vs " + other;
  }

  @Test
  void theSameSeedGivesTheSameSummaryAndAnotherSeedOtherDraws() throws IOException {
    JsonNode first = run(5, "a");
    JsonNode second = run(5, "b");
    assertEquals("", firstDifference("", first, second), "same seed, same summary.json apart from timings");
    JsonNode other = run(6, "c");
    assertNotEquals(first, other);
    // ... but only the random draws differ: every verdict is the same
    for (int t = 0; t < first.get("theorems").size(); t++) {
      JsonNode a = first.get("theorems").get(t).get("claims");
      JsonNode c = other.get("theorems").get(t).get("claims");
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i).get("verdict"), c.get(i).get("verdict"), a.get(i).get("name").asText());
      }
    }
  }

  /**
   * Two theorems whose 60-digit witness residuals used to end in digits that depended on which of
   * them computed apfloat's cached pi and log(10) first: one thread in one file order, then two
   * threads in the other order, must give the same summary.json (theorems compared by id).
   */
  @Test
  void oneThreadAndTwoThreadsGiveTheSameSummary() throws IOException {
    Path balanced = Path.of("theorems/azulay2021-fc-balanced.yaml");
    Path minL2 = Path.of("theorems/azulay2021-fc-min-l2.yaml");
    JsonNode one = run(new GateConfig(List.of(balanced, minL2), dir.resolve("none"), dir.resolve("one"), Set.of(), 7,
        GateConfig.DEFAULT_TIME_LIMIT_SECONDS, 1));
    JsonNode two = run(new GateConfig(List.of(minL2, balanced), dir.resolve("none"), dir.resolve("two"), Set.of(), 7,
        GateConfig.DEFAULT_TIME_LIMIT_SECONDS, 2));
    assertEquals(2, one.get("theorems").size());
    for (JsonNode theorem : one.get("theorems")) {
      String id = theorem.get("id").asText();
      JsonNode other = null;
      for (JsonNode t : two.get("theorems")) {
        other = t.get("id").asText().equals(id) ? t : other;
      }
      assertEquals("", firstDifference(id, theorem, other), "1 vs 2 threads");
    }
  }
}
