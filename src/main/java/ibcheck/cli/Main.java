package ibcheck.cli;

import ibcheck.gate.Gate;
import ibcheck.gate.GateConfig;
import ibcheck.verdict.TheoremResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Command line for quick iteration on one theorem without a Maven build:
 * {@code ./ibcheck theorems/woodworth2020-q-alpha.yaml}. Exit code 0 when every claim passes, 1 when
 * any fails, 2 on a usage error.
 */
@Command(name = "ibcheck", mixinStandardHelpOptions = true, version = "ibcheck 0.1",
    description = "Checks theorem files: symbolic derivation steps (Symja + numeric witnesses).")
public final class Main implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE_OR_DIR", description = "Theorem files or folders (default: theorems)")
  List<Path> inputs = List.of(Path.of("theorems"));

  @Option(names = "--properties", description = "Properties folder (default: properties)")
  Path properties = Path.of("properties");

  @Option(names = "--reports", description = "Where summary.json and the HTML reports go (default: reports)")
  Path reports = Path.of("reports");

  @Option(names = "--only", description = "Comma-separated theorem ids to check")
  String only = "";

  @Option(names = "--seed", description = "Base seed for every random draw (default: ${DEFAULT-VALUE})")
  long seed = GateConfig.DEFAULT_SEED;

  @Option(names = "--time-limit", description = "The whole run's time limit in seconds (default: ${DEFAULT-VALUE})")
  double timeLimit = GateConfig.DEFAULT_TIME_LIMIT_SECONDS;

  @Option(names = "--jobs", description = "Theorem files checked at once, each on its own Symja evaluator"
      + " (default: ${DEFAULT-VALUE}: one after the other)")
  int jobs = 1;

  @Option(names = "--repeat", description = "Run the gate N times in this JVM (benchmarking: the"
      + " first round pays the warm-up, later rounds show warm checking time)")
  int repeat = 1;

  @Override
  public Integer call() {
    GateConfig config = new GateConfig(inputs, properties, reports, GateConfig.ids(only), seed, timeLimit, Math.max(1, jobs));
    List<TheoremResult> results = List.of();
    for (int round = 1; round <= Math.max(1, repeat); round++) {
      if (repeat > 1) {
        System.out.println("-- round " + round + " of " + repeat + (round == 1 ? " (cold JVM)" : " (warm JVM)"));
      }
      long start = System.nanoTime();
      results = new Gate(config, System.out).run();
      if (repeat > 1) {
        System.out.printf(java.util.Locale.ROOT, "-- round %d: %.2f s wall%n", round, (System.nanoTime() - start) / 1e9);
      }
    }
    boolean ok = Gate.passes(results);
    System.out.println(ok ? "ibcheck: all claims pass" : "ibcheck: FAILED (see " + reports.resolve("summary.json") + ")");
    return ok ? 0 : 1;
  }

  public static void main(String[] args) {
    int code = new CommandLine(new Main()).execute(args);
    System.exit(code); // Symja leaves non-daemon threads behind
  }
}
