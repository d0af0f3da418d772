package ibcheck.symbolic;

import java.util.List;
import java.util.Map;

/**
 * What the high-precision numeric witness found.
 *
 * @param status whether every point agreed, a counterexample turned up, or nothing numeric could be
 *     computed
 * @param method how the witness worked (points and precision, or the sequence used for a limit)
 * @param points the points evaluated with their errors, in order
 * @param maxError the largest relative error (or trend measure) seen
 * @param tolerance the bound the error was held to
 * @param counterexample the first failing point, or null
 * @param message a sentence a person reads
 */
public record WitnessOutcome(
    Status status,
    String method,
    List<Map<String, Object>> points,
    double maxError,
    double tolerance,
    Map<String, Object> counterexample,
    String message) {

  public enum Status {
    AGREE,
    COUNTEREXAMPLE,
    NOT_NUMERIC
  }
}
