package ibcheck.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A Symja expression compiled once into a tree of double operations, for the numeric legs that
 * evaluate one formula ten thousand times (a potential's gradient inside a solver). Variables are
 * read from a {@code double[]} by position. Only elementary functions compile (Plus, Times, Power,
 * Exp, Log, Sqrt, the trigonometric and hyperbolic functions and their inverses, Abs, Sign, Min, Max);
 * constant subexpressions (Pi, Sqrt(2), 1/3) are folded to doubles at compile time. Anything else,
 * in particular a function the theorem file left undefined, is an {@link InvalidExpressionException}
 * naming it.
 *
 * <p>Must be compiled on the thread that owns the Symja session (constant folding uses its engine);
 * the compiled tree is plain Java and thread-safe.
 */
public final class CompiledExpression {

  /** One node of the compiled tree. */
  @FunctionalInterface
  private interface Node {
    double at(double[] v);
  }

  private final Node root;
  private final String source;

  private CompiledExpression(Node root, String source) {
    this.root = root;
    this.source = source;
  }

  /**
   * Compiles an evaluated expression.
   *
   * @param expr the expression (already evaluated: user definitions expanded)
   * @param variables names of the variables, in the order {@link #value} receives them
   */
  public static CompiledExpression compile(IExpr expr, List<String> variables) throws InvalidExpressionException {
    List<String> lower = new ArrayList<>();
    variables.forEach(v -> lower.add(v.toLowerCase(Locale.ROOT)));
    return new CompiledExpression(new Compiler(lower).node(expr), expr.toString());
  }

  /** The value at the given variable values (same order as at compile time). */
  public double value(double... vars) {
    return root.at(vars);
  }

  @Override
  public String toString() {
    return source;
  }

  private static final class Compiler {
    private final List<String> variables;

    Compiler(List<String> variables) {
      this.variables = variables;
    }

    Node node(IExpr e) throws InvalidExpressionException {
      if (e instanceof ISymbol s) {
        int slot = variables.indexOf(s.toString().toLowerCase(Locale.ROOT));
        if (slot >= 0) {
          return v -> v[slot];
        }
      }
      if (isConstant(e)) {
        double c;
        try {
          c = e.evalf();
        } catch (RuntimeException ex) {
          throw new InvalidExpressionException("cannot evaluate constant '" + e + "' numerically");
        }
        return v -> c;
      }
      if (!(e instanceof IAST ast)) {
        throw new InvalidExpressionException("'" + e + "' is undefined here (the numeric leg knows only "
            + String.join(", ", variables) + ")");
      }
      String head = ast.head().toString().toLowerCase(Locale.ROOT);
      switch (head) {
        case "plus":
          return fold(ast, Double::sum);
        case "times":
          return fold(ast, (a, b) -> a * b);
        case "power":
          return power(ast);
        case "min":
          return fold(ast, Math::min);
        case "max":
          return fold(ast, Math::max);
        case "log":
          if (ast.argSize() == 2) { // Log(b, x)
            Node b = node(ast.arg1());
            Node x = node(ast.arg2());
            return v -> Math.log(x.at(v)) / Math.log(b.at(v));
          }
          return unary(ast, Math::log);
        case "exp":
          return unary(ast, Math::exp);
        case "sqrt":
          return unary(ast, Math::sqrt);
        case "abs":
          return unary(ast, Math::abs);
        case "sign":
          return unary(ast, Math::signum);
        case "sin":
          return unary(ast, Math::sin);
        case "cos":
          return unary(ast, Math::cos);
        case "tan":
          return unary(ast, Math::tan);
        case "arctan":
          return unary(ast, Math::atan);
        case "arcsin":
          return unary(ast, Math::asin);
        case "arccos":
          return unary(ast, Math::acos);
        case "sinh":
          return unary(ast, Math::sinh);
        case "cosh":
          return unary(ast, Math::cosh);
        case "tanh":
          return unary(ast, Math::tanh);
        case "sech":
          return unary(ast, x -> 1 / Math.cosh(x));
        case "arcsinh":
          // cancellation-free for both signs: asinh(-x) = -asinh(x)
          return unary(ast, x -> Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x));
        case "arccosh":
          return unary(ast, x -> Math.log(x + Math.sqrt(x * x - 1)));
        case "arctanh":
          return unary(ast, x -> 0.5 * Math.log((1 + x) / (1 - x)));
        default:
          throw new InvalidExpressionException("cannot compile '" + ast.head() + "' (in " + shorten(e)
              + ") to a double function; define it in elementary functions");
      }
    }

    private Node unary(IAST ast, DoubleUnaryOperator f) throws InvalidExpressionException {
      if (ast.argSize() != 1) {
        throw new InvalidExpressionException("'" + ast.head() + "' with " + ast.argSize() + " arguments in " + shorten(ast));
      }
      Node a = node(ast.arg1());
      return v -> f.applyAsDouble(a.at(v));
    }

    private Node fold(IAST ast, DoubleBinaryOperator op) throws InvalidExpressionException {
      Node[] parts = new Node[ast.argSize()];
      for (int i = 1; i <= ast.argSize(); i++) {
        parts[i - 1] = node(ast.get(i));
      }
      return v -> {
        double acc = parts[0].at(v);
        for (int i = 1; i < parts.length; i++) {
          acc = op.applyAsDouble(acc, parts[i].at(v));
        }
        return acc;
      };
    }

    private Node power(IAST ast) throws InvalidExpressionException {
      IExpr base = ast.arg1();
      IExpr exponent = ast.arg2();
      if (base.toString().equals("E")) {
        Node x = node(exponent);
        return v -> Math.exp(x.at(v));
      }
      Node b = node(base);
      if (exponent.isInteger()) {
        int k = exponent.toIntDefault(Integer.MIN_VALUE);
        if (k != Integer.MIN_VALUE && Math.abs(k) <= 64) {
          // by multiplication: exact signs for negative bases and cheaper than Math.pow
          int n = Math.abs(k);
          return v -> {
            double x = b.at(v);
            double r = 1;
            for (int j = 0; j < n; j++) {
              r *= x;
            }
            return k < 0 ? 1 / r : r;
          };
        }
      }
      String ex = exponent.toString();
      if (ex.equals("1/2")) {
        return v -> Math.sqrt(b.at(v));
      }
      if (ex.equals("-1/2")) {
        return v -> 1 / Math.sqrt(b.at(v));
      }
      Node p = node(exponent);
      return v -> Math.pow(b.at(v), p.at(v));
    }

    private boolean isConstant(IExpr e) {
      if (e.isNumber()) {
        return true;
      }
      if (e instanceof ISymbol s) {
        String n = s.toString().toLowerCase(Locale.ROOT);
        return n.equals("pi") || n.equals("e") || n.equals("eulergamma") || n.equals("goldenratio");
      }
      if (e instanceof IAST ast) {
        String head = ast.head().toString().toLowerCase(Locale.ROOT);
        if (!head.equals("plus") && !head.equals("times") && !head.equals("power") && !head.equals("sqrt")
            && !head.equals("log") && !head.equals("exp") && !head.equals("rational")) {
          return false;
        }
        for (int i = 1; i <= ast.argSize(); i++) {
          if (!isConstant(ast.get(i))) {
            return false;
          }
        }
        return true;
      }
      return false;
    }

    private static String shorten(IExpr e) {
      String s = e.toString();
      return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
  }
}
