/**
 * Stage 3, numeric cross-checks: the API every kind implements and the helpers the families share at
 * run time. {@link ibcheck.crosscheck.NumericCheck} (one cross-check), {@link
 * ibcheck.crosscheck.CheckKind} (how a {@code kind:} is read), {@link ibcheck.crosscheck.CheckKinds}
 * (the registry, filled from the {@link ibcheck.crosscheck.CheckKindFamily} providers: the families
 * under {@code crosscheck.kinds} and a user's alike), {@link ibcheck.crosscheck.Judgement} (timing,
 * evidence, verdict or error); the shared helpers {@link ibcheck.crosscheck.KindSupport} (a file's
 * formula compiled at run time, drawn quantities, random frames), {@link
 * ibcheck.crosscheck.FileRelation}, {@link ibcheck.crosscheck.Vectors}, {@link ibcheck.crosscheck.Fits}
 * and {@link ibcheck.crosscheck.LinearFlowSampler}. Reading the crosschecks block and the kinds' field
 * declarations is {@code crosscheck.read}'s, which builds on this package, never the other way.
 */
package ibcheck.crosscheck;
