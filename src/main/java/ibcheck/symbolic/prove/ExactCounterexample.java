package ibcheck.symbolic.prove;

import ibcheck.symbolic.claim.Claim;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Disproves a relation at one admissible point with exact arithmetic: lhs - rhs is computed
 * symbolically, the point's exact rational coordinates go in, and the resulting closed-form number
 * is enclosed by interval arithmetic ({@link Bounds}, rounded outward). An enclosure that excludes
 * 0 (for ==), or lies wholly on the wrong side (for an inequality), shows the claim false at that
 * point: a counterexample that is a proof, not a sample. The point must satisfy the assumptions
 * exactly (checked). The point is the numeric witness's own
 * counterexample, so this confirms it exactly rather than finding it.
 */
public final class ExactCounterexample {
  public static final String METHOD = "exact counterexample: the witness's rational point substituted into lhs - rhs,"
      + " the exact value enclosed by interval arithmetic";
  private final IExpr assumptions;
  private final SignReasoning signs;
  private final UnaryOperator<IExpr> eval;

  public ExactCounterexample(IExpr assumptions, SignReasoning signs, UnaryOperator<IExpr> eval) {
    this.assumptions = assumptions;
    this.signs = signs;
    this.eval = eval;
  }

  /** The exact value found false at {@code at} (symbol name to exact rational text), or null. */
  public String refute(Claim claim, Map<String, Object> at) {
    if (claim instanceof Claim.Conjunction c) {
      for (Claim part : c.parts()) {
        String r = refute(part, at);
        if (r != null) {
          return part instanceof Claim.Relation rel && !rel.label().isEmpty() ? rel.label() + ": " + r : r;
        }
      }
      return null;
    }
    if (!(claim instanceof Claim.Relation r)) {
      return null;
    }
    Map<String, IExpr> values = exactPoint(at);
    if (values == null || !admissible(values)) {
      return null;
    }
    IExpr difference = eval.apply(F.Subtract(r.lhs(), r.rhs()));
    IExpr value = eval.apply(Symbols.replace(difference, values));
    return falseSomewhere(value, r.op()) ? "lhs - rhs = " + value : null;
  }

  /**
   * As {@link #refute}, for relations whose sides are already exact numbers at the point
   * {@code at}: enclosed as written, not evaluated, since Symja's exact arithmetic on long sums of
   * radicals costs far more than their enclosure. The first false part's label and value, or null.
   */
  public String refuteAsWritten(Claim.Conjunction c, Map<String, Object> at) {
    Map<String, IExpr> values = exactPoint(at);
    if (values == null || !admissible(values)) {
      return null;
    }
    for (Claim part : c.parts()) {
      if (part instanceof Claim.Relation r && !hasUserSymbol(r.lhs()) && !hasUserSymbol(r.rhs())
          && falseSomewhere(F.Subtract(r.lhs(), r.rhs()), r.op())) {
        return r.label() + ": lhs - rhs is enclosed in " + signs.bounds(F.Subtract(r.lhs(), r.rhs()));
      }
    }
    return null;
  }

  /**
   * Whether the point satisfies every assumption, without which it proves nothing about the claim
   * (the assumptions on symbols the claim does not depend on, absent from the point, hold for any
   * admissible value of theirs, so only the conjuncts that the point fully determines are checked).
   */
  private boolean admissible(Map<String, IExpr> values) {
    for (IExpr part : assumptions.isAnd() ? (IAST) assumptions : List.of(assumptions)) {
      IExpr holds = eval.apply(Symbols.replace(part, values));
      if (!holds.isTrue() && (holds.isFalse() || !hasUserSymbol(holds))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasUserSymbol(IExpr e) {
    return !e.isFree(x -> x.isSymbol() && !x.isBuiltInSymbol(), true);
  }

  private boolean falseSomewhere(IExpr value, Claim.Op op) {
    if (value.isList()) {
      for (IExpr entry : (IAST) value) {
        if (falseSomewhere(entry, op)) {
          return true;
        }
      }
      return false;
    }
    return SignReasoning.decide(signs.bounds(value), op) == Boolean.FALSE;
  }

  /** The point's coordinates (symbol name to rational text) as exact rationals, or null if one is not. */
  public static Map<String, IExpr> exactPoint(Map<String, Object> at) {
    Map<String, IExpr> values = new HashMap<>();
    for (Map.Entry<String, Object> e : at.entrySet()) {
      IExpr q = rational(String.valueOf(e.getValue()));
      if (q == null) {
        return null;
      }
      values.put(e.getKey(), q);
    }
    return values;
  }

  private static IExpr rational(String text) {
    String[] parts = text.trim().split("/");
    try {
      if (parts.length == 1) {
        return F.ZZ(new java.math.BigInteger(parts[0].trim()));
      }
      return parts.length == 2 ? F.QQ(F.ZZ(new java.math.BigInteger(parts[0].trim())), F.ZZ(new java.math.BigInteger(parts[1].trim()))) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
