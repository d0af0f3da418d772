package ibcheck.symbolic.prove;

import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A piecewise term and its cases. Each case says: where {@code condition} lies in {@code side},
 * the term equals {@code value}; the sides of a term's cases cover the whole line, so every point
 * lies in some case. The cases, with g the condition:
 * <ul>
 *   <li>Abs(a): a where a &gt;= 0, -a where a &lt;= 0; Ramp(a): a where a &gt;= 0, 0 where a &lt;= 0;
 *   <li>Max(a, b): a where a - b &gt;= 0, b where a - b &lt;= 0; Min(a, b) the other way round;
 *   <li>UnitStep(a): 1 where a &gt;= 0, 0 where a &lt; 0;
 *   <li>If(p rel q, x, y): x where p - q satisfies rel, y where it does not; Boole(c) = If(c, 1, 0);
 *   <li>Sign(a): 1 where a &gt; 0, -1 where a &lt; 0, 0 where a = 0.
 * </ul>
 * The continuous terms (Abs, Ramp, Max, Min) use closed sides: both formulas agree where g = 0.
 */
record PiecewiseTerm(IAST term, List<Case> cases) {
  /** Where {@code condition} is in {@code side}, the term is {@code value}. */
  record Case(IExpr condition, Interval side, IExpr value) {}

  static final Interval AT_LEAST_0 = Interval.NONNEGATIVE;
  static final Interval AT_MOST_0 = new Interval(Double.NEGATIVE_INFINITY, 0, false);
  static final Interval ZERO = new Interval(0, 0, false);

  /** The innermost piecewise term of e (its own arguments have none), or null when e has none. */
  static PiecewiseTerm innermost(IExpr e) {
    if (!(e instanceof IAST a)) {
      return null;
    }
    for (int i = 1; i <= a.argSize(); i++) {
      PiecewiseTerm inner = innermost(a.get(i));
      if (inner != null) {
        return inner;
      }
    }
    List<Case> cases = casesOf(a);
    return cases == null ? null : new PiecewiseTerm(a, cases);
  }

  private static List<Case> casesOf(IAST t) {
    if (t.isAST(S.Abs, 2)) {
      return List.of(new Case(t.arg1(), AT_LEAST_0, t.arg1()), new Case(t.arg1(), AT_MOST_0, F.Negate(t.arg1())));
    }
    if (t.isAST(S.Ramp, 2)) {
      return List.of(new Case(t.arg1(), AT_LEAST_0, t.arg1()), new Case(t.arg1(), AT_MOST_0, F.C0));
    }
    if (t.isAST(S.Max, 3) || t.isAST(S.Min, 3)) {
      IExpr g = F.Subtract(t.arg1(), t.arg2());
      boolean max = t.isAST(S.Max);
      return List.of(new Case(g, AT_LEAST_0, max ? t.arg1() : t.arg2()), new Case(g, AT_MOST_0, max ? t.arg2() : t.arg1()));
    }
    if (t.isAST(S.UnitStep, 2)) {
      return List.of(new Case(t.arg1(), AT_LEAST_0, F.C1), new Case(t.arg1(), Interval.NEGATIVE, F.C0));
    }
    if (t.isAST(S.Sign, 2)) {
      return List.of(new Case(t.arg1(), Interval.POSITIVE, F.C1), new Case(t.arg1(), Interval.NEGATIVE, F.CN1),
          new Case(t.arg1(), ZERO, F.C0));
    }
    if (t.isAST(S.If, 4) || t.isAST(S.Boole, 2)) {
      IExpr condition = t.arg1();
      Interval holds = sideWhere(condition);
      if (holds == null) {
        return null;
      }
      IExpr g = F.Subtract(condition.first(), condition.second());
      IExpr yes = t.isAST(S.If) ? t.arg2() : F.C1;
      IExpr no = t.isAST(S.If) ? t.arg3() : F.C0;
      return List.of(new Case(g, holds, yes), new Case(g, complement(holds), no));
    }
    return null;
  }

  /** The side of p - q on which {@code p rel q} holds, or null when it is not such a relation. */
  private static Interval sideWhere(IExpr relation) {
    if (relation.isAST(S.Greater, 3)) {
      return Interval.POSITIVE;
    }
    if (relation.isAST(S.GreaterEqual, 3)) {
      return AT_LEAST_0;
    }
    if (relation.isAST(S.Less, 3)) {
      return Interval.NEGATIVE;
    }
    return relation.isAST(S.LessEqual, 3) ? AT_MOST_0 : null;
  }

  private static Interval complement(Interval side) {
    if (side == Interval.POSITIVE) {
      return AT_MOST_0;
    }
    if (side == AT_LEAST_0) {
      return Interval.NEGATIVE;
    }
    return side == Interval.NEGATIVE ? AT_LEAST_0 : Interval.POSITIVE;
  }

  /** Whether every value in {@code known} lies in {@code side}. */
  static boolean within(Interval known, Interval side) {
    return known.lo() >= side.lo() && known.hi() <= side.hi() && (!side.nonzero() || known.nonzero());
  }

  /** Whether no value in {@code known} lies in {@code side}. */
  static boolean disjoint(Interval known, Interval side) {
    return known.lo() > side.hi() || known.hi() < side.lo() || known.nonzero() && side.lo() == 0 && side.hi() == 0
        || side.positive() && known.nonpositive() || side.negative() && known.nonnegative()
        || known.positive() && side.nonpositive() || known.negative() && side.nonnegative();
  }
}
