package ibcheck.cli;

import ibcheck.gate.Gate;
import ibcheck.gate.GateConfig;
import ibcheck.verdict.TheoremResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code ibcheck [OPTIONS] [FILE_OR_DIR...]}. Paths are taken relative to the
 * caller's working folder. Exit code {@value #PASS} when every claim passes, {@value #CLAIM_FAILED}
 * when a claim fails, {@value #USAGE} on a usage or configuration error (a bad option value, a missing
 * input, an unknown {@code --only} id, a reports folder that cannot be written).
 */
@Command(name = "ibcheck", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Checks theorem files: symbolic derivation steps (Symja + numeric witnesses), numeric"
        + " cross-checks and properties. Options may also come from -Dibcheck.seed=N and friends.")
public final class Main implements Callable<Integer> {
  static final int PASS = 0;
  static final int CLAIM_FAILED = 1;
  static final int USAGE = 2;

  /** The system property behind each option's default ({@code -Dibcheck.seed=N} as for the Maven gate). */
  private static final Map<String, String> SYSTEM_PROPERTIES = Map.of("--properties", "ibcheck.properties",
      "--reports", "ibcheck.reports", "--only", "ibcheck.only", "--seed", "ibcheck.seed",
      "--time-limit", "ibcheck.timeLimit", "--threads", "ibcheck.threads");

  @Parameters(arity = "0..*", paramLabel = "FILE_OR_DIR", description = "Theorem files or folders (default: theorems)")
  List<Path> inputs = List.of(Path.of("theorems"));

  @Option(names = "--properties", description = "Properties folder (default: 'properties' beside the theorems folder)")
  Path properties;

  @Option(names = "--reports", description = "Where summary.json and the HTML reports go (default: reports)")
  Path reports = Path.of("reports");

  @Option(names = "--only", description = "Comma-separated theorem ids to check (an unknown id is an error)")
  String only = "";

  @Option(names = "--seed", converter = SeedValue.class,
      description = "Base seed for every random draw (default: " + GateConfig.DEFAULT_SEED + ")")
  long seed = GateConfig.DEFAULT_SEED;

  @Option(names = "--time-limit", converter = TimeLimitValue.class, paramLabel = "SECONDS",
      description = "The whole run's time limit in seconds, 0 to 604800; a claim still running when it"
          + " passes is stopped and reported timed out (default: 3600)")
  double timeLimit = GateConfig.DEFAULT_TIME_LIMIT_SECONDS;

  @Option(names = "--threads", converter = ThreadsValue.class,
      description = "Theorems checked at once, 1 to 256 (default: one per processor)")
  int threads = GateConfig.defaultThreads();

  @Option(names = "--repeat", description = "Run the gate N times in this JVM (benchmarking: the"
      + " first round pays the warm-up, later rounds show warm checking time)")
  int repeat = 1;

  private final PrintStream out;

  Main(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    Path props = properties != null ? properties : GateConfig.propertiesBeside(inputs);
    GateConfig config = new GateConfig(inputs, props, reports, GateConfig.ids(only), seed, timeLimit, threads);
    List<TheoremResult> results = List.of();
    Gate gate = new Gate(config, out, out == System.out && Gate.terminalWantsColour());
    for (int round = 1; round <= Math.max(1, repeat); round++) {
      if (repeat > 1) {
        out.println("-- round " + round + " of " + repeat + (round == 1 ? " (cold JVM)" : " (warm JVM)"));
      }
      long start = System.nanoTime();
      results = gate.run();
      if (repeat > 1) {
        out.printf(Locale.ROOT, "-- round %d: %.2f s wall%n", round, (System.nanoTime() - start) / 1e9);
      }
    }
    if (!gate.problems().isEmpty()) {
      out.println("ibcheck: the run is not complete (" + gate.problems().size() + " problem(s) above)");
      return USAGE;
    }
    boolean ok = Gate.passes(results);
    out.println(ok ? "ibcheck: all claims pass" : "ibcheck: FAILED (see " + reports.resolve("summary.json") + ")");
    return ok ? PASS : CLAIM_FAILED;
  }

  /** The command line, with option defaults taken from {@code -Dibcheck.*} system properties. */
  static CommandLine commandLine(PrintStream out) {
    return new CommandLine(new Main(out)).setDefaultValueProvider(Main::systemPropertyDefault);
  }

  private static String systemPropertyDefault(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o) || !SYSTEM_PROPERTIES.containsKey(o.longestName())) {
      return null;
    }
    String v = System.getProperty(SYSTEM_PROPERTIES.get(o.longestName()));
    return v == null || v.isBlank() ? null : v;
  }

  public static void main(String[] args) {
    int code = commandLine(System.out).execute(args);
    System.exit(code); // Symja leaves non-daemon threads behind
  }

  /** Parses with the gate's own rules, so the CLI and {@code -Dibcheck.*} accept the same values. */
  private abstract static class Value<T> implements CommandLine.ITypeConverter<T> {
    private final Function<String, T> parse;

    Value(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T convert(String text) {
      try {
        return parse.apply(text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static final class SeedValue extends Value<Long> {
    SeedValue() {
      super(GateConfig::seed);
    }
  }

  static final class TimeLimitValue extends Value<Double> {
    TimeLimitValue() {
      super(GateConfig::timeLimit);
    }
  }

  static final class ThreadsValue extends Value<Integer> {
    ThreadsValue() {
      super(GateConfig::threads);
    }
  }

  /** The version Maven built (src/main/resources/ibcheck/version.properties is filtered from the pom). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/ibcheck/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"ibcheck " + p.getProperty("version", "(version unknown: not built by Maven)")};
    }
  }
}
