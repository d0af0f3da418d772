package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.models.WideRelu1D;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The neural tangent kernel of the wide ReLU net on the line at its initialisation theta_0, on the
 * training inputs X: the Jacobian {@code J(X)} with rows {@code grad_theta f(x_j, theta_0)} and the
 * Gram matrix {@code Theta = J(X) J(X)^T}. With {@code outputOnly} the Jacobian keeps only the output
 * layer's columns (the others are zero): the kernel of training {@code W2, b2} alone.
 *
 * @param net the network
 * @param theta0 the initial parameters
 * @param outputOnly whether only the output layer's parameters move
 * @param jacobian {@code J(X)}, one row per training input
 * @param gram {@code Theta = J(X) J(X)^T}
 */
record TangentKernel(WideRelu1D net, double[] theta0, boolean outputOnly, Array2DRowRealMatrix jacobian,
    double[][] gram) {

  static TangentKernel at(WideRelu1D net, double[] theta0, double[] xs, boolean outputOnly) {
    Array2DRowRealMatrix j = jacobian(net, theta0, xs, outputOnly);
    return new TangentKernel(net, theta0, outputOnly, j, j.multiplyTransposed(j).getData());
  }

  /** {@code K(points, X) = J(points) J(X)^T}: how a step on the training data moves the output at the points. */
  double[][] against(double[] points) {
    return jacobian(net, theta0, points, outputOnly).multiplyTransposed(jacobian).getData();
  }

  /** The eigenvalues of Theta, decreasing. */
  double[] eigenvalues() {
    return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(gram, false)).getEigenvalues();
  }

  private static Array2DRowRealMatrix jacobian(WideRelu1D net, double[] theta, double[] xs, boolean outputOnly) {
    double[][] j = new double[xs.length][];
    for (int i = 0; i < xs.length; i++) {
      j[i] = net.gradient(theta, xs[i]);
      if (outputOnly) {
        for (int k = 0; k < j[i].length; k++) {
          if (!net.isOutput(k)) {
            j[i][k] = 0;
          }
        }
      }
    }
    return new Array2DRowRealMatrix(j, false);
  }
}
