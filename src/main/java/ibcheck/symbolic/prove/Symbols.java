package ibcheck.symbolic.prove;

import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/** Finds and replaces a theorem's symbols in an expression by name (as the theorem file spells it). */
public final class Symbols {
  private Symbols() {}

  /** The symbol object named {@code name} in {@code e}, or null when e does not contain it. */
  static IExpr find(IExpr e, String name) {
    return search(e, name);
  }

  private static IExpr search(IExpr e, String name) {
    if (e.isSymbol()) {
      return e.toString().equals(name) ? e : null;
    }
    if (e instanceof IAST a) {
      for (int i = 0; i <= a.argSize(); i++) {
        IExpr f = search(a.get(i), name);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /** e with each symbol named in {@code values} replaced, unevaluated (names are case-sensitive: b and B differ). */
  public static IExpr replace(IExpr e, Map<String, IExpr> values) {
    return e.replaceAll(x -> x.isSymbol() ? values.getOrDefault(x.toString(), F.NIL) : F.NIL)
        .orElse(e);
  }
}
