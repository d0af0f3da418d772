package ibcheck.symbolic.prove;

import ibcheck.symbolic.claim.Claim;
import java.util.List;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Proves {@code lhs op rhs} for claims built with Abs, Max, Min, Ramp, UnitStep, If, Boole or Sign
 * by cases. The innermost piecewise term is replaced by its value in each of its cases
 * ({@link PiecewiseTerm}: the cases' sides cover every point), and each case is proved in the cell
 * where its condition holds ({@link CaseCell}); a case whose condition contradicts what the cell
 * already knows has no points and is skipped, and when the cell's knowledge puts the condition
 * inside one case's side, the term is that case's value there and no split is needed. A case's
 * condition {@code Sign(s) = 0} with s a symbol sets s = 0. In a cell free of piecewise terms,
 * d = lhs - rhs has the right sign by {@link SignReasoning} on d, d over a common denominator, or
 * factored, or as a multiple of one of the cell's facts plus a rest of known sign
 * ({@link FactMultiples}); d == 0 is shown as 0 over a common denominator, or as both d &gt;= 0 and
 * d &lt;= 0 that way (in the cell V &lt;= S = 0, V &gt;= 0 the difference V/2 is 0).
 *
 * <p>For an inequality whose sides are both known &gt;= 0, {@code lhs op rhs} follows from
 * {@code lhs^2 op rhs^2} (x -&gt; x^2 is increasing on [0, inf)), which is tried by the same cases
 * when d itself is not decided (min(a, b) &lt;= sqrt(a b) from min(a, b)^2 &lt;= a b).
 */
final class PiecewiseCases {
  /** Splits along one path, and leaves in all: beyond them the claim stays open (bounded time). */
  private static final int MAX_SPLITS = 8;
  private static final int MAX_LEAVES = 96;
  private static final IExpr PLACE = F.symbol("ibcheckcasevalue");
  private final UnaryOperator<IExpr> eval;
  private final FactMultiples multiples;
  private int leaves;
  /** Whether an evaluation ran out of budget: an aborted form could fake an empty case, so nothing is proved. */
  private boolean aborted;

  PiecewiseCases(UnaryOperator<IExpr> eval) {
    this.eval = e -> {
      IExpr r = eval.apply(e);
      aborted |= r == S.$Aborted;
      return r;
    };
    this.multiples = new FactMultiples(this.eval);
  }

  /** Whether lhs op rhs holds in every case; false when it has no piecewise term to split on. */
  boolean proves(IExpr lhs, IExpr rhs, Claim.Op op, SignReasoning signs) {
    IExpr d = eval.apply(F.Subtract(lhs, rhs));
    if (d.isList() || PiecewiseTerm.innermost(d) == null) {
      return false;
    }
    CaseCell all = new CaseCell(signs, List.of(), eval);
    leaves = 0;
    aborted = false;
    if (holds(d, op, all, 0)) {
      return !aborted;
    }
    boolean inequality = op != Claim.Op.EQUAL && op != Claim.Op.UNEQUAL;
    if (inequality && signs.nonnegative(eval.apply(lhs)) && signs.nonnegative(eval.apply(rhs))) {
      leaves = 0;
      aborted = false;
      return holds(eval.apply(F.Expand(F.Subtract(F.Sqr(lhs), F.Sqr(rhs)))), op, all, 0) && !aborted;
    }
    return false;
  }

  private boolean holds(IExpr d, Claim.Op op, CaseCell cell, int depth) {
    if (d == S.$Aborted || d.isList()) {
      return false;
    }
    PiecewiseTerm term = PiecewiseTerm.innermost(d);
    if (term == null) {
      return ++leaves <= MAX_LEAVES && leaf(d, op, cell);
    }
    IExpr condition = eval.apply(term.cases().get(0).condition());
    Interval known = cell.enclosure(condition);
    for (PiecewiseTerm.Case c : term.cases()) {
      if (PiecewiseTerm.within(known, c.side()) || multiples.within(condition, c.side(), cell)) {
        return holds(replaced(d, term, c), op, cell, depth);
      }
    }
    if (depth >= MAX_SPLITS) {
      return false;
    }
    for (PiecewiseTerm.Case c : term.cases()) {
      CaseCell narrowed = cell.with(condition, c.side());
      if (narrowed != null && !holds(replaced(d, term, c), op, narrowed, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** d with the term replaced by the case's value (and a symbol set to 0 where the case says it is 0). */
  private IExpr replaced(IExpr d, PiecewiseTerm term, PiecewiseTerm.Case c) {
    // the term (found in d itself) replaced by a fresh symbol, which Symja's ReplaceAll then sets to
    // the value: its result is evaluated afresh (a held If branch included)
    IExpr marked = d.replaceAll(x -> x.equals(term.term()) ? PLACE : F.NIL).orElse(d);
    if (marked == d) {
      return S.$Aborted; // nothing replaced: no progress, and no proof
    }
    IExpr out = eval.apply(F.ReplaceAll(marked, F.Rule(PLACE, c.value())));
    if (c.side().equals(PiecewiseTerm.ZERO) && c.condition().isSymbol()) {
      out = eval.apply(F.ReplaceAll(out, F.Rule(c.condition(), F.C0)));
    }
    return out;
  }

  private boolean leaf(IExpr d, Claim.Op op, CaseCell cell) {
    IExpr together = eval.apply(F.Together(d));
    if (op == Claim.Op.EQUAL) {
      // d == 0 as d >= 0 and d <= 0: the cell's facts may pin d down where the algebra alone does not
      return together.isZero() || signed(d, together, Claim.Op.GREATER_EQUAL, cell) && signed(d, together, Claim.Op.LESS_EQUAL, cell);
    }
    return signed(d, together, op, cell);
  }

  private boolean signed(IExpr d, IExpr together, Claim.Op op, CaseCell cell) {
    return cell.signs().decide(List.of(d, together, eval.apply(F.Factor(together))), op) == Boolean.TRUE
        || multiples.proves(d, op, cell);
  }
}
