/**
 * Stage 3, numeric cross-checks: the SGD and GD kinds (moment, stability, sharpness) with their
 * moment matrices, stability diagram and critical learning rate, registered by
 * {@link ibcheck.crosscheck.kinds.sgd.SgdKinds}.
 */
package ibcheck.crosscheck.kinds.sgd;
