package ibcheck.symbolic;

import java.util.Set;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The variables a construct binds must be the theorem file's own. Symja's built-in symbols are shared
 * by every evaluator in the JVM, and {@code Block({Plus = Times}, 0)} rebinds {@code Plus} for all of
 * them, for good: {@code 1 + 1} is 1 afterwards in every theorem of the run. Scoping constructs are
 * therefore restricted to fresh symbols, and every other binder (iterators, function parameters,
 * replacement rules, patterns) to non-built-in ones:
 *
 * <ul>
 *   <li>{@code Block}, {@code Module}, {@code With}: a list of local variables, each a symbol (or
 *       {@code symbol = value}) that is neither built in nor declared or defined by the file;
 *   <li>{@code Function}, {@code Table}, {@code Sum}, {@code Integrate}, {@code Limit}, {@code D}, ...:
 *       their parameters or iterator variables may not be built-ins (the file's declared symbols may
 *       serve as iterators, as in {@code Sum(t/n, {j, 1, n})});
 *   <li>a rule {@code lhs -> rhs} may not replace a built-in (options such as {@code Method -> ...}
 *       excepted), and a pattern {@code x_} may not be named after one.
 * </ul>
 *
 * The binders themselves may only be applied where they are written ({@link #APPLIED_ONLY}); the
 * {@link Sandbox} refuses them as values, so that {@code Apply(Block, ...)} cannot bind out of sight.
 */
final class Bindings {
  private Bindings() {}

  /** Constructs whose variables are given from the second argument on, as a symbol or {@code {x, ...}}. */
  private static final Set<String> ITERATING = Set.of("table", "sum", "product", "integrate", "nintegrate",
      "nsum", "limit", "series", "seriescoefficient", "d", "dt", "grad", "findroot", "solve", "reduce",
      "eliminate", "roots");

  /** Built-ins that bind or assign: applied where written, never passed as values. */
  static final Set<String> APPLIED_ONLY = Set.of("block", "module", "with", "set", "function", "rule",
      "ruledelayed", "pattern", "condition", "replaceall", "table", "sum", "product", "integrate",
      "nintegrate", "nsum", "limit", "series", "seriescoefficient", "d", "dt", "findroot", "solve", "reduce",
      "eliminate");

  /** Built-in option names that may stand on the left of a rule. */
  private static final Set<String> OPTIONS = Set.of("method", "assumptions", "direction", "tolerance",
      "precisiongoal", "workingprecision");

  /**
   * Refuses a construct that would bind a built-in (or, for scoping constructs, one of the file's
   * own declared symbols).
   *
   * @param ast the construct
   * @param head its head's name in lower case
   * @param known the file's declared and defined names in scope, in lower case
   */
  static void check(IAST ast, String head, Set<String> known) throws InvalidExpressionException {
    if (Sandbox.SCOPING.contains(head)) {
      scoping(ast, known);
    } else if (head.equals("function") && ast.argSize() >= 2) {
      IExpr params = ast.arg1();
      for (IExpr p : params.isList() ? (IAST) params : java.util.List.of(params)) {
        notBuiltIn(p, "a parameter of Function");
      }
    } else if (ITERATING.contains(head)) {
      for (int i = 2; i < ast.size(); i++) {
        IExpr spec = ast.get(i);
        IExpr variable = (spec.isList() || spec.isRuleAST()) && spec.argSize() >= 1 ? spec.first() : spec;
        if (!(spec.isRuleAST() && OPTIONS.contains(Sandbox.lower(variable)))) {
          notBuiltIn(variable, "the variable of " + ast.head());
        }
      }
    } else if ((head.equals("rule") || head.equals("ruledelayed")) && ast.argSize() == 2
        && !OPTIONS.contains(Sandbox.lower(ast.arg1()))) {
      notBuiltIn(ast.arg1(), "the left side of a replacement rule");
    } else if (head.equals("pattern") && ast.argSize() >= 1) {
      notBuiltIn(ast.arg1(), "a pattern name");
    }
  }

  private static void scoping(IAST ast, Set<String> known) throws InvalidExpressionException {
    if (ast.argSize() < 1 || !ast.arg1().isList()) {
      throw new InvalidExpressionException("refused: " + ast.head() + " takes a list of local variables first,"
          + " as in " + ast.head() + "({w = 1}, w^2)");
    }
    for (IExpr local : (IAST) ast.arg1()) {
      boolean assigned = local.isAST() && Sandbox.lower(((IAST) local).head()).equals("set") && local.argSize() == 2;
      IExpr name = assigned ? local.first() : local;
      if (!(name instanceof ISymbol s)) {
        throw new InvalidExpressionException("refused: a local variable of " + ast.head() + " must be a symbol,"
            + " not " + Sandbox.shorten(local.toString()));
      }
      notBuiltIn(s, "a local variable of " + ast.head());
      if (known.contains(Sandbox.lower(s))) {
        throw new InvalidExpressionException("refused: " + ast.head() + " may bind only fresh symbols, but '" + s
            + "' is already the file's own (declared, defined or bound outside)");
      }
    }
  }

  private static void notBuiltIn(IExpr e, String role) throws InvalidExpressionException {
    if (e instanceof ISymbol s && s.isBuiltInSymbol()) {
      throw new InvalidExpressionException("refused: the built-in '" + s + "' cannot be " + role
          + " (built-ins are shared by every theorem in the run; bind only the file's own symbols)");
    }
  }
}
