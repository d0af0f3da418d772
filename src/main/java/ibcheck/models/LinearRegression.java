package ibcheck.models;

import java.util.Arrays;

/**
 * Plain linear regression (Wu 2020): the parameters are the predictor itself,
 * {@code theta = beta}, initialised at {@code beta(0) = beta0} in every coordinate. The flow of
 * {@code L = ||X beta - y||^2} stays in {@code beta0 + rowspace(X)}, so its limit is the interpolant
 * nearest to beta(0): {@code argmin ||beta - beta(0)||} over {@code X beta = y}.
 */
public final class LinearRegression implements LinearPredictor {
  private final double beta0;

  public LinearRegression(double beta0) {
    this.beta0 = beta0;
  }

  @Override
  public String name() {
    return "linear-regression";
  }

  @Override
  public java.util.List<String> parameterBlocks() {
    return java.util.List.of("b");
  }

  @Override
  public double[] initialParameters(int inputs) {
    double[] theta = new double[inputs];
    Arrays.fill(theta, beta0);
    return theta;
  }

  @Override
  public double[] beta(double[] theta) {
    return theta.clone();
  }

  @Override
  public double[] pullBack(double[] theta, double[] g) {
    return g.clone();
  }
}
