package ibcheck.gate;

import ibcheck.crosscheck.Crosscheck;
import ibcheck.crosscheck.CrosscheckRunner;
import ibcheck.spec.Step;
import ibcheck.spec.TheoremSpec;
import ibcheck.symbolic.StepChecker;
import ibcheck.symbolic.SymbolicWorker;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.TheoremResult;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Checks one theorem: every derivation step in order, then every numeric cross-check, each under its
 * own time limit. A step or cross-check that errs or times out is reported and the next still runs.
 */
public final class TheoremChecker {
  private static final double DEFINITION_TIMEOUT_SECONDS = 30;

  private final long baseSeed;
  private final CrosscheckRunner runner;

  public TheoremChecker(long baseSeed) {
    this(baseSeed, new CrosscheckRunner());
  }

  public TheoremChecker(long baseSeed, CrosscheckRunner runner) {
    this.baseSeed = baseSeed;
    this.runner = runner;
  }

  public TheoremResult check(TheoremSpec spec) {
    long start = System.nanoTime();
    List<ClaimResult> claims = new ArrayList<>();
    try (SymbolicWorker worker = SymbolicWorker.start(spec, DEFINITION_TIMEOUT_SECONDS)) {
      for (Step step : spec.derivation()) {
        claims.add(checkStep(worker, step, seed(spec, step.name())));
      }
      for (Crosscheck c : spec.crosschecks()) {
        claims.add(crosscheck(worker, c));
      }
    } catch (TheoremSession.DefinitionException e) {
      claims.add(ClaimResult.failure("definition " + e.definition().lhs(), ClaimKind.SYMBOLIC,
          Verdict.ERROR, 0, "definition '" + e.definition().lhs() + "': " + e.getMessage(),
          e.definition().location()));
    } catch (TimeoutException e) {
      claims.add(ClaimResult.failure("definitions", ClaimKind.SYMBOLIC, Verdict.TIMEOUT, DEFINITION_TIMEOUT_SECONDS,
          "loading the definitions took longer than " + DEFINITION_TIMEOUT_SECONDS + " s", spec.file()));
    }
    return new TheoremResult(spec.id(), spec.title(), spec.source(), spec.file(),
        (System.nanoTime() - start) / 1e9, claims);
  }

  private static ClaimResult checkStep(SymbolicWorker worker, Step step, long seed) {
    long start = System.nanoTime();
    try {
      return worker.run(s -> new StepChecker(s).check(step, seed), step.timeoutSeconds());
    } catch (TimeoutException e) {
      return ClaimResult.failure(step.name(), ClaimKind.SYMBOLIC, Verdict.TIMEOUT, seconds(start),
          "step '" + step.name() + "' exceeded its time limit of " + step.timeoutSeconds()
              + " s (raise it with 'timeout:' on the step)", step.location());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return ClaimResult.failure(step.name(), ClaimKind.SYMBOLIC, Verdict.ERROR, seconds(start),
          "step '" + step.name() + "' failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
          step.location());
    } catch (RuntimeException e) {
      return ClaimResult.failure(step.name(), ClaimKind.SYMBOLIC, Verdict.ERROR, seconds(start),
          "step '" + step.name() + "' failed: " + e.getMessage(), step.location());
    }
  }

  /** Runs a cross-check on the worker (its formula compiles in the theorem's session), under its time limit. */
  private ClaimResult crosscheck(SymbolicWorker worker, Crosscheck c) {
    long start = System.nanoTime();
    try {
      return worker.run(s -> runner.run(s, c), c.timeoutSeconds());
    } catch (TimeoutException e) {
      return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, Verdict.TIMEOUT, seconds(start),
          "cross-check '" + c.name() + "' exceeded its time limit of " + c.timeoutSeconds()
              + " s (raise it with 'timeout:' on the cross-check)", c.location());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, seconds(start),
          "cross-check '" + c.name() + "' failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
          c.location());
    } catch (RuntimeException e) {
      return ClaimResult.failure(c.name(), ClaimKind.CROSSCHECK, Verdict.ERROR, seconds(start),
          "cross-check '" + c.name() + "' failed: " + e.getMessage(), c.location());
    }
  }

  /** A seed per step that depends only on the base seed, the theorem and the step's name. */
  long seed(TheoremSpec spec, String stepName) {
    return baseSeed * 1_000_003L ^ (spec.id() + "/" + stepName).hashCode();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
