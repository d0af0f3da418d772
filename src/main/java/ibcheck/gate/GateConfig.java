package ibcheck.gate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the gate looks and what it checks: theorem and property folders (or single files), an
 * optional set of theorem ids, where reports go, and the base seed.
 *
 * @param inputs theorem files or folders of them
 * @param properties the properties folder (may not exist)
 * @param reports where summary.json and the HTML reports are written
 * @param only theorem ids to check; empty means all
 * @param seed base seed for every random draw (witness points, property instances)
 * @param timeLimitSeconds the whole run's time limit: theorems not started by then are reported as
 *     timed out, never silently skipped
 * @param jobs how many theorem files are checked at once (each on its own Symja evaluator; 1 checks
 *     them one after the other)
 */
public record GateConfig(List<Path> inputs, Path properties, Path reports, Set<String> only, long seed,
    double timeLimitSeconds, int jobs) {
  public static final long DEFAULT_SEED = 20201;
  /** The whole gate's default time limit: generous, it is a guard against a run that never ends. */
  public static final double DEFAULT_TIME_LIMIT_SECONDS = 3600;

  public GateConfig {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
    }
  }

  public GateConfig(List<Path> inputs, Path properties, Path reports, Set<String> only, long seed) {
    this(inputs, properties, reports, only, seed, DEFAULT_TIME_LIMIT_SECONDS);
  }

  public GateConfig(List<Path> inputs, Path properties, Path reports, Set<String> only, long seed,
      double timeLimitSeconds) {
    this(inputs, properties, reports, only, seed, timeLimitSeconds, 1);
  }

  /**
   * Reads {@code ibcheck.theorems}, {@code ibcheck.properties}, {@code ibcheck.reports}, {@code ibcheck.only},
   * {@code ibcheck.seed}, {@code ibcheck.timeLimit}, {@code ibcheck.jobs}.
   */
  public static GateConfig fromSystemProperties() {
    Path theorems = Path.of(prop("ibcheck.theorems", "theorems"));
    Path properties = Path.of(prop("ibcheck.properties", "properties"));
    Path reports = Path.of(prop("ibcheck.reports", "reports"));
    String seed = prop("ibcheck.seed", "");
    String limit = prop("ibcheck.timeLimit", "");
    String jobs = prop("ibcheck.jobs", "");
    return new GateConfig(List.of(theorems), properties, reports, ids(prop("ibcheck.only", "")),
        seed.isBlank() ? DEFAULT_SEED : Long.parseLong(seed.trim()),
        limit.isBlank() ? DEFAULT_TIME_LIMIT_SECONDS : Double.parseDouble(limit.trim()),
        jobs.isBlank() ? 1 : Integer.parseInt(jobs.trim()));
  }

  public static Set<String> ids(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private static String prop(String key, String fallback) {
    String v = System.getProperty(key);
    return v == null || v.isBlank() ? fallback : v;
  }
}
