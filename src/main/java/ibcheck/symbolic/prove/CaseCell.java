package ibcheck.symbolic.prove;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * One cell of a case split: the sign reasoning with the cell's conditions added, and those
 * conditions as facts {@code e in side}. A condition {@code g in side} is added as a fact on g and
 * -g, and also on every form it pins down: a single symbol's range when g is linear in that symbol
 * alone (g = a s + b, so s in (side - b)/a), the numerator of g over a common denominator whose sign is
 * known (and that denominator, strictly: g is only evaluated where it is defined, and its terms are
 * the claim's own), and the one factor of unknown sign when the others' signs are known. Each of these is
 * implied by the condition, so every point of the cell satisfies every fact; a cell whose facts
 * contradict what is known has no points ({@link #with} gives null).
 */
final class CaseCell {
  /** What a cell knows about e: its values lie in side. */
  record Fact(IExpr e, Interval side) {}

  private final SignReasoning signs;
  private final List<Fact> facts;
  private final UnaryOperator<IExpr> eval;

  CaseCell(SignReasoning signs, List<Fact> facts, UnaryOperator<IExpr> eval) {
    this.signs = signs;
    this.facts = List.copyOf(facts);
    this.eval = eval;
  }

  SignReasoning signs() {
    return signs;
  }

  List<Fact> facts() {
    return facts;
  }

  /** An enclosure of g's values in this cell, the tightest over g, g over a common denominator, and factored. */
  Interval enclosure(IExpr g) {
    Interval best = signs.bounds(g);
    for (IExpr form : List.of(eval.apply(F.Together(g)), eval.apply(F.Factor(g)))) {
      Interval i = signs.bounds(form);
      if (i.hi() - i.lo() < best.hi() - best.lo() || i.nonzero() && !best.nonzero() || PiecewiseTerm.within(i, best)) {
        best = i;
      }
    }
    return best;
  }

  /** This cell with {@code g in side} added; null when that contradicts what the cell knows. */
  CaseCell with(IExpr g, Interval side) {
    if (PiecewiseTerm.disjoint(enclosure(g), side)) {
      return null;
    }
    List<Fact> added = new ArrayList<>(facts);
    SignReasoning narrowed = fact(signs, g, side, added);
    IExpr single = linearSymbol(g);
    if (narrowed != null && single != null) {
      IExpr a = eval.apply(F.Coefficient(g, single, F.C1));
      IExpr b = eval.apply(F.Coefficient(g, single, F.C0));
      if (a.isNumber() && b.isNumber() && !a.isZero()) {
        Interval range = side.plus(Interval.point(-b.evalf(), b.isInteger()))
            .times(Interval.point(1 / a.evalf(), a.isOne() || a.isMinusOne()));
        narrowed = narrowed.narrowed(single, range);
      }
    }
    IExpr together = eval.apply(F.Together(g));
    IExpr denominator = eval.apply(F.Denominator(together));
    if (narrowed != null && !denominator.isOne()) {
      // where g is defined its denominator is not 0, so a sign-known denominator is a strict sign
      Interval d = narrowed.bounds(denominator);
      if (d.nonnegative() || d.nonpositive()) {
        narrowed = fact(narrowed, denominator, d.nonnegative() ? Interval.POSITIVE : Interval.NEGATIVE, added);
        narrowed = narrowed == null ? null
            : fact(narrowed, eval.apply(F.Numerator(together)), d.nonnegative() ? side : side.negate(), added);
      }
    }
    if (narrowed != null) {
      narrowed = unknownFactor(narrowed, eval.apply(F.Factor(together)), side, added);
    }
    return narrowed == null ? null : new CaseCell(narrowed, added, eval);
  }

  /** The one factor of unknown sign, with the side the others' signs give it; unchanged when there is none or several. */
  private SignReasoning unknownFactor(SignReasoning s, IExpr factored, Interval side, List<Fact> added) {
    IExpr unknown = null;
    boolean flip = false;
    for (IExpr f : factored.isTimes() ? ((IAST) factored).copyFrom(1) : F.List(factored)) {
      Interval fi = s.bounds(f);
      if (fi.positive() || f.isNumber() && fi.nonnegative()) {
        continue;
      }
      if (fi.negative()) {
        flip = !flip;
      } else if (unknown == null) {
        unknown = f;
      } else {
        return s;
      }
    }
    return unknown == null || unknown.equals(factored) ? s : fact(s, unknown, flip ? side.negate() : side, added);
  }

  /** The only symbol of g when g is a polynomial of degree 1 in it, else null. */
  private IExpr linearSymbol(IExpr g) {
    IExpr vars = eval.apply(F.Variables(g));
    if (!vars.isList() || vars.argSize() != 1 || !vars.first().isSymbol()) {
      return null;
    }
    IExpr s = vars.first();
    return eval.apply(F.PolynomialQ(g, s)).isTrue() && eval.apply(F.Exponent(g, s)).isOne() ? s : null;
  }

  /** s with e in side and -e in -side (Symja may write either), the fact recorded; null when contradictory. */
  private SignReasoning fact(SignReasoning s, IExpr e, Interval side, List<Fact> added) {
    SignReasoning one = s.narrowed(e, side);
    SignReasoning both = one == null ? null : one.narrowed(eval.apply(F.Negate(e)), side.negate());
    if (both != null) {
      added.add(new Fact(e, side));
    }
    return both;
  }
}
