package ibcheck.models;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * A shallow ReLU network of one input with frozen hidden units (weights {@code w_k}, biases
 * {@code b_k} drawn from an {@link Initialisation}) and a trained output layer plus an affine part:
 * {@code f(x) = sum_k a_k relu(w_k x + b_k) + u x + v}. The features at the data are
 * {@code Phi_ik = relu(w_k x_i + b_k)}, their Gram matrix {@code G = Phi Phi^T} (M x M).
 *
 * <p><b>The theorem's setting: output layer from a = 0, u and v unpenalised.</b> Gradient descent on
 * {@code L(a) = 1/2 |P (Phi a - y)|^2}, P the projection onto the complement of span{x, 1} in data
 * space (u and v set to their best values at every step, so they cost nothing), has gradient
 * {@code Phi^T P (Phi a - y)} in the row space of {@code P Phi}; from a = 0 it therefore stays there and
 * converges to the unique interpolant in it, the minimum-norm solution
 * {@code a = Phi^T Qp (Qp^T G Qp)^-1 Qp^T y} (Qp an orthonormal basis of the complement, from
 * Hipparchus' QR of [x, 1]), with u, v the affine fit of the rest. {@link #minNorm} computes that
 * limit by linear algebra; {@link #outputLayerGradientDescent} runs the descent itself, to show it
 * lands there. The same a solves the theorem's form: gradient descent from a = 0 on the data adjusted
 * by those u, v.
 *
 * <p>{@link #jointPenalised}, for contrast: plain gradient descent from zero on
 * {@code f = (1/sqrt n) sum_k a_k relu(...) + u x + v} (all of a, u, v from 0) converges to the
 * minimum-norm solution in (a, u, v) jointly, which penalises the affine part.
 *
 * <p>One class of about 340 lines (a quarter of them the derivation above): the minimum-norm fit and gradient
 * descent are two routes to the same fit on the same features, Gram matrix and projection.
 */
public final class WideReluNetwork {
  private final double[] w;
  private final double[] b;
  private final double[] xs;
  private final double[][] phi;

  public WideReluNetwork(double[] w, double[] b, double[] xs) {
    if (w.length != b.length || w.length == 0) {
      throw new IllegalArgumentException("as many biases as weights, and at least one unit");
    }
    this.w = w;
    this.b = b;
    this.xs = xs;
    phi = new double[xs.length][w.length];
    for (int i = 0; i < xs.length; i++) {
      for (int k = 0; k < w.length; k++) {
        phi[i][k] = Math.max(0, w[k] * xs[i] + b[k]);
      }
    }
  }

  public int width() {
    return w.length;
  }

  /** A trained output layer: {@code f(x) = sum_k a_k relu(w_k x + b_k) + u x + v}. */
  public record Fit(double[] a, double u, double v) {}

  /** The Gram matrix {@code G = Phi Phi^T}. */
  double[][] gram() {
    int m = xs.length;
    double[][] g = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = i; j < m; j++) {
        double s = 0;
        double[] pi = phi[i];
        double[] pj = phi[j];
        for (int k = 0; k < pi.length; k++) {
          s += pi[k] * pj[k];
        }
        g[i][j] = s;
        g[j][i] = s;
      }
    }
    return g;
  }

  /** An orthonormal basis of the complement of span{x, 1} in R^M, as columns (M x (M-2)). */
  RealMatrix complement() {
    int m = xs.length;
    if (m < 3) {
      throw new IllegalArgumentException("with fewer than three data points the affine part interpolates alone");
    }
    RealMatrix affine = new Array2DRowRealMatrix(m, 2);
    for (int i = 0; i < m; i++) {
      affine.setEntry(i, 0, xs[i]);
      affine.setEntry(i, 1, 1);
    }
    RealMatrix q = new QRDecomposition(affine).getQ();
    return q.getSubMatrix(0, m - 1, 2, m - 1);
  }

  /**
   * The minimum-norm a among interpolants with u, v free: the limit of the output layer's gradient
   * descent (the minimum-norm least-squares solution if the features cannot interpolate).
   */
  public Fit minNorm(double[] ys) {
    RealMatrix qp = complement();
    RealMatrix g = new Array2DRowRealMatrix(gram(), false);
    RealMatrix k = qp.transpose().multiply(g).multiply(qp);
    k = k.add(k.transpose()).scalarMultiply(0.5);
    double[] c = pseudoSolve(k, qp.transpose().operate(ys), g.getTrace());
    double[] beta = qp.operate(c);
    double[] a = transposeTimes(beta);
    return withAffine(a, ys);
  }

  /**
   * {@code K^+ r} for a symmetric positive semi-definite K (Hipparchus SVD, singular values below
   * 1e-12 of the larger of the largest one and {@code scale} dropped; the scale is the unprojected
   * Gram matrix's trace, so a projection that is zero up to rounding counts as zero). When the units' breakpoints leave some gap between data points
   * empty, the features cannot interpolate and K is singular; gradient descent from zero then
   * converges to the minimum-norm least-squares solution, which is this one.
   */
  static double[] pseudoSolve(RealMatrix k, double[] r, double scale) {
    SingularValueDecomposition svd = new SingularValueDecomposition(k);
    double[] sv = svd.getSingularValues();
    double cut = 1e-12 * Math.max(scale, sv.length == 0 ? 0 : sv[0]);
    double[] utr = svd.getUT().operate(r);
    for (int i = 0; i < utr.length; i++) {
      utr[i] = sv[i] > cut ? utr[i] / sv[i] : 0;
    }
    return svd.getV().operate(utr);
  }

  /** a given; u, v the least-squares affine fit of y - Phi a (exact when Phi a fits y up to an affine part). */
  private Fit withAffine(double[] a, double[] ys) {
    int m = xs.length;
    double[] r = new double[m];
    for (int i = 0; i < m; i++) {
      r[i] = ys[i] - dot(phi[i], a);
    }
    double sx = 0;
    double sxx = 0;
    double sr = 0;
    double sxr = 0;
    for (int i = 0; i < m; i++) {
      sx += xs[i];
      sxx += xs[i] * xs[i];
      sr += r[i];
      sxr += xs[i] * r[i];
    }
    double det = m * sxx - sx * sx;
    double u = (m * sxr - sx * sr) / det;
    double v = (sr - u * sx) / m;
    return new Fit(a, u, v);
  }

  /**
   * Plain gradient descent's limit from zero on {@code (1/sqrt n) sum a_k relu + u x + v}: the minimum
   * of {@code |a|^2 + u^2 + v^2} among interpolants (returned with a rescaled to the unscaled features).
   */
  public Fit jointPenalised(double[] ys) {
    int m = xs.length;
    double n = w.length;
    double[][] g = gram();
    double[][] k = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        k[i][j] = g[i][j] / n + xs[i] * xs[j] + 1;
      }
    }
    double[] alpha = pseudoSolve(new Array2DRowRealMatrix(k, false), ys, 0);
    double[] a = transposeTimes(alpha);
    for (int j = 0; j < a.length; j++) {
      a[j] /= n;
    }
    double u = 0;
    double v = 0;
    for (int i = 0; i < m; i++) {
      u += xs[i] * alpha[i];
      v += alpha[i];
    }
    return new Fit(a, u, v);
  }

  /** The outcome of gradient descent on the output layer; {@code residual} is the final gradient norm over the initial one. */
  public record Descent(Fit fit, int iterations, double residual, double stepSize, boolean converged) {}

  /**
   * Gradient descent from a = 0 on {@code 1/2 |P (Phi a - y)|^2} (u, v unpenalised: optimised out at every
   * step), step {@code 1 / lambda_max(P G P)}, until the gradient {@code Phi^T P (Phi a - y)} is at most
   * {@code tol} times its value at a = 0, or {@code maxIterations}; {@link Descent#residual()} is that
   * ratio.
   */
  public Descent outputLayerGradientDescent(double[] ys, double tol, int maxIterations) {
    RealMatrix qp = complement();
    RealMatrix p = qp.multiply(qp.transpose());
    RealMatrix pgp = p.multiply(new Array2DRowRealMatrix(gram(), false)).multiply(p);
    double lmax = 0;
    for (double l : new org.hipparchus.linear.EigenDecompositionSymmetric(pgp).getEigenvalues()) {
      lmax = Math.max(lmax, l);
    }
    double eta = 1 / lmax;
    int n = w.length;
    int m = xs.length;
    double[] a = new double[n];
    double[][] pm = p.getData();
    double[] grad = new double[n];
    double initial = Double.NaN;
    double res = Double.NaN;
    int it = 0;
    while (true) {
      double[] r = new double[m];
      for (int i = 0; i < m; i++) {
        r[i] = dot(phi[i], a) - ys[i];
      }
      double[] pr = new double[m];
      for (int i = 0; i < m; i++) {
        pr[i] = dot(pm[i], r);
      }
      java.util.Arrays.fill(grad, 0);
      for (int i = 0; i < m; i++) {
        double c = pr[i];
        double[] row = phi[i];
        for (int k = 0; k < n; k++) {
          grad[k] += c * row[k];
        }
      }
      double g = norm(grad);
      if (it == 0) {
        initial = g;
      }
      res = initial > 0 ? g / initial : 0;
      if (res <= tol || it >= maxIterations) {
        break;
      }
      for (int k = 0; k < n; k++) {
        a[k] -= eta * grad[k];
      }
      it++;
    }
    return new Descent(withAffine(a, ys), it, res, eta, res <= tol);
  }

  /** The fitted function at the points {@code at}. */
  public double[] values(Fit fit, double[] at) {
    return values(w, b, fit.a(), fit.u(), fit.v(), at);
  }

  /**
   * {@code sum_k a_k relu(w_k x + b_k) + u x + v} at the points {@code at} (increasing). The function is
   * piecewise linear with a kink at each breakpoint {@code -b_k / w_k}: each unit's slope and intercept
   * are added where it switches on (w > 0) or removed where it switches off (w < 0), found by binary
   * search, then accumulated; O(n log(points) + points) rather than O(n points).
   */
  public static double[] values(double[] w, double[] b, double[] a, double u, double v, double[] at) {
    int points = at.length;
    for (int g = 1; g < points; g++) {
      if (!(at[g - 1] <= at[g])) {
        throw new IllegalArgumentException("evaluation points must increase");
      }
    }
    double[] dSlope = new double[points + 1];
    double[] dIntercept = new double[points + 1];
    double slope = u;
    double intercept = v;
    for (int k = 0; k < w.length; k++) {
      double wk = w[k];
      double s = a[k] * wk;
      double c = a[k] * b[k];
      if (wk > 0) { // on where at[g] > -b/w
        int g = firstAbove(at, -b[k] / wk);
        dSlope[g] += s;
        dIntercept[g] += c;
      } else if (wk < 0) { // on where at[g] < -b/w
        int g = firstAtOrAbove(at, -b[k] / wk);
        slope += s;
        intercept += c;
        dSlope[g] -= s;
        dIntercept[g] -= c;
      } else if (b[k] > 0) {
        intercept += c;
      }
    }
    double[] out = new double[points];
    for (int g = 0; g < points; g++) {
      slope += dSlope[g];
      intercept += dIntercept[g];
      out[g] = slope * at[g] + intercept;
    }
    return out;
  }

  /** The first index g with at[g] > c (at.length if none). */
  private static int firstAbove(double[] at, double c) {
    int lo = 0;
    int hi = at.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (at[mid] > c) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The first index g with at[g] >= c (at.length if none). */
  private static int firstAtOrAbove(double[] at, double c) {
    int lo = 0;
    int hi = at.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (at[mid] >= c) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private double[] transposeTimes(double[] beta) {
    int n = w.length;
    double[] a = new double[n];
    for (int i = 0; i < beta.length; i++) {
      double c = beta[i];
      double[] row = phi[i];
      for (int k = 0; k < n; k++) {
        a[k] += c * row[k];
      }
    }
    return a;
  }

  static double dot(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += p[i] * q[i];
    }
    return s;
  }

  static double norm(double[] p) {
    return Math.sqrt(dot(p, p));
  }
}
