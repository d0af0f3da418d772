package ibcheck.gate;

import ibcheck.report.HtmlReport;
import ibcheck.files.TheoremFile;
import ibcheck.files.TheoremFileReader;
import ibcheck.report.SummaryWriter;
import ibcheck.spec.SpecException;
import ibcheck.spec.TheoremSpec;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import ibcheck.verdict.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The proof-checking gate: marks the reports folder as in progress, finds theorem files, checks each
 * (a bad file is an error result, never a crash), prints one line per theorem as it finishes, and
 * writes the HTML reports and then {@code summary.json}. What keeps the run itself from being complete
 * (a missing input, an unknown {@code --only} id, reports that cannot be written) is a
 * {@linkplain #problems() problem} of the run: the run fails, and {@code summary.json} says so.
 */
public final class Gate {
  private final GateConfig config;
  private final PrintStream out;
  private final ConsoleLines lines;
  private final List<String> problems = new ArrayList<>();

  public Gate(GateConfig config, PrintStream out) {
    this(config, out, false);
  }

  /** @param colour colour the verdicts (for a terminal) */
  public Gate(GateConfig config, PrintStream out, boolean colour) {
    this.config = config;
    this.out = out;
    this.lines = new ConsoleLines(colour);
  }

  /** Whether standard output is a terminal that wants colours. */
  public static boolean terminalWantsColour() {
    return ConsoleLines.terminalWantsColour();
  }

  /**
   * What kept the last {@link #run()} from being a complete, recorded check (usage or configuration
   * errors, reports not written); empty after a complete run.
   */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * Runs the gate; the returned results are in file order (none when the reports folder is unusable).
   *
   * <p>One method on purpose: it is the run's order (clear the last pass, read every file, check on the
   * workers, report late properties, write the HTML and then summary.json), and the order is what makes a
   * recorded run complete.
   */
  public List<TheoremResult> run() {
    problems.clear();
    Path summary = config.reports().resolve("summary.json");
    try {
      // before anything is checked: a run killed half-way must not leave the last run's pass behind
      new SummaryWriter().writeInProgress(config.seed(), summary);
      Files.deleteIfExists(config.reports().resolve("index.html"));
    } catch (IOException | RuntimeException e) {
      problem("cannot write the reports folder " + config.reports() + " (" + e + "): nothing was checked");
      return List.of();
    }
    HtmlReport.warmUp();
    List<TheoremResult> results = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    Map<String, TheoremSpec> specs = new LinkedHashMap<>();
    RunDeadline deadline = RunDeadline.after(config.timeLimitSeconds());
    TheoremChecker checker = new TheoremChecker(config.seed(), deadline);
    PropertyIndex properties = PropertyIndex.load(config.properties());
    List<Path> files = theoremFiles();
    if (files.isEmpty()) {
      problem("no theorem files (*.yaml) found in " + config.inputs());
    }
    // read every file first (cheap, and duplicate ids are found in file order), then check the
    // theorems on config.threads() workers; results are printed and kept in file order
    List<Future<TheoremResult>> pending = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "ibcheck-gate");
      t.setDaemon(true);
      return t;
    });
    try {
      for (Path file : files) {
        String display = display(file);
        TheoremFile theorem;
        try {
          theorem = TheoremFileReader.read(file, display);
        } catch (SpecException e) {
          pending.add(CompletableFuture.completedFuture(fileError(stem(file), display, e.getMessage())));
          continue;
        } catch (RuntimeException | StackOverflowError e) {
          pending.add(CompletableFuture.completedFuture(fileError(stem(file), display, display + ": internal error: " + e)));
          continue;
        }
        TheoremSpec spec = theorem.spec();
        if (!config.only().isEmpty() && !config.only().contains(spec.id())) {
          continue;
        }
        String first = seen.putIfAbsent(spec.id(), display);
        if (first != null) {
          pending.add(CompletableFuture.completedFuture(fileError(spec.id(), display,
              display + ": duplicate theorem id '" + spec.id() + "' (also in " + first + ")")));
          continue;
        }
        specs.put(spec.id(), spec);
        pending.add(pool.submit(() -> check(checker, theorem, properties, deadline)));
      }
      for (Future<TheoremResult> f : pending) {
        results.add(result(f));
        out.println(lines.theorem(results.get(results.size() - 1), results.size(), pending.size()));
      }
    } finally {
      pool.shutdownNow();
    }
    // properties of a theorem outside the run are only an error when the run covers whole folders
    boolean wholeFolders = config.only().isEmpty() && config.inputs().stream().allMatch(Files::isDirectory);
    List<TheoremResult> late = new ArrayList<>(properties.problems(seen.keySet(), wholeFolders));
    for (String id : config.only()) {
      if (results.stream().noneMatch(r -> r.id().equals(id))) {
        String cause = "no theorem with id '" + id + "' in " + config.inputs() + " (asked for by --only / ibcheck.only)";
        problems.add(cause);
        late.add(fileError(id, String.valueOf(config.inputs()), cause));
      }
    }
    for (TheoremResult r : late) {
      results.add(r);
      out.println(lines.theorem(r, results.size(), results.size()));
    }
    List<ClaimResult> symbolic = results.stream().flatMap(r -> r.claims().stream()).filter(c -> c.kind() == ClaimKind.SYMBOLIC).toList();
    long proved = symbolic.stream().filter(c -> c.verdict() == Verdict.PROVED).count();
    out.println(String.format(Locale.ROOT, "ibcheck: %d of %d symbolic steps proved (%.1f %%)", proved, symbolic.size(),
        100.0 * proved / Math.max(1, symbolic.size())));
    // the HTML first, summary.json last: a summary that is not in progress records a complete run
    writeHtml(results, specs);
    try {
      new SummaryWriter().write(results, problems, config.seed(), summary);
    } catch (IOException | RuntimeException e) {
      problem("cannot write " + summary + ": " + e + " (it still says the run is in progress)");
    }
    return results;
  }

  private void problem(String cause) {
    problems.add(cause);
    out.println("ibcheck: " + cause);
  }

  /** One theorem, unless the run's time limit has passed before it starts. */
  private TheoremResult check(TheoremChecker checker, TheoremFile theorem, PropertyIndex properties, RunDeadline deadline) {
    TheoremSpec spec = theorem.spec();
    if (deadline.remainingSeconds() <= 0) {
      return new TheoremResult(spec.id(), spec.title(), spec.source(), spec.file(), 0, List.of(ClaimResult.failure(
          "theorem file", ClaimKind.SYMBOLIC, Verdict.TIMEOUT, 0,
          deadline.ranOut("before this theorem was checked"), spec.file())));
    }
    try {
      return checker.check(theorem, properties.of(spec.id()));
    } catch (RuntimeException | StackOverflowError e) {
      return fileError(spec.id(), spec.file(), spec.file() + ": internal error: " + e);
    }
  }

  private static TheoremResult result(Future<TheoremResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the gate was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a theorem check escaped its guards", e.getCause());
    }
  }

  /** A report that cannot be written fails the run: an old index.html must never stand for this run. */
  private void writeHtml(List<TheoremResult> results, Map<String, TheoremSpec> specs) {
    long start = System.nanoTime();
    try {
      Path index = new HtmlReport(config.reports()).write(results, specs, config.seed());
      out.println(String.format(Locale.ROOT, "ibcheck: report %s (written in %.2f s)", display(index), (System.nanoTime() - start) / 1e9));
    } catch (IOException | RuntimeException e) {
      problem("cannot write the HTML report in " + config.reports() + ": " + e);
    }
  }

  /** Whether every claim of every theorem passes. */
  public static boolean passes(List<TheoremResult> results) {
    return !results.isEmpty() && results.stream().allMatch(TheoremResult::passes);
  }

  /** The lines printed when a theorem finishes: id, verdict, seconds, and every failing claim. */
  public static String line(TheoremResult r) {
    return new ConsoleLines(false).theorem(r, 1, 1);
  }

  private List<Path> theoremFiles() {
    List<Path> files = new ArrayList<>();
    for (Path in : config.inputs()) {
      if (Files.isDirectory(in)) {
        try (Stream<Path> s = Files.list(in)) {
          s.filter(Gate::isYaml).sorted().forEach(files::add);
        } catch (IOException e) {
          out.println("ibcheck: cannot list " + in + ": " + e.getMessage());
        }
      } else {
        if (!Files.exists(in)) {
          problem("no such file or folder: " + in.toAbsolutePath().normalize());
        }
        files.add(in);
      }
    }
    return files;
  }

  static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
  }

  static String display(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  static TheoremResult fileError(String id, String file, String message) {
    return fileError("theorem file", id, file, message);
  }

  /** @param what which kind of file could not be used, e.g. {@code property file} */
  static TheoremResult fileError(String what, String id, String file, String message) {
    String location = message.contains(": ") ? message.substring(0, message.indexOf(": ")) : file;
    String cause = message.contains(": ") ? message.substring(message.indexOf(": ") + 2) : message;
    return new TheoremResult(id, "(unreadable " + what + ")", "", file, 0,
        List.of(ClaimResult.failure(what, ClaimKind.SYMBOLIC, Verdict.ERROR, 0, cause, location)));
  }
}
