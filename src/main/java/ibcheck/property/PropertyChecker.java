package ibcheck.property;

import static org.quicktheories.QuickTheory.qt;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

/**
 * Runs one property with QuickTheories: {@code tries} random instances from a fixed seed; on failure
 * QuickTheories shrinks to a smaller counterexample, and both the shrunk and the first (original)
 * counterexample are reported with the seed that replays them.
 */
public final class PropertyChecker {
  private final TheoremSession theorem;
  private final List<NumericCheck> crosschecks;
  private final long baseSeed;

  /**
   * @param theorem the theorem's session, in which the properties' formulas compile
   * @param crosschecks the theorem's cross-checks, which a property may run on drawn instances
   * @param baseSeed the run's seed
   */
  public PropertyChecker(TheoremSession theorem, List<NumericCheck> crosschecks, long baseSeed) {
    this.theorem = theorem;
    this.crosschecks = List.copyOf(crosschecks);
    this.baseSeed = baseSeed;
  }

  /** The seed a property runs with: its own {@code seed:} if set, else derived from the run's seed. */
  public long seedOf(PropertySpec spec) {
    return spec.seed() != null ? spec.seed()
        : baseSeed * 1_000_003L ^ (theorem.spec().id() + "#" + spec.name()).hashCode();
  }

  /**
   * Checks one property on the instances its generator draws, keeping the smallest counterexample found.
   *
   * <p>One method on purpose: the compile step, the generator loop, the shrinking of a counterexample and the
   * verdict share the found counterexample and the error paths, which read best in order.
   */
  public ClaimResult check(PropertySpec spec) {
    long start = System.nanoTime();
    long seed = seedOf(spec);
    Map<String, Object> evidence = new LinkedHashMap<>();
    if (spec.holds() != null) {
      evidence.put("holds", spec.holds());
    } else {
      evidence.put("check", spec.check());
    }
    evidence.put("tries", spec.tries());
    evidence.put("seed", seed);
    evidence.put("tolerance", spec.tolerance());
    InstanceCheck predicate;
    Gen<Instance> instances;
    try {
      predicate = spec.holds() != null
          ? new NumericPredicate(theorem.session(), spec.holds(), theorem.known(), spec.quantities(), spec.tolerance())
          : new CrosscheckOnInstance(theorem, crosschecks, spec.check(), spec.quantities());
      instances = new InstanceGenerator(theorem.session(), spec.name()).build(spec.quantities());
    } catch (InvalidExpressionException e) {
      return result(spec, Verdict.ERROR, start, "property '" + spec.name() + "': " + e.getMessage(), evidence);
    }

    Falsification found = new Falsification();
    try {
      qt().withFixedSeed(seed).withExamples(spec.tries()).withReporter(found)
          .forAll(instances)
          .check(inst -> {
            String why;
            try {
              why = predicate.failure(inst);
            } catch (RuntimeException e) { // an exception inside a try is a failure with its input shown
              why = "exception: " + e;
            }
            if (why != null && found.original == null) {
              found.original = inst;
              found.originalReason = why;
            }
            if (why != null) {
              found.reasons.put(inst.toString(), why);
            }
            return why == null;
          });
    } catch (InstanceGenerator.UnsatisfiableException e) {
      return result(spec, Verdict.ERROR, start, e.getMessage(), evidence);
    } catch (RuntimeException | AssertionError e) {
      if (found.smallest == null) {
        return result(spec, Verdict.ERROR, start,
            "property '" + spec.name() + "' could not run: " + e.getMessage(), evidence);
      }
    }
    if (found.smallest == null) {
      return result(spec, Verdict.HELD, start, "held on all " + spec.tries() + " tries (seed " + seed + ")", evidence);
    }
    String smallest = String.valueOf(found.smallest);
    Map<String, Object> counterexample = new LinkedHashMap<>();
    counterexample.put("instance", smallest);
    counterexample.put("why", found.reasons.getOrDefault(smallest, ""));
    evidence.put("counterexample", counterexample);
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("instance", String.valueOf(found.original));
    original.put("why", found.originalReason);
    evidence.put("originalCounterexample", original);
    evidence.put("examplesBeforeFalsified", found.examples);
    String replay = "replay with 'seed: " + seed + "' on the property, or the same --seed/-Dibcheck.seed";
    evidence.put("replay", replay);
    return result(spec, Verdict.FALSIFIED, start, "falsified: smallest counterexample " + smallest + " ("
        + counterexample.get("why") + "); first found " + found.original + "; " + replay, evidence);
  }

  private static ClaimResult result(PropertySpec spec, Verdict v, long start, String message, Map<String, Object> evidence) {
    return new ClaimResult(spec.name(), ClaimKind.PROPERTY, v, (System.nanoTime() - start) / 1e9, message,
        spec.location(), evidence);
  }

  /** Collects what QuickTheories reports instead of letting it throw a formatted message only. */
  private static final class Falsification implements Reporter {
    Object smallest;
    int examples;
    Instance original;
    String originalReason;
    final Map<String, String> reasons = new LinkedHashMap<>();
    final List<Object> others = new ArrayList<>();

    @Override
    public void falisification(long seed, int examplesUsed, Object smallest, Throwable cause,
        List<Object> otherFalsifyingValues, AsString<Object> toString) {
      record(examplesUsed, smallest, otherFalsifyingValues);
    }

    @Override
    public void falisification(long seed, int examplesUsed, Object smallest,
        List<Object> otherFalsifyingValues, AsString<Object> toString) {
      record(examplesUsed, smallest, otherFalsifyingValues);
    }

    private void record(int examplesUsed, Object smallest, List<Object> otherValues) {
      this.smallest = smallest;
      this.examples = examplesUsed;
      this.others.addAll(otherValues);
    }

    @Override
    public void valuesExhausted(int examples) {
      // fewer distinct values than tries (e.g. a small integer range): not a failure
    }
  }
}
