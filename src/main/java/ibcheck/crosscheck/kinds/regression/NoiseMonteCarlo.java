package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.KindSupport;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Monte Carlo over the noise of a linear-regression problem: {@code samples} draws
 * {@code xi ~ N(0, eps^2 I_n)}, common to every time so that the times are compared on the same
 * draws, and at a state of the {@link RegressionFlow} the sample mean of
 * {@code e = ||beta(t) - beta*||^2} with its standard error.
 */
final class NoiseMonteCarlo {
  /** The sample mean and its standard error. */
  record Estimate(double mean, double standardError) {}

  private final double[][] draws;

  /** Draws from a generator seeded apart from the data's ({@code seed * 7919 + 17}). */
  NoiseMonteCarlo(long seed, int samples, int n, double noise) {
    RandomGenerator random = new Well19937c(seed * 7919 + 17);
    draws = new double[samples][];
    for (int s = 0; s < samples; s++) {
      draws[s] = KindSupport.gaussian(random, n, noise);
    }
  }

  Estimate at(RegressionFlow flow, double[] state) {
    double sum = 0;
    double sum2 = 0;
    for (double[] xi : draws) {
      double e = flow.error(state, xi);
      sum += e;
      sum2 += e * e;
    }
    double mean = sum / draws.length;
    double se = Math.sqrt(Math.max(0, sum2 / draws.length - mean * mean) / (draws.length - 1));
    return new Estimate(mean, se);
  }
}
