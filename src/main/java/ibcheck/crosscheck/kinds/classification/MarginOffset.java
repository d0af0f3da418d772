package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.Vectors;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * What the offset law pins of the bounded part w_tilde in {@code w(t) = w_hat log t + w_tilde + o(1)}:
 * the law {@code z_i . w_tilde = offset(alpha_i, eta)} on the support vectors fixes its part in
 * span{z_i : i in S} (the Gram system {@code G_SS c = o}, {@code w_tilde_S = sum c_a z_a}). When the
 * support vectors span all the z_i it fixes all of it: the part orthogonal to the data never moves,
 * so it is w(0)'s.
 *
 * @param inSupportSpan w_tilde's part in the span of the support vectors
 * @param full all of w_tilde when pinned, else null
 * @param pinned whether the support vectors span the data
 * @param span the span of the support vectors
 */
record MarginOffset(double[] inSupportSpan, double[] full, boolean pinned, SupportSpan span) {
  /** The offset law {@code offset(alpha, eta)} at the support vectors' multipliers, solved for w_tilde. */
  static MarginOffset of(MarginProblem p, CompiledExpression law, double eta, String lawText)
      throws InvalidExpressionException {
    int[] s = p.support();
    double[] o = new double[s.length];
    for (int a = 0; a < s.length; a++) {
      o[a] = law.value(p.alpha(s[a]), eta);
      if (!Double.isFinite(o[a])) {
        throw new InvalidExpressionException("the offset law '" + lawText + "' is not finite at alpha = " + p.alpha(s[a]));
      }
    }
    return solve(p.z, s, o, p.w0);
  }

  /** w_tilde with {@code z_i . w_tilde = o_a} on the support set s, from w(0) off the data's span. */
  static MarginOffset solve(double[][] z, int[] s, double[] o, double[] w0) {
    int d = w0.length;
    int k = s.length;
    double[][] zs = new double[k][];
    for (int a = 0; a < k; a++) {
      zs[a] = z[s[a]];
    }
    double[][] g = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        g[a][b] = Vectors.dot(zs[a], zs[b]);
      }
    }
    double[] coef = new CholeskyDecomposition(new Array2DRowRealMatrix(g, false), 1e-14, 1e-14)
        .getSolver().solve(new ArrayRealVector(o, false)).toArray();
    double[] inSpan = new double[d];
    for (int a = 0; a < k; a++) {
      for (int j = 0; j < d; j++) {
        inSpan[j] += coef[a] * zs[a][j];
      }
    }
    SupportSpan span = SupportSpan.of(zs);
    boolean pinned = new SingularValueDecomposition(new Array2DRowRealMatrix(z, false)).getRank() == k;
    double[] full = null;
    if (pinned) {
      double[] p = span.project(w0);
      full = new double[d];
      for (int j = 0; j < d; j++) {
        full[j] = inSpan[j] + (w0[j] - p[j]);
      }
    }
    return new MarginOffset(inSpan, full, pinned, span);
  }

  /**
   * The distance of {@code w - w_hat log t} (given) to w_tilde: all of it when pinned, else only
   * its part in the support span, since the rest of w_tilde then depends on the path.
   */
  double residual(double[] boundedPart) {
    return pinned ? Vectors.distance(boundedPart, full)
        : Vectors.distance(span.project(boundedPart), inSupportSpan);
  }
}
