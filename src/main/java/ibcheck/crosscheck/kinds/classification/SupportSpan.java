package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * The span of some vectors (the support vectors z_i, i in S) by an orthonormal basis, and the
 * orthogonal projection onto it.
 *
 * @param basis orthonormal rows spanning the same space
 */
record SupportSpan(double[][] basis) {
  /**
   * The span of the rows, by modified Gram-Schmidt run twice (once is not orthogonal to rounding
   * for nearly dependent rows); a row left with less than 1e-12 of its length adds nothing.
   */
  static SupportSpan of(double[][] rows) {
    List<double[]> out = new ArrayList<>();
    for (double[] row : rows) {
      double[] v = row.clone();
      for (int pass = 0; pass < 2; pass++) {
        for (double[] q : out) {
          v = Vectors.minusMultiple(v, Vectors.dot(v, q), q);
        }
      }
      double nv = Vectors.norm(v);
      if (nv > 1e-12 * Vectors.norm(row)) {
        for (int j = 0; j < v.length; j++) {
          v[j] /= nv;
        }
        out.add(v);
      }
    }
    return new SupportSpan(out.toArray(new double[0][]));
  }

  /** The orthogonal projection of v onto the span. */
  double[] project(double[] v) {
    double[] p = new double[v.length];
    for (double[] q : basis) {
      double c = Vectors.dot(v, q);
      for (int j = 0; j < v.length; j++) {
        p[j] += c * q[j];
      }
    }
    return p;
  }
}
