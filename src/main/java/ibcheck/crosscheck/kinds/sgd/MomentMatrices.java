package ibcheck.crosscheck.kinds.sgd;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.Vectors;
import ibcheck.symbolic.InvalidExpressionException;
import java.util.Map;

/**
 * The square matrices of an SGD check (a number is a 1 x 1 matrix): a formula's value checked
 * against the problem's dimension, the relative error {@code max|file - exact| / max(1, max|exact|)},
 * and how a matrix is shown in the evidence and in messages.
 */
final class MomentMatrices {
  private MomentMatrices() {}

  static double[][] eval(SgdFormula f, Map<String, Object> vars, int dim) throws SgdCheck.Problem {
    return eval(f, vars, dim, false);
  }

  /** With {@code scalarGrowth}, a number is accepted in any dimension as the growth factor itself. */
  static double[][] eval(SgdFormula f, Map<String, Object> vars, int dim, boolean scalarGrowth) throws SgdCheck.Problem {
    double[][] m;
    try {
      m = f.matrix(vars);
    } catch (InvalidExpressionException e) {
      throw new SgdCheck.Problem(e.getMessage(), "");
    }
    if (m.length != dim && !(scalarGrowth && m.length == 1)) {
      throw new SgdCheck.Problem("'" + f.text + "' is " + m.length + " x " + m.length + " but the problem has dimension "
          + dim, "");
    }
    return m;
  }

  /** The relative error; infinite when any entry is NaN. */
  static double relErr(double[][] file, double[][] exact) {
    double diff = 0;
    double scale = 1;
    for (int r = 0; r < exact.length; r++) {
      for (int col = 0; col < exact.length; col++) {
        diff = Math.max(diff, Math.abs(file[r][col] - exact[r][col]));
        scale = Math.max(scale, Math.abs(exact[r][col]));
      }
    }
    return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / scale;
  }

  /** A number, the matrix up to 10 x 10, or only its size. */
  static Object evidence(double[][] m) {
    return m.length == 1 ? (Object) m[0][0] : (m.length <= 10 ? m : "(" + m.length + " x " + m.length + ")");
  }

  /** A number, or the first three rows. */
  static String shortMatrix(double[][] m) {
    if (m.length == 1) {
      return fmt(m[0][0]);
    }
    StringBuilder b = new StringBuilder("{");
    for (int r = 0; r < Math.min(m.length, 3); r++) {
      b.append(r > 0 ? ", " : "").append(Vectors.join(m[r]));
    }
    return b.append(m.length > 3 ? ", ...}" : "}").toString();
  }
}
