/**
 * Stage 3, numeric cross-checks: the API every kind implements and the infrastructure they share.
 * {@link ibcheck.crosscheck.NumericCheck} (one cross-check), {@link ibcheck.crosscheck.CheckKind} (how
 * a {@code kind:} is read), {@link ibcheck.crosscheck.CheckKinds} (the registry, filled from the
 * {@link ibcheck.crosscheck.CheckKindFamily} providers: the families under {@code crosscheck.kinds}
 * and a user's alike), {@link ibcheck.crosscheck.Judgement} (timing, evidence, verdict or error),
 * {@link ibcheck.crosscheck.KindFields} (a kind's fields declared once: {@link ibcheck.crosscheck.Field},
 * {@link ibcheck.crosscheck.Range}; read into {@link ibcheck.crosscheck.FieldValues} by a
 * {@link ibcheck.crosscheck.DeclaredKind}), reading of the crosschecks block and its data, and the
 * helpers the families share.
 */
package ibcheck.crosscheck;
