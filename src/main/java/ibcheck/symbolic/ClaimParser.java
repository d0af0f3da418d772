package ibcheck.symbolic;

import ibcheck.symbolic.claim.Claim.Op;
import ibcheck.symbolic.claim.Claim;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** Classifies a parsed step into a {@link Claim}, or says plainly why it is not a claim. */
public final class ClaimParser {
  private ClaimParser() {}

  public static Claim parse(IExpr e) throws InvalidExpressionException {
    if (e.isAST(S.And) || e.head().toString().equals("And")) {
      List<Claim> parts = new ArrayList<>();
      for (IExpr arg : ((IAST) e)) {
        parts.add(parse(arg));
      }
      return new Claim.Conjunction(parts);
    }
    if (!(e instanceof IAST ast)) {
      throw notAClaim(e);
    }
    String head = ast.head().toString();
    if (head.equalsIgnoreCase(HessianMaps.NAME)) {
      return HessianMaps.parse(ast);
    }
    if (head.equals("Set") || head.equals("SetDelayed")) {
      throw new InvalidExpressionException(
          "not a claim: '" + e + "' is an assignment; write a comparison such as lhs == rhs");
    }
    Op op = Op.ofHead(head);
    if (op == null) {
      throw notAClaim(e);
    }
    if (ast.argSize() < 2) {
      throw notAClaim(e);
    }
    if (ast.argSize() > 2) { // a chain a <= b <= c is a conjunction of neighbours
      List<Claim> parts = new ArrayList<>();
      for (int i = 1; i < ast.argSize(); i++) {
        parts.add(relation(ast.get(i), op, ast.get(i + 1)));
      }
      return new Claim.Conjunction(parts);
    }
    return relation(ast.arg1(), op, ast.arg2());
  }

  private static Claim relation(IExpr lhs, Op op, IExpr rhs) throws InvalidExpressionException {
    if (op == Op.EQUAL) {
      if (isLimit(lhs)) {
        return limit((IAST) lhs, rhs);
      }
      if (isLimit(rhs)) {
        return limit((IAST) rhs, lhs);
      }
      Claim series = series(lhs, rhs);
      if (series != null) {
        return series;
      }
    }
    return new Claim.Relation(lhs, op, rhs);
  }

  private static boolean isLimit(IExpr e) {
    return e instanceof IAST a && a.head().toString().equals("Limit");
  }

  private static Claim limit(IAST lim, IExpr value) throws InvalidExpressionException {
    if (lim.argSize() < 2 || !(lim.arg2() instanceof IAST rule) || !rule.isRuleAST()
        || !(rule.arg1() instanceof ISymbol var)) {
      throw new InvalidExpressionException("a limit must be written Limit(f, x -> point)");
    }
    return new Claim.LimitClaim(lim.arg1(), var, rule.arg2(), value, lim);
  }

  /** f == p + O(x^n) or O((x - x0)^n); null when rhs has no O term. */
  private static Claim series(IExpr lhs, IExpr rhs) throws InvalidExpressionException {
    List<IExpr> terms = new ArrayList<>();
    if (rhs instanceof IAST plus && plus.head().toString().equals("Plus")) {
      for (IExpr t : plus) {
        terms.add(t);
      }
    } else {
      terms.add(rhs);
    }
    IExpr big = null;
    List<IExpr> rest = new ArrayList<>();
    for (IExpr t : terms) {
      if (t instanceof IAST a && a.head().toString().equals("O")) {
        if (big != null) {
          throw new InvalidExpressionException("a series claim may contain only one O(...) term");
        }
        big = a;
      } else {
        rest.add(t);
      }
    }
    if (big == null) {
      return null;
    }
    IAST o = (IAST) big;
    // O(x^n), O(x), O((x - x0)^n)
    IExpr inner = o.arg1();
    int order = 1;
    if (inner.isPower() && inner.exponent().isInteger()) {
      order = inner.exponent().toIntDefault();
      inner = inner.base();
    }
    ISymbol var;
    IExpr point;
    if (inner instanceof ISymbol s) {
      var = s;
      point = F.C0;
    } else if (inner.isPlus() && inner.argSize() == 2 && inner.first().isNumber()
        && inner.second() instanceof ISymbol s) {
      var = s;
      point = inner.first().negate();
    } else {
      throw new InvalidExpressionException(
          "write the order term as O(x^n) or O((x - x0)^n), got " + big);
    }
    if (order < 1 || order > 40) {
      throw new InvalidExpressionException("series order must be between 1 and 40, got " + order);
    }
    IExpr poly = rest.isEmpty() ? F.C0 : F.Plus(rest.toArray(new IExpr[0]));
    return new Claim.SeriesClaim(lhs, poly, var, point, order);
  }

  private static InvalidExpressionException notAClaim(IExpr e) {
    return new InvalidExpressionException(
        "not a claim: '" + e + "' is an expression, not a statement; write lhs == rhs, an"
            + " inequality, Limit(f, x -> a) == L or f == p + O(x^n)");
  }
}
