package ibcheck.gate;

import ibcheck.property.PropertyChecker;
import ibcheck.property.PropertySpec;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeoutException;

/**
 * Checks one theorem: every derivation step in order, each under its own time limit. A step that
 * errs or times out is reported and the next step still runs.
 */
public final class TheoremChecker {
  private static final double DEFINITION_TIMEOUT_SECONDS = 30;
  private static final double PROPERTY_TIMEOUT_SECONDS = 120;

  private final long baseSeed;

  public TheoremChecker(long baseSeed) {
    this.baseSeed = baseSeed;
  }

  public TheoremResult check(TheoremSpec spec) {
    return check(spec, List.of());
  }

  /** Checks the derivation, then each property that supports the theorem. */
  public TheoremResult check(TheoremSpec spec, List<PropertySpec> properties) {
    long start = System.nanoTime();
    List<ClaimResult> claims = new ArrayList<>();
    try (SymbolicWorker worker = SymbolicWorker.start(spec, DEFINITION_TIMEOUT_SECONDS)) {
      for (Step step : spec.derivation()) {
        claims.add(checkStep(worker, step, seed(spec, step.name())));
      }
      for (PropertySpec property : properties) {
        claims.add(checkProperty(worker, property));
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
    AtomicReference<AtomicReference<ClaimResult>> partial = new AtomicReference<>();
    try {
      return worker.run(s -> {
        StepChecker checker = new StepChecker(s);
        partial.set(checker.partial());
        return checker.check(step, seed);
      }, step.timeoutSeconds());
    } catch (TimeoutException e) {
      ClaimResult witnessOnly = partial.get() == null ? null : partial.get().get();
      if (witnessOnly != null) {
        // the witness finished; only the CAS ran out of time: keep the witness-only verdict
        return new ClaimResult(witnessOnly.name(), witnessOnly.kind(), witnessOnly.verdict(), seconds(start),
            witnessOnly.message() + " (the CAS did not finish within " + step.timeoutSeconds() + " s)",
            witnessOnly.location(), witnessOnly.evidence());
      }
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

  private ClaimResult checkProperty(SymbolicWorker worker, PropertySpec property) {
    long start = System.nanoTime();
    try {
      return worker.run(s -> new PropertyChecker(s, baseSeed).check(property), PROPERTY_TIMEOUT_SECONDS);
    } catch (TimeoutException e) {
      return ClaimResult.failure(property.name(), ClaimKind.PROPERTY, Verdict.TIMEOUT, seconds(start),
          "property '" + property.name() + "' exceeded " + PROPERTY_TIMEOUT_SECONDS + " s; lower 'tries:'",
          property.location());
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      return ClaimResult.failure(property.name(), ClaimKind.PROPERTY, Verdict.ERROR, seconds(start),
          "property '" + property.name() + "' failed: " + cause, property.location());
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
