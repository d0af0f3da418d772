package ibcheck.crosscheck;

import ibcheck.symbolic.ClaimParser;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.Sandbox;
import ibcheck.symbolic.SymjaSession;
import ibcheck.symbolic.TheoremSession;
import ibcheck.symbolic.claim.Claim;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A relation a theorem file hands to a numeric check ({@code Sqrt(dist2) <= Sqrt(dist02)}, or a
 * conjunction of relations): parsed, sandboxed, each side evaluated once with the file's definitions
 * and compiled to a double function of the check's variables. A side {@code l op r} holds at a point
 * when {@code (l - r) / max(1, |l|, |r|)} satisfies op within the tolerance; NaN never holds. Must be
 * compiled on the session's thread.
 */
public final class FileRelation {
  private record Part(CompiledExpression lhs, Claim.Op op, CompiledExpression rhs, String text) {}

  private final List<Part> parts = new ArrayList<>();
  private final String text;

  private FileRelation(String text) {
    this.text = text;
  }

  static FileRelation compile(TheoremSession session, String text, List<String> variables)
      throws InvalidExpressionException {
    SymjaSession s = session.session();
    for (String name : variables) {
      if (s.builtIn(name) != null && Pattern.compile("(?i)\\b" + Pattern.quote(name) + "\\b").matcher(text).find()) {
        throw new InvalidExpressionException("'" + name + "' is Symja's built-in " + s.builtIn(name)
            + " (Symja ignores case), so the relation cannot use it as a variable");
      }
    }
    IExpr parsed = s.parse(text);
    Set<String> known = new HashSet<>(session.known());
    known.addAll(variables);
    Sandbox.check(parsed, known);
    FileRelation r = new FileRelation(text);
    r.collect(ClaimParser.parse(parsed), s, variables);
    return r;
  }

  private void collect(Claim claim, SymjaSession s, List<String> variables) throws InvalidExpressionException {
    if (claim instanceof Claim.Conjunction c) {
      for (Claim part : c.parts()) {
        collect(part, s, variables);
      }
    } else if (claim instanceof Claim.Relation r) {
      parts.add(new Part(CompiledExpression.compile(s.eval(r.lhs()), variables), r.op(),
          CompiledExpression.compile(s.eval(r.rhs()), variables), r.lhs() + " " + r.op().symbol() + " " + r.rhs()));
    } else {
      throw new InvalidExpressionException("'" + text + "' must be a relation (<=, ==, ...) or a conjunction of"
          + " relations; limits and series belong in the derivation");
    }
  }

  /** Null when every part holds at these values; otherwise the first part that fails, with both sides. */
  public String failure(double tolerance, double... values) {
    for (Part p : parts) {
      double l = p.lhs.value(values);
      double r = p.rhs.value(values);
      double scale = Math.max(1, Math.max(Math.abs(l), Math.abs(r)));
      if (Double.isNaN(l) || Double.isNaN(r) || !p.op.holds((l - r) / scale, tolerance)) {
        return String.format(Locale.ROOT, "%s fails: lhs = %.12g, rhs = %.12g", p.text, l, r);
      }
    }
    return null;
  }

  /**
   * The smallest relative slack over the parts: for {@code <=}, {@code (r - l) / scale}; for
   * {@code >=}, {@code (l - r) / scale}; for {@code ==}, {@code -|l - r| / scale}. Negative means the
   * relation is violated by that much (before the tolerance).
   */
  public double slack(double... values) {
    double worst = Double.POSITIVE_INFINITY;
    for (Part p : parts) {
      double l = p.lhs.value(values);
      double r = p.rhs.value(values);
      double scale = Math.max(1, Math.max(Math.abs(l), Math.abs(r)));
      double s = switch (p.op) {
        case LESS, LESS_EQUAL -> (r - l) / scale;
        case GREATER, GREATER_EQUAL -> (l - r) / scale;
        case EQUAL -> -Math.abs(l - r) / scale;
        case UNEQUAL -> Math.abs(l - r) / scale;
      };
      if (Double.isNaN(s)) {
        return Double.NaN;
      }
      worst = Math.min(worst, s);
    }
    return worst;
  }

  @Override
  public String toString() {
    return text;
  }
}
