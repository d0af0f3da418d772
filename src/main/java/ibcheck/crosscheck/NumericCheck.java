package ibcheck.crosscheck;

import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import java.util.Map;

/**
 * A numeric cross-check as a theorem file states it: a computation on the real model (a flow, a
 * quadrature, a sampled estimate...) whose outcome is judged against the file's formula within a
 * stated tolerance. Every kind, built-in or a user's, is a {@link CheckKind} registered in
 * {@link CheckKinds}; the gate sees only this interface.
 */
public interface NumericCheck {
  /** Its name, time limit and {@code file:line}, as the file gives them. */
  CheckKind.Header header();

  /** What it checks, in words; unique within its theorem. */
  default String name() {
    return header().name();
  }

  /** Where it is written, {@code file:line}. */
  default String location() {
    return header().location();
  }

  /** Wall-time limit for the whole check. */
  default double timeoutSeconds() {
    return header().timeoutSeconds();
  }

  /**
   * Runs the check. Called on the theorem's symbolic worker thread, since the file's formulas compile
   * from its session; a failure to run is an {@code error} result, never an exception the gate sees.
   */
  ClaimResult run(TheoremSession session);

  /**
   * This check on one random instance a property draws: each drawn quantity replaces a setting.
   *
   * @throws IllegalArgumentException naming a quantity this check has no setting for
   */
  NumericCheck instantiate(Map<String, Double> drawn);
}
