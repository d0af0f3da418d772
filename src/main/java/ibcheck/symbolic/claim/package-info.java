/**
 * Stage 2, symbolic: what a derivation step claims (an identity or inequality, a limit, a series, a
 * Hessian-map condition, a conjunction), independent of how it is checked. The step checker, the
 * numeric witnesses and the prover's methods ({@code symbolic.prove}) all read it, so it sits below them.
 */
package ibcheck.symbolic.claim;
