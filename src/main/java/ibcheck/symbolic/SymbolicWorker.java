package ibcheck.symbolic;

import ibcheck.spec.TheoremSpec;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A thread of its own holding one theorem's {@link TheoremSession} (Symja evaluators are not
 * thread-safe). Each task runs under a time limit; a task past it is interrupted (Symja checks the
 * interrupt flag as it evaluates) and the worker is replaced, definitions reloaded, so a runaway step
 * never blocks the steps after it.
 */
public final class SymbolicWorker implements AutoCloseable {
  private final TheoremSpec spec;
  private ExecutorService thread;
  private volatile Thread current;
  private TheoremSession session;

  private SymbolicWorker(TheoremSpec spec) {
    this.spec = spec;
  }

  /** Starts a worker and loads the theorem's definitions on it, within {@code timeoutSeconds}. */
  public static SymbolicWorker start(TheoremSpec spec, double timeoutSeconds)
      throws TheoremSession.DefinitionException, TimeoutException {
    SymbolicWorker w = new SymbolicWorker(spec);
    w.restart(timeoutSeconds);
    return w;
  }

  private void restart(double timeoutSeconds) throws TheoremSession.DefinitionException, TimeoutException {
    stop();
    thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(null, r, "ibcheck-symbolic-" + spec.id(), 64L << 20);
      t.setDaemon(true); // a step that ignores interrupts must not keep the JVM alive
      current = t;
      return t;
    });
    try {
      session = submit(() -> new TheoremSession(spec), timeoutSeconds);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TheoremSession.DefinitionException d) {
        throw d;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Runs a task against the theorem's session on the worker thread.
   *
   * @throws TimeoutException when the task exceeds its limit; the worker has then been replaced
   * @throws ExecutionException when the task threw
   */
  public <T> T run(Function<TheoremSession, T> task, double timeoutSeconds)
      throws TimeoutException, ExecutionException {
    TheoremSession s = session;
    try {
      return submit(() -> task.apply(s), timeoutSeconds);
    } catch (TimeoutException e) {
      try {
        restart(30);
      } catch (TheoremSession.DefinitionException | TimeoutException again) {
        throw new IllegalStateException("could not restart the symbolic worker: " + again.getMessage());
      }
      throw e;
    }
  }

  private <T> T submit(Callable<T> c, double timeoutSeconds) throws TimeoutException, ExecutionException {
    Future<T> f = thread.submit(c);
    try {
      return f.get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new TimeoutException("interrupted");
    } catch (TimeoutException e) {
      f.cancel(true);
      throw e;
    }
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.shutdownNow();
    }
  }

  /**
   * Ends the current evaluator thread. Symja checks the interrupt flag in its evaluation loop, but
   * some algorithms (deep in Simplify or polynomial arithmetic) do not; such a thread would burn a
   * core for the rest of the run, so after a grace period it is stopped outright. Its evaluator and
   * definitions are discarded with it, so no half-updated state is reused.
   */
  @SuppressWarnings({"deprecation", "removal"})
  private void stop() {
    if (thread == null) {
      return;
    }
    thread.shutdownNow();
    Thread t = current;
    if (t != null) {
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.isAlive()) {
        t.stop();
      }
    }
  }
}
