/**
 * Stage 3, numeric cross-checks: the kinds for ReLU networks on the line (zeta, variational,
 * wide-relu, representation-cost, linearisation) and their parts, registered by
 * {@link ibcheck.crosscheck.kinds.relu1d.Relu1dKinds}.
 */
package ibcheck.crosscheck.kinds.relu1d;
