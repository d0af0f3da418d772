package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.Vectors;
import ibcheck.symbolic.CompiledExpression;
import java.util.List;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.util.MathArrays;

/**
 * One drawn over-parameterised problem {@code y = X beta* + xi}, {@code xi ~ N(0, eps^2 I)}, with
 * its starting point beta(0) and the SVD of X, and the values the file's formulas see: per component
 * j the singular value sigma_j, z_j = u_j.y, a0_j = v_j.beta(0), astar_j = v_j.beta*; globally n,
 * dim = d, eps, s1 = sigma_1 and bnull2 = ||(I - V V^T)(beta(0) - beta*)||^2.
 */
final class RegressionProblem {
  static final List<String> COMPONENT_VARS = List.of("t", "sigma", "z", "a0", "astar", "n", "dim", "eps", "s1");
  static final List<String> GLOBAL_VARS = List.of("t", "n", "dim", "eps", "s1", "bnull2");
  static final List<String> TIME_VARS = List.of("n", "dim", "eps", "s1");

  private final double[][] x;
  private final double[] y;
  private final double[] truth;
  private final double[] beta0;
  private final double noise;
  private final SpectralComponents svd;
  private final double[] a0;
  private final double[] astar;
  private final double[] z;
  private final double bnull2;

  private RegressionProblem(double[][] x, double[] y, double[] truth, double[] beta0, double noise,
      SpectralComponents svd) {
    this.x = x;
    this.y = y;
    this.truth = truth;
    this.beta0 = beta0;
    this.noise = noise;
    this.svd = svd;
    this.a0 = svd.rowCoordinates(beta0);
    this.astar = svd.rowCoordinates(truth);
    this.z = svd.dataCoordinates(y);
    double[] nullDiff = svd.nullPart(MathArrays.ebeSubtract(beta0, truth));
    this.bnull2 = Vectors.dot(nullDiff, nullDiff);
  }

  /**
   * Draws X, then beta*, beta(0) and the noise, in that order, from one generator seeded with the
   * setup's seed. beta* = v_1 needs the SVD before it is drawn.
   *
   * @throws IllegalStateException when X does not have full row rank
   */
  static RegressionProblem draw(RegressionSetup setup) {
    int n = setup.rows();
    int d = setup.cols();
    RandomGenerator random = new Well19937c(setup.seed());
    double[][] x;
    if (setup.spectrum() == null) {
      x = KindSupport.gaussian(random, n, d, 1);
    } else {
      RealMatrix u = KindSupport.orthonormal(random, n, n);
      RealMatrix v = KindSupport.orthonormal(random, d, n);
      x = u.multiply(MatrixUtils.createRealDiagonalMatrix(setup.spectrum())).multiply(v.transpose()).getData();
    }
    SpectralComponents svd = SpectralComponents.of(x);
    double[] truth = switch (setup.truth()) {
      case "random" -> KindSupport.gaussian(random, d, 1 / Math.sqrt(d));
      case "top-singular" -> svd.rowVector(0);
      default -> new double[d];
    };
    double[] beta0 = setup.init().equals("random") ? KindSupport.gaussian(random, d, 1 / Math.sqrt(d)) : new double[d];
    double[] xi = KindSupport.gaussian(random, n, setup.noise());
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Vectors.dot(x[i], truth) + xi[i];
    }
    return new RegressionProblem(x, y, truth, beta0, setup.noise(), svd);
  }

  /** The number of data, the rows of X. */
  int n() {
    return y.length;
  }

  /** The dimension, the columns of X. */
  int d() {
    return truth.length;
  }

  double[][] x() {
    return x;
  }

  double[] y() {
    return y;
  }

  /** beta*. */
  double[] truth() {
    return truth;
  }

  /** beta(0). */
  double[] beta0() {
    return beta0;
  }

  /** eps, the noise's standard deviation. */
  double noise() {
    return noise;
  }

  SpectralComponents svd() {
    return svd;
  }

  /** A per-component formula ({@link #COMPONENT_VARS}) for component j at time t. */
  double perComponent(CompiledExpression f, double t, int j) {
    double[] sigma = svd.sigma();
    return f.value(t, sigma[j], z[j], a0[j], astar[j], n(), d(), noise, sigma[0]);
  }

  /** A formula in {@link #GLOBAL_VARS} at time t. */
  double global(CompiledExpression f, double t) {
    return f.value(t, n(), d(), noise, svd.sigma()[0], bnull2);
  }

  /** A time formula ({@link #TIME_VARS}). */
  double time(CompiledExpression f) {
    return f.value(n(), d(), noise, svd.sigma()[0]);
  }
}
