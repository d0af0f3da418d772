package ibcheck.bias;

/**
 * The solution of {@code min Q(beta) s.t. X beta = y} and how well it satisfies the KKT conditions.
 *
 * @param beta the minimiser
 * @param stationarity {@code ||P_null(X) grad Q(beta)||_inf}: the part of grad Q off the row space of X
 * @param feasibility {@code ||X beta - y||_inf}
 * @param iterations Levenberg-Marquardt iterations
 */
public record Argmin(double[] beta, double stationarity, double feasibility, int iterations) {}
