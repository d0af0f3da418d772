package ibcheck.symbolic;

import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A list constructor that Symja cannot carry out stays unevaluated: {@code Array(Sin, 10^9)} is
 * returned as is (too large), {@code ConstantArray(z, {10^5, 10^5})} with a message. Structural
 * functions then read the unevaluated form as data: {@code Length(Array(Sin, 10^9))} is 2, as is
 * its "length" on the other side of a claim, and {@code Part(Array(Sin, 10^9), 2)} is 10^9. So every
 * constructor written in a theorem file is wrapped, before evaluation, in {@value #GUARD}, which
 * passes a list through and, while the numeric witnesses run (where every symbol has a value and a
 * constructor has no excuse not to build its list), aborts on anything else: the witness then
 * reports an error, and a step whose witness errs is never evidence, whatever the CAS said.
 */
final class ListGuard {
  private ListGuard() {}

  /** The wrapper's name; theorem files cannot use it ({@link Sandbox#RESERVED_PREFIX}). */
  static final String GUARD = "ibcheckList";
  private static final String MODE = "ibcheckWitnessMode";

  /** Built-ins whose result, once their arguments are numbers, must be a list. */
  private static final Set<String> CONSTRUCTORS = Set.of("array", "constantarray", "table", "range",
      "identitymatrix", "diagonalmatrix", "unitvector", "tuples", "subsets", "permutations");

  /** Loads the wrapper's rules into a session. */
  static void define(SymjaSession session) {
    session.evalInternal(GUARD + "(x_List) := x");
    session.evalInternal(GUARD + "(x_) := If(TrueQ(" + MODE + "), Abort(), x)");
    session.evalInternal(MODE + " = False");
  }

  static String mode(boolean on) {
    return MODE + " = " + (on ? "True" : "False");
  }

  /** The expression with every list constructor wrapped in the guard. */
  static IExpr wrap(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable out = F.ast(wrap(ast.head()), ast.argSize());
    for (int i = 1; i < ast.size(); i++) {
      out.append(wrap(ast.get(i)));
    }
    String head = ast.head().toString().toLowerCase(java.util.Locale.ROOT);
    return CONSTRUCTORS.contains(head) ? F.unaryAST1(F.symbol(GUARD), out) : out;
  }

  /** Whether an evaluation result is the guard's abort. */
  static boolean aborted(IExpr result) {
    return result == org.matheclipse.core.expression.S.$Aborted;
  }
}
