package ibcheck.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A Symja expression compiled once into a tree of double operations, for the numeric legs that
 * evaluate one formula ten thousand times (a potential's gradient inside a solver). Variables are
 * read from a {@code double[]} by position. Only elementary functions compile (Plus, Times, Power,
 * Exp, Log, Sqrt, the trigonometric and hyperbolic functions and their inverses, Abs, Sign, Min, Max,
 * UnitStep (1 at 0, as in Symja) and Ramp);
 * constant subexpressions (Pi, Sqrt(2), 1/3) are folded to doubles at compile time. Anything else,
 * in particular a function the theorem file left undefined, is an {@link InvalidExpressionException}
 * naming it.
 *
 * <p>Must be compiled on the thread that owns the Symja session (constant folding uses its engine);
 * the compiled tree is plain Java and thread-safe.
 *
 * <p>One class over 300 lines on purpose: the compiler and the node types it emits are one closed
 * set (each node's evaluation mirrors one Symja head); split apart, every new head would touch two files.
 */
public final class CompiledExpression {

  /**
   * One node of the compiled tree: its value, and its value with the derivative along one variable
   * (forward-mode automatic differentiation: the chain rule applied node by node, exact up to
   * rounding).
   */
  private abstract static class Node {
    abstract double at(double[] v);

    /** {value, d value / d v[slot]}. */
    abstract double[] dual(double[] v, int slot);
  }

  /** A function of one argument with its derivative. */
  private interface Fn {
    double f(double x);
  }

  private static Node unaryNode(Node a, Fn f, Fn df) {
    return new Node() {
      @Override
      double at(double[] v) {
        return f.f(a.at(v));
      }

      @Override
      double[] dual(double[] v, int slot) {
        double[] x = a.dual(v, slot);
        return new double[] {f.f(x[0]), x[1] == 0 ? 0 : df.f(x[0]) * x[1]};
      }
    };
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

  /**
   * The partial derivatives along the variables {@code 0 .. count - 1} at {@code vars}, by forward-mode
   * automatic differentiation on the compiled tree (one pass per variable; exact up to rounding, no
   * symbolic derivative needed).
   */
  public double[] gradient(double[] vars, int count) {
    double[] g = new double[count];
    for (int i = 0; i < count; i++) {
      g[i] = root.dual(vars, i)[1];
    }
    return g;
  }

  @Override
  public String toString() {
    return source;
  }

  private static Node constant(double c) {
    return new Node() {
      @Override
      double at(double[] v) {
        return c;
      }

      @Override
      double[] dual(double[] v, int slot) {
        return new double[] {c, 0};
      }
    };
  }

  private static final class Compiler {
    private final List<String> variables;

    Compiler(List<String> variables) {
      this.variables = variables;
    }

    /** e as a node: one case per Symja head the compiler knows, hence its length. */
    Node node(IExpr e) throws InvalidExpressionException {
      if (e instanceof ISymbol s) {
        int slot = variables.indexOf(s.toString().toLowerCase(Locale.ROOT));
        if (slot >= 0) {
          return new Node() {
            @Override
            double at(double[] v) {
              return v[slot];
            }

            @Override
            double[] dual(double[] v, int s) {
              return new double[] {v[slot], s == slot ? 1 : 0};
            }
          };
        }
      }
      if (isConstant(e)) {
        double c;
        try {
          c = e.evalf();
        } catch (RuntimeException ex) {
          throw new InvalidExpressionException("cannot evaluate constant '" + e + "' numerically");
        }
        return constant(c);
      }
      if (!(e instanceof IAST ast)) {
        throw new InvalidExpressionException("'" + e + "' is undefined here (the numeric leg knows only "
            + String.join(", ", variables) + ")");
      }
      String head = ast.head().toString().toLowerCase(Locale.ROOT);
      switch (head) {
        case "plus":
          return sum(ast);
        case "times":
          return product(ast);
        case "power":
          return power(ast);
        case "min":
          return extremum(ast, true);
        case "max":
          return extremum(ast, false);
        case "log":
          if (ast.argSize() == 2) { // Log(b, x) = Log(x) / Log(b)
            Node b = node(ast.arg1());
            Node x = node(ast.arg2());
            return new Node() {
              @Override
              double at(double[] v) {
                return Math.log(x.at(v)) / Math.log(b.at(v));
              }

              @Override
              double[] dual(double[] v, int slot) {
                double[] bd = b.dual(v, slot);
                double[] xd = x.dual(v, slot);
                double lb = Math.log(bd[0]);
                double lx = Math.log(xd[0]);
                return new double[] {lx / lb, (xd[1] / xd[0] * lb - lx * bd[1] / bd[0]) / (lb * lb)};
              }
            };
          }
          return unary(ast, Math::log, x -> 1 / x);
        case "exp":
          return unary(ast, Math::exp, Math::exp);
        case "sqrt":
          return unary(ast, Math::sqrt, x -> 0.5 / Math.sqrt(x));
        case "abs":
          return unary(ast, Math::abs, Math::signum);
        case "sign":
          return unary(ast, Math::signum, x -> 0);
        case "unitstep": // Symja's UnitStep: 1 for x >= 0, else 0; derivative 0 off the jump
          return unary(ast, x -> x >= 0 ? 1 : (x < 0 ? 0 : Double.NaN), x -> 0);
        case "ramp": // max(x, 0), the ReLU
          return unary(ast, x -> x > 0 ? x : (x <= 0 ? 0 : Double.NaN), x -> x > 0 ? 1 : 0);
        case "sin":
          return unary(ast, Math::sin, Math::cos);
        case "cos":
          return unary(ast, Math::cos, x -> -Math.sin(x));
        case "tan":
          return unary(ast, Math::tan, x -> 1 / (Math.cos(x) * Math.cos(x)));
        case "arctan":
          return unary(ast, Math::atan, x -> 1 / (1 + x * x));
        case "arcsin":
          return unary(ast, Math::asin, x -> 1 / Math.sqrt(1 - x * x));
        case "arccos":
          return unary(ast, Math::acos, x -> -1 / Math.sqrt(1 - x * x));
        case "sinh":
          return unary(ast, Math::sinh, Math::cosh);
        case "cosh":
          return unary(ast, Math::cosh, Math::sinh);
        case "tanh":
          return unary(ast, Math::tanh, x -> 1 / (Math.cosh(x) * Math.cosh(x)));
        case "sech":
          return unary(ast, x -> 1 / Math.cosh(x), x -> -Math.tanh(x) / Math.cosh(x));
        case "arcsinh":
          // cancellation-free for both signs: asinh(-x) = -asinh(x)
          return unary(ast, x -> Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x),
              x -> 1 / Math.sqrt(x * x + 1));
        case "arccosh":
          return unary(ast, x -> Math.log(x + Math.sqrt(x * x - 1)), x -> 1 / Math.sqrt(x * x - 1));
        case "arctanh":
          return unary(ast, x -> 0.5 * Math.log((1 + x) / (1 - x)), x -> 1 / (1 - x * x));
        default:
          throw new InvalidExpressionException("cannot compile '" + ast.head() + "' (in " + shorten(e)
              + ") to a double function; define it in elementary functions");
      }
    }

    private Node unary(IAST ast, Fn f, Fn df) throws InvalidExpressionException {
      if (ast.argSize() != 1) {
        throw new InvalidExpressionException("'" + ast.head() + "' with " + ast.argSize() + " arguments in " + shorten(ast));
      }
      return unaryNode(node(ast.arg1()), f, df);
    }

    private Node[] parts(IAST ast) throws InvalidExpressionException {
      Node[] parts = new Node[ast.argSize()];
      for (int i = 1; i <= ast.argSize(); i++) {
        parts[i - 1] = node(ast.get(i));
      }
      return parts;
    }

    private Node sum(IAST ast) throws InvalidExpressionException {
      Node[] parts = parts(ast);
      return new Node() {
        @Override
        double at(double[] v) {
          double acc = parts[0].at(v);
          for (int i = 1; i < parts.length; i++) {
            acc += parts[i].at(v);
          }
          return acc;
        }

        @Override
        double[] dual(double[] v, int slot) {
          double[] acc = parts[0].dual(v, slot);
          for (int i = 1; i < parts.length; i++) {
            double[] p = parts[i].dual(v, slot);
            acc[0] += p[0];
            acc[1] += p[1];
          }
          return acc;
        }
      };
    }

    private Node product(IAST ast) throws InvalidExpressionException {
      Node[] parts = parts(ast);
      return new Node() {
        @Override
        double at(double[] v) {
          double acc = parts[0].at(v);
          for (int i = 1; i < parts.length; i++) {
            acc *= parts[i].at(v);
          }
          return acc;
        }

        @Override
        double[] dual(double[] v, int slot) {
          double[] acc = parts[0].dual(v, slot);
          for (int i = 1; i < parts.length; i++) {
            double[] p = parts[i].dual(v, slot);
            acc = new double[] {acc[0] * p[0], acc[1] * p[0] + acc[0] * p[1]};
          }
          return acc;
        }
      };
    }

    /** Min (or Max) of the arguments; the derivative is the chosen argument's. */
    private Node extremum(IAST ast, boolean min) throws InvalidExpressionException {
      Node[] parts = parts(ast);
      return new Node() {
        @Override
        double at(double[] v) {
          double acc = parts[0].at(v);
          for (int i = 1; i < parts.length; i++) {
            acc = min ? Math.min(acc, parts[i].at(v)) : Math.max(acc, parts[i].at(v));
          }
          return acc;
        }

        @Override
        double[] dual(double[] v, int slot) {
          double[] acc = parts[0].dual(v, slot);
          for (int i = 1; i < parts.length; i++) {
            double[] p = parts[i].dual(v, slot);
            if (min ? p[0] < acc[0] : p[0] > acc[0]) {
              acc = p;
            }
          }
          return acc;
        }
      };
    }

    private Node power(IAST ast) throws InvalidExpressionException {
      IExpr base = ast.arg1();
      IExpr exponent = ast.arg2();
      if (base.toString().equals("E")) {
        return unaryNode(node(exponent), Math::exp, Math::exp);
      }
      Node b = node(base);
      if (exponent.isInteger()) {
        int k = exponent.toIntDefault(Integer.MIN_VALUE);
        if (k != Integer.MIN_VALUE && Math.abs(k) <= 64) {
          // by multiplication: exact signs for negative bases and cheaper than Math.pow
          return unaryNode(b, x -> integerPower(x, k), x -> k * integerPower(x, k - 1));
        }
      }
      String ex = exponent.toString();
      if (ex.equals("1/2")) {
        return unaryNode(b, Math::sqrt, x -> 0.5 / Math.sqrt(x));
      }
      if (ex.equals("-1/2")) {
        return unaryNode(b, x -> 1 / Math.sqrt(x), x -> -0.5 / (x * Math.sqrt(x)));
      }
      Node p = node(exponent);
      return new Node() {
        @Override
        double at(double[] v) {
          return Math.pow(b.at(v), p.at(v));
        }

        @Override
        double[] dual(double[] v, int slot) {
          double[] x = b.dual(v, slot);
          double[] y = p.dual(v, slot);
          double value = Math.pow(x[0], y[0]);
          double d = x[1] == 0 ? 0 : y[0] * Math.pow(x[0], y[0] - 1) * x[1];
          if (y[1] != 0) {
            d += value * Math.log(x[0]) * y[1];
          }
          return new double[] {value, d};
        }
      };
    }

    private static double integerPower(double x, int k) {
      int n = Math.abs(k);
      double r = 1;
      for (int j = 0; j < n; j++) {
        r *= x;
      }
      return k < 0 ? 1 / r : r;
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
