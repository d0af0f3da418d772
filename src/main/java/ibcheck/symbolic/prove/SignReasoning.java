package ibcheck.symbolic.prove;

import ibcheck.spec.Domain;
import ibcheck.symbolic.claim.Claim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Decides {@code d op 0} (d = lhs - rhs) from the sign of d alone, by {@link Bounds}: if every value
 * d can take under the assumptions satisfies the relation, the claim holds wherever it is defined;
 * if every value violates it, the claim fails at every admissible point. A symbol declared
 * {@code at most n} is handled by writing n = B + k with a fresh k &gt;= 0: every admissible pair
 * (B, n) is such a pair, so a sign found for all (B, k) holds for all (B, n). Several equal forms
 * of d are tried (as written, over a common denominator, factored, as Symja simplified it), since
 * interval arithmetic sees a product's sign where it cannot see a sum's.
 */
public final class SignReasoning {
  public static final String METHOD = "sign reasoning under the assumptions (interval enclosure of lhs - rhs)";
  private final Bounds bounds;
  /** For each symbol B declared at most n: n's name and B's, and the gap k = n - B. */
  private final List<String[]> gaps = new ArrayList<>();
  /** The symbols declared integer. */
  private final java.util.Set<String> integers = new java.util.HashSet<>();

  private final UnaryOperator<IExpr> eval;

  /** @param eval evaluates within the CAS budget */
  private SignReasoning(Bounds bounds, List<String[]> gaps, java.util.Set<String> integers, UnaryOperator<IExpr> eval) {
    this.bounds = bounds;
    this.gaps.addAll(gaps);
    this.integers.addAll(integers);
    this.eval = eval;
  }

  /** The same reasoning with one more assumption, symbol in range; null when that contradicts the others. */
  SignReasoning narrowed(IExpr symbol, Interval range) {
    Bounds b = bounds.narrowed(symbol, range);
    for (String[] g : gaps) {
      if (b != null && g[1].equals(symbol.toString())) {
        b = b.narrowed(F.symbol(g[3]), range); // B's stand-in where an expression has n but no B
      }
    }
    return b == null ? null : new SignReasoning(b, gaps, integers, eval);
  }

  public SignReasoning(Map<String, Domain> domains, UnaryOperator<IExpr> eval) {
    this.bounds = strictBounds(new Bounds(domains, eval), domains, eval);
    this.eval = eval;
    domains.forEach((name, d) -> {
      if (d.kind().isInteger()) {
        integers.add(name);
      }
      if (d.atMost() != null) {
        // lower-case names: Symja may lower-case a new symbol's name
        String gap = "ibcheckgap" + gaps.size();
        String stand = "ibcheckbounded" + gaps.size();
        bounds.declare(gap, Interval.NONNEGATIVE);
        bounds.declare(stand, Bounds.of(d));
        gaps.add(new String[] {d.atMost(), name, gap, stand});
      }
    });
  }

  /**
   * A strict bound x &lt; b (x &gt; a) as the facts that x - b and b - x (x - a, a - x) have a sign
   * and are not 0: intervals are closed, so the symbol's own range [.., b] loses the strictness.
   */
  private static Bounds strictBounds(Bounds bounds, Map<String, Domain> domains, UnaryOperator<IExpr> eval) {
    for (Map.Entry<String, Domain> e : domains.entrySet()) {
      IExpr x = F.symbol(e.getKey());
      for (Domain.Bound b : java.util.Arrays.asList(e.getValue().lower(), e.getValue().upper())) {
        if (b == null || !b.strict()) {
          continue;
        }
        IExpr value = F.QQ(F.ZZ(b.ratio()[0]), F.ZZ(b.ratio()[1]));
        boolean upper = b == e.getValue().upper();
        IExpr above = eval.apply(upper ? F.Subtract(value, x) : F.Subtract(x, value));
        Bounds narrowed = bounds.narrowed(above, Interval.POSITIVE);
        narrowed = narrowed == null ? null : narrowed.narrowed(eval.apply(F.Negate(above)), Interval.NEGATIVE);
        bounds = narrowed == null ? bounds : narrowed;
      }
    }
    return bounds;
  }

  /**
   * Whether the symbol is in a declared relation {@code B at most n}, as B or as n: enclosures then
   * cover only the admissible pairs, not each symbol's whole range with the other held fixed.
   */
  boolean related(IExpr symbol) {
    return gaps.stream().anyMatch(g -> g[0].equals(symbol.toString()) || g[1].equals(symbol.toString()));
  }

  /** Whether the symbol is declared an integer. */
  boolean integer(IExpr symbol) {
    return symbol.isSymbol() && integers.contains(symbol.toString());
  }

  /** Whether e &gt;= 0 at every admissible point where it is defined. */
  public boolean nonnegative(IExpr e) {
    return bounds(e).nonnegative();
  }

  /** An enclosure of e's values under the assumptions (bounds n = B + k applied). */
  Interval bounds(IExpr e) {
    return bounds.of(gaps.isEmpty() ? e : eval.apply(withGaps(e)));
  }

  /**
   * TRUE when every form's enclosure satisfies {@code d op 0}, FALSE when one violates it
   * everywhere, null when no form decides.
   */
  public Boolean decide(List<IExpr> forms, Claim.Op op) {
    for (IExpr form : forms) {
      Boolean b = decide(bounds(form), op);
      if (b != null) {
        return b;
      }
    }
    return null;
  }

  /** e with each bound n written as B + k: B is the very symbol object of e, so n - B cancels. */
  private IExpr withGaps(IExpr e) {
    Map<String, IExpr> values = new java.util.HashMap<>();
    for (String[] g : gaps) {
      // B as it occurs in e, so that n - B cancels; where e has no B, a fresh symbol with B's range
      IExpr bounded = Symbols.find(e, g[1]);
      values.put(g[0], F.Plus(bounded != null ? bounded : F.symbol(g[3]), F.symbol(g[2])));
    }
    return Symbols.replace(e, values);
  }

  /** Whether every value in {@code i} satisfies {@code value op 0} (TRUE), none does (FALSE), or neither. */
  static Boolean decide(Interval i, Claim.Op op) {
    return switch (op) {
      case EQUAL -> i.nonzero() ? Boolean.FALSE : i.lo() == 0 && i.hi() == 0 ? Boolean.TRUE : null;
      case UNEQUAL -> i.nonzero() ? Boolean.TRUE : i.lo() == 0 && i.hi() == 0 ? Boolean.FALSE : null;
      case GREATER -> i.positive() ? Boolean.TRUE : i.nonpositive() ? Boolean.FALSE : null;
      case GREATER_EQUAL -> i.nonnegative() ? Boolean.TRUE : i.negative() ? Boolean.FALSE : null;
      case LESS -> i.negative() ? Boolean.TRUE : i.nonnegative() ? Boolean.FALSE : null;
      case LESS_EQUAL -> i.nonpositive() ? Boolean.TRUE : i.positive() ? Boolean.FALSE : null;
    };
  }
}
