package ibcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes {@code summary.json}:
 * {@code {"seed", "passed", "inProgress", "problems":[...], "theorems":[{"id","title","source","file","verdict","seconds",
 * "claims":[{"name","kind","verdict","seconds","message","location","evidence":{...}}]}]}}.
 * Field names are stable; later additions only add fields.
 */
public final class SummaryWriter {
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The finished run's summary; {@code seed} is the run's base seed. */
  public void write(List<TheoremResult> results, long seed, Path target) throws IOException {
    write(results, List.of(), seed, target);
  }

  /**
   * Marks a run as under way: {@code "inProgress": true, "passed": false}. Written before anything
   * is checked, so a run that is killed or crashes never leaves an earlier run's pass behind.
   */
  public void writeInProgress(long seed, Path target) throws IOException {
    ObjectNode root = json.createObjectNode();
    root.put("seed", seed);
    root.put("passed", false);
    root.put("inProgress", true);
    root.putArray("theorems");
    replace(target, root);
  }

  /**
   * The finished run's summary.
   *
   * @param problems what kept the run itself from being complete (unknown --only ids, missing inputs,
   *     reports that could not be written): any of them means {@code "passed": false}
   */
  public void write(List<TheoremResult> results, List<String> problems, long seed, Path target)
      throws IOException {
    ObjectNode root = json.createObjectNode();
    root.put("seed", seed);
    root.put("passed", !results.isEmpty() && problems.isEmpty() && results.stream().allMatch(TheoremResult::passes));
    root.put("inProgress", false);
    ArrayNode runProblems = root.putArray("problems");
    problems.forEach(runProblems::add);
    ArrayNode theorems = root.putArray("theorems");
    for (TheoremResult r : results) {
      ObjectNode t = theorems.addObject();
      t.put("id", r.id());
      t.put("title", r.title());
      t.put("source", r.source());
      t.put("file", r.file());
      t.put("verdict", r.verdict().label());
      t.put("seconds", round(r.seconds()));
      ArrayNode claims = t.putArray("claims");
      for (ClaimResult c : r.claims()) {
        ObjectNode o = claims.addObject();
        o.put("name", c.name());
        o.put("kind", c.kind().label());
        o.put("verdict", c.verdict().label());
        o.put("seconds", round(c.seconds()));
        o.put("message", c.message());
        o.put("location", c.location());
        o.set("evidence", json.valueToTree(sanitize(c.evidence())));
      }
    }
    replace(target, root);
  }

  /** Temp file then rename: a reader sees the old summary or the new one, never half of one. */
  private void replace(Path target, ObjectNode root) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    json.writeValue(tmp.toFile(), root);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** JSON has no NaN or infinity: write them as strings so the file stays valid JSON. */
  static Object sanitize(Object o) {
    if (o instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d.toString();
    }
    if (o instanceof java.util.Map<?, ?> m) {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), sanitize(v)));
      return out;
    }
    if (o instanceof java.util.Collection<?> c) {
      return c.stream().map(SummaryWriter::sanitize).toList();
    }
    return o;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
