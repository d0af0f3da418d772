package ibcheck.property;

import ibcheck.symbolic.ClaimParser;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.Sandbox;
import ibcheck.symbolic.SymjaSession;
import ibcheck.symbolic.claim.Claim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A property's predicate ({@code q(z) >= 0}, {@code a <= b && c == d}) prepared for many fast
 * evaluations: each side is evaluated symbolically once with the theorem's definitions, then in
 * double precision per instance. A relation {@code l op r} holds when {@code l - r} satisfies it
 * within {@code tolerance * max(1, |l|, |r|)}; NaN or an exception is a failure, never a skip.
 */
final class NumericPredicate implements InstanceCheck {
  private final List<Side> relations = new ArrayList<>();
  private final Map<IExpr, String> symbols = new HashMap<>();
  private final double tolerance;

  NumericPredicate(SymjaSession session, String text, Set<String> theoremNames, List<Quantity> quantities,
      double tolerance) throws InvalidExpressionException {
    this.tolerance = tolerance;
    Set<String> known = new HashSet<>(theoremNames);
    for (Quantity q : quantities) {
      known.add(q.name());
      symbols.put(session.evalInternal("Hold(" + q.name() + ")").first(), q.name());
    }
    IExpr parsed = session.parse(text);
    Sandbox.check(parsed, known);
    collect(ClaimParser.parse(parsed), session);
  }

  private void collect(Claim claim, SymjaSession session) throws InvalidExpressionException {
    if (claim instanceof Claim.Conjunction c) {
      for (Claim part : c.parts()) {
        collect(part, session);
      }
    } else if (claim instanceof Claim.Relation r) {
      relations.add(new Side(session.eval(r.lhs()), r.op(), session.eval(r.rhs()), r));
    } else {
      throw new InvalidExpressionException(
          "a property predicate must be a relation (==, <=, ...) or a conjunction of them; limits and"
              + " series belong in the derivation");
    }
  }

  @Override
  public String failure(Instance inst) {
    for (Side s : relations) {
      double l;
      double r;
      try {
        l = s.lhs.evalf(x -> value(x, inst));
        r = s.rhs.evalf(x -> value(x, inst));
      } catch (RuntimeException e) {
        return "cannot evaluate " + s.claim.lhs() + " " + s.op.symbol() + " " + s.claim.rhs() + ": " + e.getMessage();
      }
      if (Double.isNaN(l) || Double.isNaN(r)) {
        return "NaN: lhs = " + l + ", rhs = " + r;
      }
      double scale = Math.max(1, Math.max(Math.abs(l), Math.abs(r)));
      if (!s.op.holds((l - r) / scale, tolerance)) {
        return String.format(Locale.ROOT, "%s %s %s fails: lhs = %.17g, rhs = %.17g", s.claim.lhs(),
            s.op.symbol(), s.claim.rhs(), l, r);
      }
    }
    return null;
  }

  private IExpr value(IExpr x, Instance inst) {
    String name = symbols.get(x);
    return name == null ? F.NIL : F.num(inst.values().get(name));
  }

  private record Side(IExpr lhs, Claim.Op op, IExpr rhs, Claim.Relation claim) {}
}
