package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.Vectors;
import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * The thin SVD {@code X = U diag(sigma) V^T} of an {@code n x d} data matrix of full row rank
 * ({@code n < d}): the n columns v_j of V span the row space, (I - V V^T) projects onto the null
 * space, and a vector's components are its coordinates v_j.w (or u_j.y for the data).
 */
final class SpectralComponents {
  private final double[] sigma;
  private final RealMatrix u;
  private final RealMatrix v;

  private SpectralComponents(double[] sigma, RealMatrix u, RealMatrix v) {
    this.sigma = sigma;
    this.u = u;
    this.v = v;
  }

  /**
   * The SVD of {@code x}.
   *
   * @throws IllegalStateException when X does not have full row rank (sigma_n <= 1e-10 sigma_1)
   */
  static SpectralComponents of(double[][] x) {
    int n = x.length;
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(x, false));
    double[] sigma = svd.getSingularValues();
    if (sigma.length != n || !(sigma[n - 1] > 1e-10 * sigma[0])) {
      throw new IllegalStateException("X does not have full row rank (singular values " + Arrays.toString(sigma) + ")");
    }
    return new SpectralComponents(sigma, svd.getU(), svd.getV());
  }

  /** sigma_1 >= ... >= sigma_n > 0. */
  double[] sigma() {
    return sigma;
  }

  /** The j-th right singular vector v_j. */
  double[] rowVector(int j) {
    return v.getColumn(j);
  }

  /** (v_j.w)_j, the row-space coordinates of a vector of R^d. */
  double[] rowCoordinates(double[] w) {
    double[] out = new double[sigma.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = Vectors.dot(v.getColumn(j), w);
    }
    return out;
  }

  /** (u_j.y)_j, the coordinates of a vector of R^n. */
  double[] dataCoordinates(double[] y) {
    double[] out = new double[sigma.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = Vectors.dot(u.getColumn(j), y);
    }
    return out;
  }

  /** {@code (I - V V^T) w}, the null-space part of w. */
  double[] nullPart(double[] w) {
    double[] out = w.clone();
    for (int j = 0; j < sigma.length; j++) {
      double[] vj = v.getColumn(j);
      double a = Vectors.dot(vj, w);
      for (int i = 0; i < out.length; i++) {
        out[i] -= a * vj[i];
      }
    }
    return out;
  }

  /** {@code base + sum_j a_j v_j}. */
  double[] plusRowSpace(double[] base, double[] a) {
    double[] out = base.clone();
    for (int j = 0; j < sigma.length; j++) {
      double[] vj = v.getColumn(j);
      for (int i = 0; i < out.length; i++) {
        out[i] += a[j] * vj[i];
      }
    }
    return out;
  }
}
