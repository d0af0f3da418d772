/**
 * Stage 3, numeric cross-checks: the gradient-flow kinds (agreement, regime, threshold, invariant,
 * approaches, kernel-trajectory, potential-argmin, time-warp, convex-flow), their flow sweeps and
 * setups, registered by {@link ibcheck.crosscheck.kinds.flow.FlowKinds}.
 */
package ibcheck.crosscheck.kinds.flow;
