package ibcheck.symbolic;

import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.parser.client.SyntaxError;

/**
 * One Symja evaluator with a theorem's definitions loaded. Symja evaluators are not thread-safe and
 * keep their definitions per evaluator, so a session belongs to the single thread that created it
 * (see {@link SymbolicWorker}) and never sees another theorem's definitions.
 */
public final class SymjaSession {
  static {
    // A theorem file may come from a stranger: no file system, no Java. Symja's defaults are off;
    // we set them explicitly and refuse to run if something turned them on.
    Config.FILESYSTEM_ENABLED = false;
    Config.JAVA_UNSAFE = false;
  }

  private final ExprEvaluator evaluator;
  /** Symja's warnings ("Infinite expression 1/0 encountered", ...), kept as evidence, not printed. */
  private final java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();

  public SymjaSession() {
    assertSandboxed();
    // a history of at least 1 is required: (short) 0 throws in Symja 3.0.0
    this.evaluator = new ExprEvaluator(false, (short) 1);
    evaluator.getEvalEngine().setRecursionLimit(512);
    evaluator.getEvalEngine().setIterationLimit(200_000);
    java.io.PrintStream sink = new java.io.PrintStream(messages, true, java.nio.charset.StandardCharsets.UTF_8);
    evaluator.getEvalEngine().setOutPrintStream(sink);
    evaluator.getEvalEngine().setErrorPrintStream(sink);
    ListGuard.define(this);
    NumericShortcuts.install();
  }

  /**
   * Switches the numeric witnesses' strictness on or off: while on, a list constructor that Symja
   * leaves unevaluated aborts the evaluation instead of being read as data ({@link ListGuard}).
   */
  void witnessMode(boolean on) {
    evaluator.eval(ListGuard.mode(on));
  }

  /**
   * The allowed built-ins that now hold a value, each restored on the way. Symja's built-in symbols
   * are shared by every evaluator in the JVM; the {@link Sandbox} refuses every construct known to
   * rebind one ({@link Bindings}), and this audit is the second wall: run before a theorem's
   * definitions load and after each step, it both resets the state between theorem files and turns
   * a rebinding that slipped through into an error instead of a silently wrong run.
   *
   * @return the names of the built-ins that had been rebound, empty when none
   */
  public static java.util.List<String> restoreBuiltIns() {
    java.util.List<String> rebound = new java.util.ArrayList<>();
    for (org.matheclipse.core.interfaces.ISymbol s : AuditedBuiltIns.SYMBOLS) {
      if (s.assignedValue() != null) {
        rebound.add(s.toString() + " = " + Sandbox.shorten(s.assignedValue().toString()));
        s.clearValue();
      }
    }
    return rebound;
  }

  /** The allowed built-ins, resolved once (lazily, after Symja's configuration above). */
  private static final class AuditedBuiltIns {
    static final java.util.List<org.matheclipse.core.interfaces.ISymbol> SYMBOLS = resolve();

    private static java.util.List<org.matheclipse.core.interfaces.ISymbol> resolve() {
      ExprEvaluator parser = new ExprEvaluator(false, (short) 1);
      java.util.List<org.matheclipse.core.interfaces.ISymbol> out = new java.util.ArrayList<>();
      for (String name : Sandbox.ALLOWED) {
        if (parser.parse(name) instanceof org.matheclipse.core.interfaces.ISymbol s && s.isBuiltInSymbol()) {
          out.add(s);
        }
      }
      return java.util.List.copyOf(out);
    }
  }

  /**
   * The built-in Symja symbol a name denotes, or null (the parser ignores case: beta is Beta).
   */
  public String builtIn(String name) {
    try {
      IExpr e = evaluator.parse(name);
      return e instanceof org.matheclipse.core.interfaces.ISymbol s && s.isBuiltInSymbol() ? s.toString() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Symja's messages since the last call, at most a few lines. */
  public String drainMessages() {
    String text = messages.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    messages.reset();
    return text.length() > 600 ? text.substring(0, 600) + "..." : text;
  }

  /** Fails loudly if Symja's file-system or Java switches are on. */
  public static void assertSandboxed() {
    if (Config.FILESYSTEM_ENABLED || Config.JAVA_UNSAFE) {
      throw new IllegalStateException(
          "Symja file-system or Java access is enabled; ibcheck refuses to evaluate theorem files");
    }
  }

  /** Parses Symja input without evaluating it. */
  public IExpr parse(String input) throws InvalidExpressionException {
    try {
      IExpr e = evaluator.parse(input);
      if (e == null) {
        throw new InvalidExpressionException("empty expression");
      }
      return e;
    } catch (SyntaxError e) {
      throw new InvalidExpressionException("Symja syntax error: " + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      throw new InvalidExpressionException("Symja cannot parse '" + input + "': " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  /** Evaluates an expression; Symja's own errors come back as the unevaluated input. */
  public IExpr eval(IExpr expr) {
    return evaluator.eval(expr);
  }

  /** Requests the stop of evaluations that run past their deadline (one daemon thread for all sessions). */
  private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ibcheck-cas-deadline");
        t.setDaemon(true);
        return t;
      });

  /**
   * Evaluates with a deadline on this session's own engine: Symja checks the deadline while it
   * works, and at the deadline a watchdog requests the engine's stop; either way the result is
   * {@code $Aborted} and the engine stays usable. Symja's {@code TimeConstrained} does the same on a
   * copy of the engine in another thread, which costs 0.2-0.4 s per call here (a Simplify that
   * closes in 2 ms takes 300 ms inside it), and leaves a computation that ignores it running in the
   * background; here such a computation (rare: one Hessian-map step of the shipped files) runs on
   * until the step's own time limit stops the worker.
   *
   * @return the result, or {@code $Aborted} when the deadline passed
   */
  public IExpr evalWithin(IExpr expr, double seconds) {
    org.matheclipse.core.eval.EvalEngine engine = evaluator.getEvalEngine();
    long millis = Math.max(1L, (long) (seconds * 1000));
    long deadline = System.currentTimeMillis() + millis;
    engine.setStopRequested(false);
    engine.setTimeConstrainedMillis(deadline);
    java.util.concurrent.atomic.AtomicBoolean active = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.ScheduledFuture<?> stop = WATCHDOG.schedule(() -> {
      synchronized (active) {
        if (active.get()) { // never stop a later evaluation on this engine
          engine.stopRequest();
        }
      }
    }, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    try {
      IExpr r = evaluator.eval(expr);
      return System.currentTimeMillis() > deadline || engine.isStopRequested()
          ? org.matheclipse.core.expression.S.$Aborted : r;
    } catch (RuntimeException e) {
      if (System.currentTimeMillis() > deadline || engine.isStopRequested()) {
        return org.matheclipse.core.expression.S.$Aborted;
      }
      throw e;
    } finally {
      synchronized (active) {
        active.set(false);
      }
      stop.cancel(false);
      engine.setTimeConstrainedMillis(-1);
      engine.setStopRequested(false);
    }
  }

  /** Parses and evaluates Symja input written by ibcheck itself (never by a theorem file). */
  public IExpr evalInternal(String input) {
    return evaluator.eval(input);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return (nl < 0 ? t : t.substring(0, nl)).strip();
  }
}
