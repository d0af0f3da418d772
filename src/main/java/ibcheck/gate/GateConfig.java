package ibcheck.gate;

import java.nio.file.Files;
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
 * @param threads how many theorems are checked at once (each on its own Symja session); results and
 *     reports are in file order whatever the number
 */
public record GateConfig(List<Path> inputs, Path properties, Path reports, Set<String> only, long seed,
    double timeLimitSeconds, int threads) {
  public static final long DEFAULT_SEED = 20201;
  /** The whole gate's default time limit: generous, it is a guard against a run that never ends. */
  public static final double DEFAULT_TIME_LIMIT_SECONDS = 3600;

  /** Above this a limit is surely a typo (and {@code seconds * 1e9} nanoseconds must fit a long). */
  public static final double MAX_TIME_LIMIT_SECONDS = 7 * 24 * 3600;
  /** More workers than this only queue on a few cores and multiply the memory of Symja sessions. */
  public static final int MAX_THREADS = 256;

  public GateConfig {
    timeLimit(String.valueOf(timeLimitSeconds));
    threads(String.valueOf(threads));
  }

  /** One theorem at a time. */
  public GateConfig(List<Path> inputs, Path properties, Path reports, Set<String> only, long seed,
      double timeLimitSeconds) {
    this(inputs, properties, reports, only, seed, timeLimitSeconds, 1);
  }

  public GateConfig(List<Path> inputs, Path properties, Path reports, Set<String> only, long seed) {
    this(inputs, properties, reports, only, seed, DEFAULT_TIME_LIMIT_SECONDS);
  }

  /** The default for a whole run: one theorem per processor. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Reads {@code ibcheck.theorems}, {@code ibcheck.properties} (default: the {@code properties} folder
   * beside the theorems folder), {@code ibcheck.reports}, {@code ibcheck.only}, {@code ibcheck.seed},
   * {@code ibcheck.timeLimit}, {@code ibcheck.threads}.
   *
   * @throws IllegalArgumentException naming the property whose value is not usable
   */
  public static GateConfig fromSystemProperties() {
    List<Path> theorems = List.of(Path.of(prop("ibcheck.theorems", "theorems")));
    String properties = prop("ibcheck.properties", "");
    return new GateConfig(theorems, properties.isBlank() ? propertiesBeside(theorems) : Path.of(properties),
        Path.of(prop("ibcheck.reports", "reports")), ids(prop("ibcheck.only", "")),
        parsed("ibcheck.seed", GateConfig::seed, DEFAULT_SEED),
        parsed("ibcheck.timeLimit", GateConfig::timeLimit, DEFAULT_TIME_LIMIT_SECONDS),
        parsed("ibcheck.threads", GateConfig::threads, defaultThreads()));
  }

  /**
   * The default properties folder: {@code properties} beside the folder of theorem files (for
   * {@code X/theorems} or {@code X/theorems/a.yaml}, {@code X/properties}), so a run from any
   * working folder finds the properties that belong to its theorems.
   */
  public static Path propertiesBeside(List<Path> inputs) {
    Path first = (inputs.isEmpty() ? Path.of("theorems") : inputs.get(0)).toAbsolutePath().normalize();
    Path folder = Files.isRegularFile(first) ? first.getParent() : first;
    Path parent = folder == null ? null : folder.getParent();
    return parent == null ? Path.of("properties") : parent.resolve("properties");
  }

  /** A base seed: any 64-bit whole number. */
  public static long seed(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number (a seed is a 64-bit integer)");
    }
  }

  /** A time limit in seconds: a finite number from 0 to {@link #MAX_TIME_LIMIT_SECONDS}. */
  public static double timeLimit(String text) {
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v >= 0 && v <= MAX_TIME_LIMIT_SECONDS)) {
      throw new IllegalArgumentException("'" + text + "' is not a time limit: give seconds from 0 to "
          + (long) MAX_TIME_LIMIT_SECONDS);
    }
    return v;
  }

  /** A number of workers from 1 to {@link #MAX_THREADS}. */
  public static int threads(String text) {
    int v;
    try {
      v = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      v = 0;
    }
    if (v < 1 || v > MAX_THREADS) {
      throw new IllegalArgumentException("'" + text + "' is not a number of threads: give a whole number from 1 to "
          + MAX_THREADS);
    }
    return v;
  }

  private static <T> T parsed(String key, java.util.function.Function<String, T> parse, T fallback) {
    String v = prop(key, "");
    try {
      return v.isBlank() ? fallback : parse.apply(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("-D" + key + ": " + e.getMessage(), e);
    }
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
