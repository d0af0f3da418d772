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
    TheoremFiles.run(new GateConfig(List.of(Path.of("theorems/woodworth2020-q-alpha.yaml")), Path.of("properties"),
        dir.resolve(reports), Set.of(), seed));
    JsonNode summary = new ObjectMapper().readTree(Files.readString(dir.resolve(reports).resolve("summary.json")));
    stripTimings(summary);
    return summary;
  }

  /**
   * Timings are the only legitimately varying fields between separate runs. Within one JVM Symja
   * also prints some warnings only the first time (its caches), so its messages are left out too.
   */
  private static void stripTimings(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove("seconds");
      o.remove("wall_seconds");
      o.remove("symjaMessages");
    }
    node.forEach(ReproducibilityTest::stripTimings);
  }

  @Test
  void theSameSeedGivesTheSameSummaryAndAnotherSeedOtherDraws() throws IOException {
    JsonNode first = run(5, "a");
    JsonNode second = run(5, "b");
    assertEquals(first, second);
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
}
