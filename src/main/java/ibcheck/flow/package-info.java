/**
 * Stage 3, numeric: a model's gradient flow to convergence (Hipparchus ODE), with a certificate of
 * how far the limit can still move.
 */
package ibcheck.flow;
