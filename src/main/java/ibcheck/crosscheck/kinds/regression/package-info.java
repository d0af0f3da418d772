/**
 * Stage 3, numeric cross-checks: the regression kinds (linear-regression, sphere-kernel) and their
 * parts, registered by {@link ibcheck.crosscheck.kinds.regression.RegressionKinds}.
 */
package ibcheck.crosscheck.kinds.regression;
