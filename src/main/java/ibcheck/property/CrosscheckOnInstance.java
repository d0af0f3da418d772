package ibcheck.property;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.List;
import java.util.Map;

/**
 * A property that runs one of the theorem's cross-checks on every drawn instance: the flow of the
 * real model on random data and settings must agree with the file's prediction each time.
 */
final class CrosscheckOnInstance implements InstanceCheck {
  private final TheoremSession theorem;
  private final NumericCheck crosscheck;

  CrosscheckOnInstance(TheoremSession theorem, List<NumericCheck> crosschecks, String name, List<Quantity> quantities)
      throws InvalidExpressionException {
    this.theorem = theorem;
    this.crosscheck = crosschecks.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new InvalidExpressionException("no cross-check named '" + name + "' in theorem '"
            + theorem.spec().id() + "' (it has: " + String.join("; ",
                crosschecks.stream().map(NumericCheck::name).toList()) + ")"));
    Map<String, Double> probe = new java.util.LinkedHashMap<>();
    quantities.forEach(q -> probe.put(q.name(), 1.0));
    try {
      crosscheck.instantiate(probe);
    } catch (IllegalArgumentException e) {
      throw new InvalidExpressionException(e.getMessage());
    }
  }

  @Override
  public String failure(Instance instance) {
    ClaimResult r = crosscheck.instantiate(instance.values()).run(theorem);
    return r.verdict().passes() ? null : r.verdict() + ": " + r.message();
  }
}
