package ibcheck.models;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Matrix factorisation {@code X = U V^T} with full-width factors U, V in R^{n x n} (Gunasekar et al.
 * 2017), trained on symmetric linear measurements {@code y_i = <A_i, X>} with the square
 * loss {@code L = sum_i (<A_i, U V^T> - y_i)^2}: {@code grad_X L = G = 2 sum_i r_i A_i},
 * {@code grad_U L = G V}, {@code grad_V L = G^T U}. Parameters {@code theta = (vec U, vec V)},
 * row-major.
 *
 * <p>Two ways to present the measurements, both exact:
 *
 * <ul>
 *   <li>{@link #general}: a data row is {@code vec(A_i)} (n^2 entries) and beta = vec(X);
 *   <li>{@link #commuting}: all A_i share the eigenbasis O ({@code A_i = O diag(a_i) O^T}, O random
 *       orthogonal from the {@code basis} seed); a data row is the spectrum a_i, and beta is the
 *       diagonal of {@code O^T X O} — for every X, {@code <A_i, X> = sum_k a_ik (O^T X O)_kk}, so the
 *       outputs are the real measurements while U and V stay full n x n matrices.
 * </ul>
 *
 * Initialisation: {@code U(0) = alpha I, V(0) = 0} ({@code initSeed = 0}, X(0) = 0; in the commuting
 * case U and V then stay diagonal in O), or small random {@code U(0) = alpha G_1/sqrt n,
 * V(0) = alpha G_2/sqrt n} (Gaussian, from {@code initSeed > 0}).
 */
public final class MatrixFactorisation implements LinearPredictor {
  public static final String GENERAL = "matrix-factorisation";
  public static final String COMMUTING = "commuting-matrix-factorisation";

  private final String name;
  private final double alpha;
  private final long initSeed;
  private final boolean commuting;
  private final long basisSeed;
  private double[][] basis; // O for the commuting form, made at the first use for the data's n

  private MatrixFactorisation(String name, double alpha, long initSeed, boolean commuting, long basisSeed) {
    if (!(alpha >= 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha must be non-negative, got " + alpha);
    }
    this.name = name;
    this.alpha = alpha;
    this.initSeed = initSeed;
    this.commuting = commuting;
    this.basisSeed = basisSeed;
  }

  /** Rows of the data are vec(A_i), row-major, n^2 entries. */
  public static MatrixFactorisation general(double alpha, long initSeed) {
    return new MatrixFactorisation(GENERAL, alpha, initSeed, false, 0);
  }

  /** Rows of the data are the spectra a_i of {@code A_i = O diag(a_i) O^T}, O from {@code basisSeed}. */
  public static MatrixFactorisation commuting(double alpha, long initSeed, long basisSeed) {
    return new MatrixFactorisation(COMMUTING, alpha, initSeed, true, basisSeed);
  }

  /** The shared eigenbasis O of the commuting measurements, n x n. */
  public synchronized double[][] basis(int n) {
    if (basis == null || basis.length != n) {
      basis = orthogonal(n, basisSeed);
    }
    return basis;
  }

  /** A random orthogonal n x n matrix: the Q factor of a Gaussian matrix, signs fixed by R's diagonal. */
  public static double[][] orthogonal(int n, long seed) {
    RandomGenerator r = new Well19937c(seed);
    double[][] g = new double[n][n];
    for (double[] row : g) {
      for (int j = 0; j < n; j++) {
        row[j] = r.nextGaussian();
      }
    }
    QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
    RealMatrix q = qr.getQ();
    RealMatrix rr = qr.getR();
    double[][] out = q.getData();
    for (int j = 0; j < n; j++) {
      if (rr.getEntry(j, j) < 0) {
        for (int i = 0; i < n; i++) {
          out[i][j] = -out[i][j];
        }
      }
    }
    return out;
  }

  @Override
  public String name() {
    return name;
  }

  /** The matrix size n for inputs of this dimension. */
  private int size(int inputs) {
    if (commuting) {
      return inputs;
    }
    int n = (int) Math.round(Math.sqrt(inputs));
    if (n * n != inputs) {
      throw new IllegalArgumentException("model '" + name + "' needs data rows vec(A_i) of n^2 entries, got " + inputs);
    }
    return n;
  }

  @Override
  public double[] initialParameters(int inputs) {
    int n = size(inputs);
    double[] theta = new double[2 * n * n];
    if (initSeed == 0) {
      for (int i = 0; i < n; i++) {
        theta[i * n + i] = alpha;
      }
    } else {
      RandomGenerator r = new Well19937c(initSeed);
      double s = alpha / Math.sqrt(n);
      for (int k = 0; k < theta.length; k++) {
        theta[k] = s * r.nextGaussian();
      }
    }
    return theta;
  }

  /** X = U V^T from theta. */
  public static double[][] product(double[] theta) {
    int n = (int) Math.round(Math.sqrt(theta.length / 2.0));
    double[][] x = new double[n][n];
    int off = n * n;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += theta[i * n + k] * theta[off + j * n + k];
        }
        x[i][j] = s;
      }
    }
    return x;
  }

  @Override
  public double[] beta(double[] theta) {
    double[][] x = product(theta);
    int n = x.length;
    if (!commuting) {
      double[] b = new double[n * n];
      for (int i = 0; i < n; i++) {
        System.arraycopy(x[i], 0, b, i * n, n);
      }
      return b;
    }
    double[][] basis = basis(n);
    double[] b = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        double row = 0;
        for (int j = 0; j < n; j++) {
          row += x[i][j] * basis[j][k];
        }
        s += basis[i][k] * row;
      }
      b[k] = s;
    }
    return b;
  }

  /** The off-diagonal mass {@code ||offdiag(O^T X O)||_F} (commuting form; 0 when X stays in the algebra). */
  public double offDiagonal(double[] theta) {
    double[][] x = product(theta);
    int n = x.length;
    double[][] basis = basis(n);
    double[][] r = new double[n][n];
    double s = 0;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double v = 0;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            v += basis[i][a] * x[i][j] * basis[j][b];
          }
        }
        r[a][b] = v;
        if (a != b) {
          s += v * v;
        }
      }
    }
    return Math.sqrt(s);
  }

  @Override
  public double[] pullBack(double[] theta, double[] g) {
    int n = (int) Math.round(Math.sqrt(theta.length / 2.0));
    double[][] gx = new double[n][n]; // dL/dX
    if (!commuting) {
      for (int i = 0; i < n; i++) {
        System.arraycopy(g, i * n, gx[i], 0, n);
      }
    } else {
      double[][] basis = basis(n);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int k = 0; k < n; k++) {
            s += basis[i][k] * g[k] * basis[j][k];
          }
          gx[i][j] = s;
        }
      }
    }
    int off = n * n;
    double[] out = new double[theta.length];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double du = 0; // (G V)_ik
        double dv = 0; // (G^T U)_ik
        for (int j = 0; j < n; j++) {
          du += gx[i][j] * theta[off + j * n + k];
          dv += gx[j][i] * theta[j * n + k];
        }
        out[i * n + k] = du;
        out[off + i * n + k] = dv;
      }
    }
    return out;
  }
}
