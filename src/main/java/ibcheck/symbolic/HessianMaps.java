package ibcheck.symbolic;

import ibcheck.symbolic.Claim.Op;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The Hessian-map condition as a claim form: {@code HessianMapQ(H, {w1, ..., wd})} asserts that the
 * matrix field H(w) is the Hessian of a potential (on a simply connected domain), which for a
 * symmetric field is equivalent to
 * <pre>  dH_ij / dw_k == dH_ik / dw_j   for all i, j, k.</pre>
 * For the CAS the claim expands into one labelled relation per symmetry pair (i, j) and per index
 * triple (i, j &lt; k), each simplified. The numeric witness does not trust symbolic derivatives: it
 * evaluates H at the point and at w +- h e_k in high precision and compares central differences. A
 * failure names the first offending triple with its nonzero difference. State "this is not a
 * Hessian map" with {@code expect: false}.
 */
public final class HessianMaps {
  /** The claim's name in theorem files. */
  public static final String NAME = "HessianMapQ";

  private HessianMaps() {}

  static Claim parse(IAST ast) throws InvalidExpressionException {
    if (ast.argSize() != 2 || !ast.arg2().isList()) {
      throw new InvalidExpressionException(NAME + " needs a matrix field and its variables: " + NAME + "(H, {w1, w2})");
    }
    List<ISymbol> vars = new ArrayList<>();
    for (IExpr v : (IAST) ast.arg2()) {
      if (!(v instanceof ISymbol s)) {
        throw new InvalidExpressionException(NAME + ": the variables must be symbols, got " + v);
      }
      vars.add(s);
    }
    if (vars.size() < 1 || vars.size() > 8) {
      throw new InvalidExpressionException(NAME + ": between 1 and 8 variables, got " + vars.size());
    }
    return new Claim.HessianMap(ast.arg1(), vars);
  }

  /** Evaluates the field to an explicit d x d matrix and expands the condition into relations. */
  static Claim.Conjunction expand(Claim.HessianMap claim, java.util.function.UnaryOperator<IExpr> eval)
      throws InvalidExpressionException {
    int d = claim.variables().size();
    IExpr h = eval.apply(claim.field());
    if (!isSquareMatrix(h, d)) {
      throw new InvalidExpressionException(NAME + ": the field must evaluate to a " + d + " x " + d
          + " matrix (one row per variable), got " + shorten(h.toString()));
    }
    List<Claim> parts = new ArrayList<>();
    for (int i = 1; i <= d; i++) {
      for (int j = i + 1; j <= d; j++) {
        parts.add(new Claim.Relation(entry(h, i, j), Op.EQUAL, entry(h, j, i),
            "symmetry H_" + i + j + " == H_" + j + i));
      }
    }
    for (int i = 1; i <= d; i++) {
      for (int j = 1; j <= d; j++) {
        for (int k = j + 1; k <= d; k++) {
          IExpr lhs = eval.apply(F.D(entry(h, i, j), claim.variables().get(k - 1)));
          IExpr rhs = eval.apply(F.D(entry(h, i, k), claim.variables().get(j - 1)));
          parts.add(new Claim.Relation(lhs, Op.EQUAL, rhs,
              "(i, j, k) = (" + i + ", " + j + ", " + k + "): dH_" + i + j + "/d" + claim.variables().get(k - 1)
                  + " == dH_" + i + k + "/d" + claim.variables().get(j - 1)));
        }
      }
    }
    return new Claim.Conjunction(parts);
  }

  static IExpr entry(IExpr h, int i, int j) {
    return ((IAST) ((IAST) h).get(i)).get(j);
  }

  static boolean isSquareMatrix(IExpr h, int d) {
    if (!h.isList() || h.argSize() != d) {
      return false;
    }
    for (IExpr row : (IAST) h) {
      if (!row.isList() || row.argSize() != d) {
        return false;
      }
    }
    return true;
  }

  private static String shorten(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }
}
