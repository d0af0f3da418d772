/**
 * Stage 3, numeric cross-checks: the matrix-factorisation kind (nuclear-norm), registered by
 * {@link ibcheck.crosscheck.kinds.matrix.MatrixKinds}.
 */
package ibcheck.crosscheck.kinds.matrix;
