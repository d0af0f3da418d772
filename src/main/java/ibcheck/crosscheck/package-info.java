/**
 * Stage 3, numeric: cross-checks of a theorem against the real model. The API is
 * {@link ibcheck.crosscheck.NumericCheck} (one cross-check), {@link ibcheck.crosscheck.CheckKind} (how a
 * {@code kind:} is read), {@link ibcheck.crosscheck.CheckKinds} (the registry, built-in kinds and a
 * user's alike) and {@link ibcheck.crosscheck.Judgement} (timing, evidence, verdict or error).
 */
package ibcheck.crosscheck;
