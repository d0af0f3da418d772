package ibcheck.symbolic.prove;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Proves {@code Norm(a) <= Norm(b1) + ... + Norm(bk)} (k &lt;= 4) as an instance of the triangle
 * inequality of the Euclidean norm, ||s1 b1 + ... + sk bk|| &lt;= ||b1|| + ... + ||bk|| for signs
 * si = +-1 (Minkowski; ||-b|| = ||b||), valid for all real or complex vectors of one length and for
 * scalars (Norm is then Abs). The match is exact: each side is written with Norm of one argument and
 * unit coefficients, the evaluated arguments are all vectors of one length (or all scalars), and
 * {@code a - (s1 b1 + ... + sk bk)} expands to 0 in every entry for some choice of signs. Nothing
 * else is claimed: a coefficient, a missing term or another norm leaves the claim to other methods.
 */
final class TriangleInequality {
  static final String METHOD = "triangle inequality ||s1 b1 + ... + sk bk|| <= ||b1|| + ... + ||bk||, matched"
      + " exactly (a - sum si bi expands to 0)";
  private static final int MAX_TERMS = 4;
  private final UnaryOperator<IExpr> eval;

  TriangleInequality(UnaryOperator<IExpr> eval) {
    this.eval = eval;
  }

  /** Whether {@code small <= large} is such an instance. */
  boolean proves(IExpr small, IExpr large) {
    if (!isNorm(small)) {
      return false;
    }
    List<IExpr> terms = new ArrayList<>();
    for (IExpr t : large.isPlus() ? ((IAST) large).copyFrom(1) : F.List(large)) {
      if (!isNorm(t)) {
        return false;
      }
      terms.add(eval.apply(t.first()));
    }
    if (terms.size() < 2 || terms.size() > MAX_TERMS) {
      return false;
    }
    IExpr a = eval.apply(small.first());
    for (IExpr b : terms) {
      if (!sameShape(a, b)) {
        return false;
      }
    }
    for (int signs = 0; signs < 1 << terms.size(); signs++) {
      IExpr rest = a;
      for (int i = 0; i < terms.size(); i++) {
        rest = F.Subtract(rest, (signs >> i & 1) == 0 ? terms.get(i) : F.Negate(terms.get(i)));
      }
      if (zero(eval.apply(F.Expand(rest)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNorm(IExpr e) {
    return e.isAST(S.Norm, 2);
  }

  /** Both vectors of one length with scalar entries, or both scalars. */
  private static boolean sameShape(IExpr a, IExpr b) {
    if (!a.isList() || !b.isList()) {
      return !a.isList() && !b.isList();
    }
    return a.argSize() == b.argSize() && ((IAST) a).forAll(x -> !x.isList()) && ((IAST) b).forAll(x -> !x.isList());
  }

  private static boolean zero(IExpr e) {
    return e.isList() ? ((IAST) e).forAll(TriangleInequality::zero) : e.isZero();
  }
}
