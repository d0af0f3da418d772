package ibcheck.crosscheck.kinds.sgd;

import ibcheck.models.SgdQuadratic;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The file's {@code components} of an SGD quadratic, evaluated numerically in the theorem's session:
 * a Symja list of numbers a_i >= 0 (1-D) or of symmetric PSD matrices H_i.
 */
final class SgdComponents {
  private SgdComponents() {}

  static SgdQuadratic read(TheoremSession session, SgdSettings g) throws SgdCheck.Problem {
    IExpr e;
    try {
      e = session.session().eval(F.N(FileFormula.load(session, g.components(), List.of())));
    } catch (InvalidExpressionException ex) {
      throw new SgdCheck.Problem("components '" + g.components() + "': " + ex.getMessage(), g.formulaLocation());
    }
    try {
      if (!e.isList()) {
        throw new IllegalArgumentException("not a list");
      }
      IAST list = (IAST) e;
      double[][][] hs = new double[list.argSize()][][];
      for (int i = 0; i < hs.length; i++) {
        hs[i] = matrix(list.get(i + 1));
      }
      return new SgdQuadratic(hs);
    } catch (RuntimeException ex) {
      throw new SgdCheck.Problem("components '" + g.components() + "' must be a list of numbers a_i >= 0 or of symmetric PSD"
          + " matrices H_i: " + ex.getMessage() + " (got " + e + ")", g.formulaLocation());
    }
  }

  /** A number as a 1 x 1 matrix, or a list of rows. */
  private static double[][] matrix(IExpr item) {
    if (!item.isList()) {
      return new double[][] {{item.evalf()}};
    }
    IAST rows = (IAST) item;
    double[][] h = new double[rows.argSize()][];
    for (int r = 0; r < h.length; r++) {
      IAST row = (IAST) rows.get(r + 1);
      h[r] = new double[row.argSize()];
      for (int col = 0; col < h[r].length; col++) {
        h[r][col] = row.get(col + 1).evalf();
      }
    }
    return h;
  }
}
