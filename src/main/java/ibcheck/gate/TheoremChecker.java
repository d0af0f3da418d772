package ibcheck.gate;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.property.PropertyChecker;
import ibcheck.property.PropertySpec;
import ibcheck.spec.Step;
import ibcheck.files.TheoremFile;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Checks one theorem: every derivation step in order, then its numeric cross-checks, then the
 * properties that support it, each under its own time limit. A claim that errs or times out is
 * reported and the next claim still runs.
 */
public final class TheoremChecker {
  private static final double DEFINITION_TIMEOUT_SECONDS = 30;
  private static final double PROPERTY_TIMEOUT_SECONDS = 120;

  private final long baseSeed;
  private final RunDeadline deadline;

  public TheoremChecker(long baseSeed) {
    this(baseSeed, RunDeadline.NONE);
  }

  /** @param deadline the whole run's limit: no claim runs past it */
  TheoremChecker(long baseSeed, RunDeadline deadline) {
    HighPrecisionConstants.fix(); // results must not depend on which theorems ran before, or on threads
    this.baseSeed = baseSeed;
    this.deadline = deadline;
  }

  public TheoremResult check(TheoremFile theorem) {
    return check(theorem, List.of());
  }

  /** Checks the derivation and the cross-checks, then each property that supports the theorem. */
  public TheoremResult check(TheoremFile theorem, List<PropertySpec> properties) {
    TheoremSpec spec = theorem.spec();
    long start = System.nanoTime();
    List<ClaimResult> claims = new ArrayList<>();
    double definitionLimit = deadline.bound(DEFINITION_TIMEOUT_SECONDS);
    try (SymbolicWorker worker = SymbolicWorker.start(spec, definitionLimit)) {
      for (Step step : spec.derivation()) {
        claims.add(checkStep(worker, step, seed(spec, step.name())));
      }
      for (NumericCheck c : theorem.crosschecks()) {
        claims.add(guarded(worker, c::run, c.timeoutSeconds(), c.name(), ClaimKind.CROSSCHECK,
            c.location(), "cross-check", "raise it with 'timeout:' on the cross-check"));
      }
      for (PropertySpec p : properties) {
        claims.add(guarded(worker, s -> new PropertyChecker(s, theorem.crosschecks(), baseSeed).check(p), PROPERTY_TIMEOUT_SECONDS,
            p.name(), ClaimKind.PROPERTY, p.location(), "property", "lower 'tries:'"));
      }
    } catch (TheoremSession.DefinitionException e) {
      claims.add(ClaimResult.failure("definition " + e.definition().lhs(), ClaimKind.SYMBOLIC,
          Verdict.ERROR, 0, "definition '" + e.definition().lhs() + "': " + e.getMessage(),
          e.definition().location()));
    } catch (TimeoutException e) {
      claims.add(ClaimResult.failure("definitions", ClaimKind.SYMBOLIC, Verdict.TIMEOUT, definitionLimit,
          definitionLimit < DEFINITION_TIMEOUT_SECONDS ? deadline.ranOut("while the definitions were loading")
              : "loading the definitions took longer than " + DEFINITION_TIMEOUT_SECONDS + " s", spec.file()));
    }
    return new TheoremResult(spec.id(), spec.title(), spec.source(), spec.file(),
        (System.nanoTime() - start) / 1e9, claims);
  }

  private ClaimResult checkStep(SymbolicWorker worker, Step step, long seed) {
    long start = System.nanoTime();
    AtomicReference<AtomicReference<ClaimResult>> partial = new AtomicReference<>();
    ClaimResult r = guarded(worker, s -> {
      StepChecker checker = new StepChecker(s);
      partial.set(checker.partial());
      return checker.check(step, seed);
    }, step.timeoutSeconds(), step.name(), ClaimKind.SYMBOLIC, step.location(), "step", "raise it with 'timeout:' on the step");
    ClaimResult witnessOnly = partial.get() == null ? null : partial.get().get();
    if (r.verdict() == Verdict.TIMEOUT && witnessOnly != null) {
      // the witness finished; only the CAS ran out of time: keep the witness-only verdict
      return new ClaimResult(witnessOnly.name(), witnessOnly.kind(), witnessOnly.verdict(), seconds(start),
          witnessOnly.message() + " (the CAS did not finish within " + step.timeoutSeconds() + " s)",
          witnessOnly.location(), witnessOnly.evidence());
    }
    return r;
  }

  /**
   * Runs one claim's check on the theorem's worker thread under its own time limit cut to what is left
   * of the run (none left: not started); a timeout or an
   * exception becomes a TIMEOUT or ERROR result naming the claim and the cause, never a crash.
   */
  private ClaimResult guarded(SymbolicWorker worker, Function<TheoremSession, ClaimResult> task,
      double timeoutSeconds, String name, ClaimKind kind, String location, String what, String hint) {
    long start = System.nanoTime();
    double limit = deadline.bound(timeoutSeconds);
    if (limit <= 0) {
      return ClaimResult.failure(name, kind, Verdict.TIMEOUT, 0,
          what + " '" + name + "' was not checked: " + deadline.ranOut("before it started"), location);
    }
    try {
      return worker.run(task, limit);
    } catch (TimeoutException e) {
      return ClaimResult.failure(name, kind, Verdict.TIMEOUT, seconds(start), what + " '" + name + "' "
          + (limit < timeoutSeconds ? "stopped: " + deadline.ranOut("while it was checked")
              : "exceeded its time limit of " + timeoutSeconds + " s (" + hint + ")"), location);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof OutOfMemoryError) {
        // the check's own allocations become garbage once it has failed: the run can go on
        return ClaimResult.failure(name, kind, Verdict.ERROR, seconds(start), what + " '" + name
            + "' ran out of memory (" + cause.getMessage() + "; heap limit " + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB): make it smaller", location);
      }
      return ClaimResult.failure(name, kind, Verdict.ERROR, seconds(start),
          what + " '" + name + "' failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), location);
    } catch (RuntimeException | StackOverflowError e) {
      return ClaimResult.failure(name, kind, Verdict.ERROR, seconds(start),
          what + " '" + name + "' failed: " + e, location);
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
