package ibcheck.symbolic.prove;

import java.util.Locale;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/** Finds and replaces a theorem's symbols in an expression by name (as the theorem file spells it). */
final class Symbols {
  private Symbols() {}

  /** The symbol object named {@code name} in {@code e}, or a new one when e does not contain it. */
  static IExpr find(IExpr e, String name) {
    IExpr found = search(e, name.toLowerCase(Locale.ROOT));
    return found != null ? found : F.symbol(name);
  }

  private static IExpr search(IExpr e, String lower) {
    if (e.isSymbol()) {
      return e.toString().toLowerCase(Locale.ROOT).equals(lower) ? e : null;
    }
    if (e instanceof IAST a) {
      for (int i = 0; i <= a.argSize(); i++) {
        IExpr f = search(a.get(i), lower);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /** e with each symbol named in {@code values} (lower case) replaced, unevaluated. */
  static IExpr replace(IExpr e, Map<String, IExpr> values) {
    return e.replaceAll(x -> x.isSymbol() ? values.getOrDefault(x.toString().toLowerCase(Locale.ROOT), F.NIL) : F.NIL)
        .orElse(e);
  }
}
