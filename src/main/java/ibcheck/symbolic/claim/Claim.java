package ibcheck.symbolic.claim;

import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A derivation step's claim, classified by how it is checked. Symja parses the text; this type says
 * which proof attempt and which numeric witness fit it.
 */
public sealed interface Claim {

  /**
   * {@code lhs op rhs} with op one of ==, !=, <, <=, >, >=; {@code label} says which instance of a
   * generated family it is (e.g. the index triple of a Hessian-map condition), or is empty.
   */
  record Relation(IExpr lhs, Op op, IExpr rhs, String label) implements Claim {
    public Relation(IExpr lhs, Op op, IExpr rhs) {
      this(lhs, op, rhs, "");
    }
  }

  /**
   * {@code HessianMapQ(H, {w1, ..., wd})}: the symmetric matrix field H(w) is the Hessian of some
   * potential on a simply connected domain, i.e. dH_ij/dw_k == dH_ik/dw_j for all i, j, k.
   */
  record HessianMap(IExpr field, List<ISymbol> variables) implements Claim {}

  /**
   * {@code HessianMapQ(H, b)} with b a single symbol: the field H(b), built from b only through
   * rotation-invariant operations (see {@link IsotropicFields}), is a Hessian map in every dimension
   * d &gt;= 2. Such a field is {@code phi(r) I + psi(r) b b^T} with r = ||b||, and the condition
   * reduces to the one-variable identity {@code phi'(r) = r psi(r)}.
   */
  record IsotropicHessianMap(IExpr field, ISymbol vector) implements Claim {}

  /** {@code Limit(f, x -> point) == value}: witnessed along a sequence approaching the point. */
  record LimitClaim(IExpr function, ISymbol variable, IExpr point, IExpr value, IExpr limitExpr)
      implements Claim {}

  /**
   * {@code f == p + O((x - x0)^n)}: the remainder {@code f - p} is {@code O((x - x0)^n)} as x -> x0.
   */
  record SeriesClaim(IExpr function, IExpr polynomial, ISymbol variable, IExpr point, int order)
      implements Claim {}

  /** Several claims that must all hold ({@code a && b}, or a chain {@code 0 <= a <= b}). */
  record Conjunction(List<Claim> parts) implements Claim {}

  /** The comparison operators, with their Symja heads. */
  public enum Op {
    EQUAL("Equal", "=="),
    UNEQUAL("Unequal", "!="),
    LESS("Less", "<"),
    LESS_EQUAL("LessEqual", "<="),
    GREATER("Greater", ">"),
    GREATER_EQUAL("GreaterEqual", ">=");

    private final String head;
    private final String symbol;

    Op(String head, String symbol) {
      this.head = head;
      this.symbol = symbol;
    }

    /** The operator as written, e.g. {@code <=}. */
    public String symbol() {
      return symbol;
    }

    /** Symja's head for the operator, e.g. {@code LessEqual}. */
    public String head() {
      return head;
    }

    /** The operator whose Symja head is {@code head}, or null. */
    public static Op ofHead(String head) {
      for (Op op : values()) {
        if (op.head.equals(head)) {
          return op;
        }
      }
      return null;
    }

    /** Whether {@code difference = lhs - rhs} (relative) satisfies the relation within tolerance. */
    public boolean holds(double difference, double tolerance) {
      return switch (this) {
        case EQUAL -> Math.abs(difference) <= tolerance;
        case UNEQUAL -> Math.abs(difference) > tolerance;
        case LESS, LESS_EQUAL -> difference <= tolerance;
        case GREATER, GREATER_EQUAL -> difference >= -tolerance;
      };
    }
  }
}
