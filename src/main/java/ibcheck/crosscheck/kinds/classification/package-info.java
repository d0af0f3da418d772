/**
 * Stage 3, numeric cross-checks: the classification kinds (max-margin, kernel-margin), with the
 * separable data, margin trajectories and rate fits they share, registered by
 * {@link ibcheck.crosscheck.kinds.classification.ClassificationKinds}.
 */
package ibcheck.crosscheck.kinds.classification;
