package ibcheck.symbolic.prove;

import ibcheck.symbolic.Claim;
import java.util.List;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Proves {@code d op 0} for a d built with Abs, Max, Min, Ramp or UnitStep by cases: each such term
 * is replaced by its value on each side of its switch ({@code Abs(a)} is a where a &gt;= 0 and -a
 * where a &lt;= 0; {@code Max(a, b)} is a where a - b &gt;= 0 and b where a - b &lt;= 0; UnitStep(a)
 * is 1 where a &gt;= 0 and 0 where a &lt; 0), and the cases together cover every point. A case's
 * condition narrows the range of a symbol, or of a subexpression wherever it occurs verbatim, when
 * the condition is a sign condition on it times factors of known sign (u/5 &gt;= 0 gives u &gt;= 0,
 * (b + w x)/c &lt;= 0 with c &gt; 0 gives b + w x &lt;= 0); a case whose conditions contradict the assumptions is
 * empty. The claim holds when in every non-empty case the piecewise-free d is 0 over a common
 * denominator (for ==) or has the right sign by {@link SignReasoning}.
 */
final class PiecewiseCases {
  private static final int MAX_SPLITS = 5;
  private final UnaryOperator<IExpr> eval;

  PiecewiseCases(UnaryOperator<IExpr> eval) {
    this.eval = eval;
  }

  /** Whether d op 0 holds in every case; false when d has no piecewise term to split on. */
  boolean proves(IExpr d, Claim.Op op, SignReasoning signs) {
    IExpr evaluated = eval.apply(d);
    return firstPiecewise(evaluated) != null && holds(evaluated, op, signs, 0);
  }

  private boolean holds(IExpr d, Claim.Op op, SignReasoning signs, int depth) {
    IAST atom = firstPiecewise(d);
    if (atom == null) {
      return leaf(d, op, signs);
    }
    if (depth >= MAX_SPLITS || d == S.$Aborted) {
      return false;
    }
    IExpr a = atom.arg1();
    IExpr[][] cases; // {switch expression, value}, switch >= 0 then switch <= 0 (UnitStep: < 0)
    if (atom.isAST(S.Abs, 2)) {
      cases = new IExpr[][] {{a, a}, {a, F.Negate(a)}};
    } else if (atom.isAST(S.Ramp, 2)) {
      cases = new IExpr[][] {{a, a}, {a, F.C0}};
    } else if (atom.isAST(S.UnitStep, 2)) {
      cases = new IExpr[][] {{a, F.C1}, {a, F.C0}};
    } else {
      IExpr b = atom.arg2();
      boolean max = atom.isAST(S.Max);
      cases = new IExpr[][] {{F.Subtract(a, b), max ? a : b}, {F.Subtract(a, b), max ? b : a}};
    }
    for (int i = 0; i < 2; i++) {
      IExpr condition = eval.apply(cases[i][0]);
      // case 0: condition >= 0; case 1: <= 0, or < 0 for UnitStep
      Interval side = i == 0 ? Interval.NONNEGATIVE : atom.isAST(S.UnitStep) ? Interval.NEGATIVE
          : new Interval(Double.NEGATIVE_INFINITY, 0, false);
      SignReasoning narrowed = narrow(condition, side, signs);
      if (narrowed == null) {
        continue; // an empty case
      }
      IExpr value = cases[i][1];
      IExpr replaced = eval.apply(d.replaceAll(x -> x.equals(atom) ? value : F.NIL).orElse(d));
      if (!holds(replaced, op, narrowed, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private boolean leaf(IExpr d, Claim.Op op, SignReasoning signs) {
    if (op == Claim.Op.EQUAL && eval.apply(F.Together(d)).isZero()) {
      return true;
    }
    return signs.decide(List.of(d, eval.apply(F.Together(d))), op) == Boolean.TRUE;
  }

  /**
   * The reasoning with {@code condition in side} added: null when the condition contradicts what is
   * known; unchanged when it cannot be turned into a range for one symbol (a sound loss).
   */
  private SignReasoning narrow(IExpr condition, Interval side, SignReasoning signs) {
    Interval known = signs.bounds(condition);
    if (known.lo() > side.hi() || known.hi() < side.lo() || known.positive() && side.hi() <= 0
        || known.negative() && side.lo() >= 0 || side.negative() && known.nonnegative()
        || side.positive() && known.nonpositive()) {
      return null;
    }
    // the condition itself is a fact, in both orientations (Symja may write either)
    SignReasoning narrowed = withFact(signs, condition, side);
    if (narrowed == null) {
      return null;
    }
    IExpr factored = eval.apply(F.Factor(condition));
    IExpr unknown = null;
    boolean flip = false;
    for (IExpr f : factored.isTimes() ? ((IAST) factored).copyFrom(1) : F.List(factored)) {
      Interval fi = signs.bounds(f);
      if (unknown == null && !fi.positive() && !fi.negative() && !f.isNumber()) {
        unknown = f;
      } else if (fi.positive()) {
        continue;
      } else if (fi.negative()) {
        flip = !flip;
      } else {
        return narrowed; // a second factor of unknown sign: no range for either follows
      }
    }
    return unknown == null || unknown.equals(condition) ? narrowed : withFact(narrowed, unknown, flip ? side.negate() : side);
  }

  private SignReasoning withFact(SignReasoning signs, IExpr e, Interval side) {
    SignReasoning one = signs.narrowed(e, side);
    return one == null ? null : one.narrowed(eval.apply(F.Negate(e)), side.negate());
  }

  /**
   * An innermost piecewise term: its arguments are piecewise-free, so a case's condition is a
   * statement about plain expressions that the narrowed ranges keep (a condition on an outer
   * Max(Min(y, 5 y), ...) would be a fact about Min(y, 5 y), lost once that term is split).
   */
  private static IAST firstPiecewise(IExpr e) {
    if (e instanceof IAST a) {
      for (int i = 1; i <= a.argSize(); i++) {
        IAST found = firstPiecewise(a.get(i));
        if (found != null) {
          return found;
        }
      }
    }
    if (e.isAST(S.Abs, 2) || e.isAST(S.Ramp, 2) || e.isAST(S.UnitStep, 2) || e.isAST(S.Max, 3) || e.isAST(S.Min, 3)) {
      return (IAST) e;
    }
    return null;
  }
}
