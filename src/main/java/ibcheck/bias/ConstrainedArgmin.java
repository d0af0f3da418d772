package ibcheck.bias;

import ibcheck.models.Dataset;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * {@code argmin Q(beta) subject to X beta = y} for a strictly convex Q: separable
 * ({@link SeparablePotential}) or not ({@link Potential}).
 *
 * <p>The KKT conditions are {@code X beta = y} and {@code grad Q(beta) in rowspace(X)}. Parametrise
 * the affine solution set as {@code beta = beta0 + N c} with beta0 the minimum-l2 solution and N an
 * orthonormal basis of null(X) (the trailing columns of the QR factor of X^T); stationarity becomes
 * the square system {@code F(c) = N^T grad Q(beta0 + N c) = 0}, whose Jacobian
 * {@code N^T Hess Q(beta) N} ({@code N^T diag(q''(beta)) N} when Q is separable) is symmetric
 * positive definite. Levenberg-Marquardt (Hipparchus)
 * solves it from c = 0; the step is Newton's near the root, so convergence is quadratic there.
 */
public final class ConstrainedArgmin {
  private static final int MAX_ITERATIONS = 500;

  private final RealMatrix x;
  private final RealVector beta0;
  private final RealMatrix nullBasis;
  private final double[] y;

  public ConstrainedArgmin(Dataset data) {
    this.x = new Array2DRowRealMatrix(data.x(), false);
    this.y = data.y();
    int n = data.rows();
    int d = data.cols();
    this.beta0 = new ArrayRealVector(NormReferences.minL2(data), false);
    RealMatrix q = new QRDecomposition(x.transpose()).getQ();
    int rank = new SingularValueDecomposition(x).getRank();
    this.nullBasis = q.getSubMatrix(0, d - 1, Math.min(rank, n), d - 1);
  }

  public Argmin solve(SeparablePotential q) {
    return solveKkt((RealVector c) -> stationarity(q, c));
  }

  /** The argmin of a potential that need not be separable. */
  public Argmin solve(Potential q) {
    return solveKkt((RealVector c) -> stationarity(q, c));
  }

  /**
   * {@code ||N^T grad Q(beta)||_inf}: how far {@code grad Q} at any beta (such as a flow limit) is
   * from the row space of X, the KKT stationarity residual of {@code min Q s.t. X beta = y}.
   */
  public double stationarityResidual(Potential q, double[] beta) {
    return nullBasis.transpose().operate(new ArrayRealVector(q.gradient(beta), false)).getLInfNorm();
  }

  private Argmin solveKkt(org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction model) {
    int k = nullBasis.getColumnDimension();
    LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
        .withCostRelativeTolerance(1e-15)
        .withParameterRelativeTolerance(1e-15)
        .withOrthoTolerance(1e-15)
        .optimize(new LeastSquaresBuilder()
            .model(model)
            .target(new double[k])
            .start(new double[k])
            .maxEvaluations(10 * MAX_ITERATIONS)
            .maxIterations(MAX_ITERATIONS)
            .build());
    RealVector beta = beta(opt.getPoint());
    double[] b = beta.toArray();
    for (double v : b) {
      if (!Double.isFinite(v)) {
        throw new IllegalStateException("the KKT solve produced a non-finite beta (is the potential strictly convex?)");
      }
    }
    RealVector residual = x.operate(beta).subtract(new ArrayRealVector(y, false));
    return new Argmin(b, opt.getResiduals().getLInfNorm(), residual.getLInfNorm(), opt.getIterations());
  }

  private RealVector beta(RealVector c) {
    return beta0.add(nullBasis.operate(c));
  }

  private Pair<RealVector, RealMatrix> stationarity(Potential q, RealVector c) {
    double[] b = beta(c).toArray();
    RealMatrix nt = nullBasis.transpose();
    RealMatrix h = new Array2DRowRealMatrix(q.hessian(b), false);
    return new Pair<>(nt.operate(new ArrayRealVector(q.gradient(b), false)), nt.multiply(h).multiply(nullBasis));
  }

  private Pair<RealVector, RealMatrix> stationarity(SeparablePotential q, RealVector c) {
    double[] b = beta(c).toArray();
    int d = b.length;
    double[] grad = new double[d];
    RealMatrix scaled = nullBasis.copy(); // diag(q'') N
    for (int i = 0; i < d; i++) {
      grad[i] = q.gradient(b[i]);
      double h = q.curvature(b[i]);
      if (!Double.isFinite(grad[i]) || !Double.isFinite(h)) {
        throw new IllegalStateException("the potential's derivatives are not finite at beta_" + (i + 1) + " = " + b[i]
            + " (q' = " + grad[i] + ", q'' = " + h + "): NaN or infinity; is the potential defined and smooth there?");
      }
      for (int j = 0; j < scaled.getColumnDimension(); j++) {
        scaled.multiplyEntry(i, j, h);
      }
    }
    RealMatrix nt = nullBasis.transpose();
    return new Pair<>(nt.operate(new ArrayRealVector(grad, false)), nt.multiply(scaled));
  }
}
