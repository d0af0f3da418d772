package ibcheck.symbolic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A formula a theorem file hands to a numeric leg (a potential, a link, a threshold): parsed, passed
 * through the {@link Sandbox} with the file's symbols and definitions plus the formula's own
 * variables, then evaluated in the theorem's session so its definitions are expanded. Must run on the
 * session's thread.
 */
public final class FileFormula {
  private FileFormula() {}

  /**
   * @param text the formula as written
   * @param variables the names the formula may use besides the file's symbols and definitions
   * @return the evaluated expression, ready for {@code D} or {@link CompiledExpression#compile}
   */
  public static IExpr load(TheoremSession session, String text, List<String> variables)
      throws InvalidExpressionException {
    SymjaSession s = session.session();
    for (String name : variables) {
      // Symja's parser ignores case: 'depth' would read as the built-in Depth, 'beta' as Beta
      if (s.builtIn(name) != null && Pattern.compile("(?i)\\b" + Pattern.quote(name) + "\\b").matcher(text).find()) {
        throw new InvalidExpressionException("'" + name + "' is Symja's built-in " + s.builtIn(name)
            + " (Symja ignores case), so the formula cannot use it as a variable; rename it");
      }
    }
    IExpr parsed = s.parse(text);
    Set<String> known = new HashSet<>(session.known());
    known.addAll(variables);
    Sandbox.check(parsed, known);
    return s.eval(parsed);
  }

  /** {@link #load} then {@link CompiledExpression#compile}: the formula as a function of {@code variables}, in doubles. */
  public static CompiledExpression compile(TheoremSession session, String text, List<String> variables)
      throws InvalidExpressionException {
    return CompiledExpression.compile(load(session, text, variables), variables);
  }
}
