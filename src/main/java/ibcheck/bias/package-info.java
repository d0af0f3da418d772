/**
 * Stage 3, numeric: the predicted side of an implicit-bias claim: argmin of a potential under
 * constraints, norms, max-margin and spectral problems, quadrature.
 */
package ibcheck.bias;
