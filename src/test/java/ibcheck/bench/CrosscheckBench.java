package ibcheck.bench;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.files.TheoremFile;
import ibcheck.files.TheoremFileReader;
import ibcheck.symbolic.SymbolicWorker;
import ibcheck.verdict.ClaimResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): wall time of every cross-check in the theorem files, in a warm JVM. Each
 * cross-check runs {@code warmup} times untimed, then {@code runs} times timed; the median and the
 * minimum are printed with the flow evaluations summed over the sweep. Run by bench/crosscheck.sh.
 */
public final class CrosscheckBench {
  private CrosscheckBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "theorems");
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    System.out.printf(Locale.ROOT, "%-24s %-62s %6s %9s %9s %8s %10s  %s%n", "theorem", "cross-check", "points",
        "median_s", "min_s", "evals", "max_error", "verdict");
    for (Path file : files) {
      TheoremFile theorem = TheoremFileReader.read(file, file.toString());
      if (theorem.crosschecks().isEmpty()) {
        continue;
      }
      try (SymbolicWorker worker = SymbolicWorker.start(theorem.spec(), 60)) {
        for (NumericCheck c : theorem.crosschecks()) {
          ClaimResult last = null;
          for (int i = 0; i < warmup; i++) {
            last = worker.run(c::run, 600);
          }
          double[] seconds = new double[runs];
          for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = worker.run(c::run, 600);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
          }
          Arrays.sort(seconds);
          long evals = 0;
          List<?> points = (List<?>) last.evidence().getOrDefault("points", List.of());
          String sweep = String.valueOf(last.evidence().getOrDefault("sweep", "value"));
          List<String> perPoint = new ArrayList<>();
          for (Object p : points) {
            Map<?, ?> m = (Map<?, ?>) p;
            Object evaluations = m.get("certificate") instanceof Map<?, ?> cert ? cert.get("evaluations") : null;
            evals += evaluations instanceof Number n ? n.longValue() : 0;
            perPoint.add(String.format(Locale.ROOT, "%s=%s: evals %s%s", sweep, m.get(sweep), evaluations, m.containsKey("error") ? String.format(Locale.ROOT, ", error %.2e", (Double) m.get("error")) : ""));
          }
          Object err = last.evidence().get("max_error");
          System.out.printf(Locale.ROOT, "%-24s %-62s %6d %9.4f %9.4f %8d %10s  %s%n", theorem.id(), shorten(c.name()),
              points.size(), seconds[runs / 2], seconds[0], evals,
              err == null ? "-" : String.format(Locale.ROOT, "%.2e", (Double) err), last.verdict());
          perPoint.forEach(p -> System.out.println("      " + p));
        }
      }
    }
  }

  private static String shorten(String s) {
    return s.length() > 62 ? s.substring(0, 59) + "..." : s;
  }
}
