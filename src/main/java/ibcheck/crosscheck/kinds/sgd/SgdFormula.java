package ibcheck.crosscheck.kinds.sgd;

import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.Sandbox;
import ibcheck.symbolic.TheoremSession;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A formula of an SGD cross-check, kept unevaluated and evaluated per instance with numbers (and
 * numeric matrices) substituted for its variables before Symja evaluates it, so a matrix variable
 * such as {@code H} is never treated as a scalar symbol. Must run on the session's thread.
 */
final class SgdFormula {
  /** The names a formula may use besides the file's symbols and definitions. */
  static final List<String> VARIABLES = List.of("eta", "n", "B", "dim", "a", "s", "H", "Sig");

  private final TheoremSession session;
  private final IExpr parsed;
  private final Map<String, IExpr> symbols = new HashMap<>();
  final String text;

  SgdFormula(TheoremSession session, String text) throws InvalidExpressionException {
    this.session = session;
    this.text = text;
    for (String name : VARIABLES) {
      if (session.session().builtIn(name) != null
          && Pattern.compile("(?i)\\b" + Pattern.quote(name) + "\\b").matcher(text).find()) {
        throw new InvalidExpressionException("'" + name + "' is Symja's built-in " + session.session().builtIn(name));
      }
    }
    this.parsed = session.session().parse(text);
    Set<String> known = new HashSet<>(session.known());
    known.addAll(VARIABLES);
    Sandbox.check(parsed, known);
    for (String name : VARIABLES) {
      symbols.put(name, session.session().parse(name));
    }
  }

  /** The value at these variables: a number (as a 1 x 1 matrix) or a square matrix. */
  double[][] matrix(Map<String, Object> values) throws InvalidExpressionException {
    IExpr r = evaluate(values);
    if (r.isList()) {
      IAST rows = (IAST) r;
      int k = rows.argSize();
      double[][] out = new double[k][];
      for (int i = 0; i < k; i++) {
        IExpr row = rows.get(i + 1);
        if (!row.isList() || ((IAST) row).argSize() != k) {
          throw new InvalidExpressionException("'" + text + "' is neither a number nor a square matrix: " + shortText(r));
        }
        out[i] = new double[k];
        for (int j = 0; j < k; j++) {
          out[i][j] = number(((IAST) row).get(j + 1), r);
        }
      }
      return out;
    }
    return new double[][] {{number(r, r)}};
  }

  /** The truth of a relation (or a conjunction) at these variables. */
  boolean truth(Map<String, Object> values) throws InvalidExpressionException {
    IExpr r = evaluate(values);
    if (r.isTrue()) {
      return true;
    }
    if (r.isFalse()) {
      return false;
    }
    throw new InvalidExpressionException("'" + text + "' does not evaluate to True or False: " + shortText(r));
  }

  private IExpr evaluate(Map<String, Object> values) {
    Map<IExpr, IExpr> rules = new HashMap<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      IExpr sym = symbols.get(e.getKey());
      if (sym != null) {
        rules.put(sym, toExpr(e.getValue()));
      }
    }
    IExpr sub = parsed.replaceAll(rules);
    IExpr out = session.session().eval(F.N(sub.isPresent() ? sub : parsed));
    session.session().drainMessages();
    return out;
  }

  private double number(IExpr e, IExpr whole) throws InvalidExpressionException {
    try {
      double v = e.evalf();
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (RuntimeException ex) {
      // fall through
    }
    throw new InvalidExpressionException("'" + text + "' does not evaluate to real numbers: " + shortText(whole));
  }

  private static IExpr toExpr(Object v) {
    if (v instanceof double[][] m) {
      if (m.length == 1) {
        return F.num(m[0][0]);
      }
      IExpr[] rows = new IExpr[m.length];
      for (int i = 0; i < m.length; i++) {
        rows[i] = F.List(m[i]);
      }
      return F.ListAlloc(rows);
    }
    return F.num(((Number) v).doubleValue());
  }

  private static String shortText(IExpr e) {
    String s = e.toString();
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }
}
