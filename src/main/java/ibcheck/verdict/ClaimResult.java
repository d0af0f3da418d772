package ibcheck.verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of checking one claim: its verdict, how long it took, and the evidence behind the
 * verdict (CAS result, witness points and errors, counterexample, tolerance and measured error...).
 *
 * @param name the claim's name as written in the theorem file
 * @param kind which leg checked it
 * @param verdict what was established
 * @param seconds wall time of the check
 * @param message one line a person reads first: why it passed or failed
 * @param location where the claim is written, {@code file:line}
 * @param evidence machine-readable backing, ordered
 */
public record ClaimResult(
    String name,
    ClaimKind kind,
    Verdict verdict,
    double seconds,
    String message,
    String location,
    Map<String, Object> evidence) {

  public ClaimResult {
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  /** A failed check that never got as far as evidence: bad input, an exception, a time limit. */
  public static ClaimResult failure(
      String name, ClaimKind kind, Verdict verdict, double seconds, String message, String location) {
    return new ClaimResult(name, kind, verdict, seconds, message, location, Map.of());
  }
}
