package ibcheck.bias;

import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.Sandbox;
import ibcheck.symbolic.TheoremSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A theorem file's potential {@code Q(b)} in a vector variable, not necessarily separable (e.g.
 * {@code q(Norm(b), dl) + Dot(z(b0, dl), b)} for the fully connected network), compiled into a double
 * function of b with its exact gradient.
 *
 * <p>The formula may use the file's symbols and definitions, the vector variable, named vectors of
 * the same dimension (such as {@code b0} = beta(0)) and named scalars (such as {@code dl}, or a
 * setting such as {@code alpha}), whose values are known when it is compiled. Before Symja evaluates
 * the formula, the vector variable is replaced by the list of its d component symbols and every
 * other name by its value, so definitions written with {@code Norm}, {@code Dot}, {@code Outer} or
 * {@code Length} see a concrete d-vector. The components are real, so {@code Abs(x)^2} (which
 * {@code Norm} produces) is rewritten {@code x^2}. The result is compiled once
 * ({@link CompiledExpression}); the gradient is the compiled tree's forward-mode derivative, exact up
 * to rounding. Symja's own {@code D} would give the same numbers at ten times the cost: the symbolic
 * expansion of {@code Dot} over radicals is what is slow, so values go in before evaluation.
 * Everything the prediction knows comes from this text: change the file's formula and the prediction
 * changes.
 */
public final class VectorPotentialFormula implements Potential {
  private final int dimension;
  private final CompiledExpression value;
  private final String text;

  private VectorPotentialFormula(int dimension, CompiledExpression value, String text) {
    this.dimension = dimension;
    this.value = value;
    this.text = text;
  }

  /**
   * Parses, sandboxes, substitutes, evaluates and compiles the formula. Must run on the session's
   * thread.
   *
   * @param text the formula as written in the file
   * @param variable the name of the vector variable
   * @param dimension d
   * @param vectors further d-vectors the formula may use, by name, e.g. {@code b0}
   * @param scalars numbers the formula may use, by name, e.g. {@code dl}, {@code alpha}
   */
  public static VectorPotentialFormula compile(TheoremSession session, String text, String variable, int dimension,
      Map<String, double[]> vectors, Map<String, Double> scalars) throws InvalidExpressionException {
    var s = session.session();
    List<String> names = new ArrayList<>();
    names.add(variable);
    names.addAll(vectors.keySet());
    names.addAll(scalars.keySet());
    for (String name : names) {
      // Symja's parser ignores case: 'depth' would read as the built-in Depth, 'beta' as Beta
      if (s.builtIn(name) != null && Pattern.compile("(?i)\\b" + Pattern.quote(name) + "\\b").matcher(text).find()) {
        throw new InvalidExpressionException("'" + name + "' is Symja's built-in " + s.builtIn(name)
            + " (Symja ignores case), so the formula cannot use it as a variable; rename it");
      }
    }
    IExpr parsed = s.parse(text);
    Set<String> known = new HashSet<>(session.known());
    known.addAll(names);
    Sandbox.check(parsed, known);
    Map<IExpr, IExpr> substitute = new HashMap<>();
    List<String> slots = new ArrayList<>();
    IExpr[] components = new IExpr[dimension];
    for (int i = 0; i < dimension; i++) {
      String c = "ibcvec" + (i + 1);
      components[i] = F.symbol(c);
      slots.add(c);
    }
    substitute.put(s.parse(variable), F.List(components));
    for (Map.Entry<String, double[]> e : vectors.entrySet()) {
      if (e.getValue().length != dimension) {
        throw new IllegalArgumentException("'" + e.getKey() + "' has " + e.getValue().length + " entries, not " + dimension);
      }
      substitute.put(s.parse(e.getKey()), F.List(e.getValue()));
    }
    for (Map.Entry<String, Double> e : scalars.entrySet()) {
      substitute.put(s.parse(e.getKey()), F.num(e.getValue()));
    }
    IExpr replaced = parsed.replaceAll(substitute);
    IExpr q = s.eval(replaced.isPresent() ? replaced : parsed);
    IExpr rule = F.RuleDelayed(F.Power(F.Abs(F.x_), F.C2), F.Sqr(F.x));
    IExpr real = s.eval(F.ReplaceRepeated(q, rule));
    if (real.isPresent()) {
      q = real;
    }
    s.drainMessages();
    if (q.isList()) {
      throw new InvalidExpressionException("the potential '" + text + "' must be a number, got a list: " + shorten(q));
    }
    return new VectorPotentialFormula(dimension, CompiledExpression.compile(q, slots), text);
  }

  private static String shorten(IExpr e) {
    String t = e.toString();
    return t.length() > 120 ? t.substring(0, 120) + "..." : t;
  }

  public int dimension() {
    return dimension;
  }

  @Override
  public String toString() {
    return text;
  }

  /** Q(beta). */
  public double value(double[] beta) {
    return value.value(beta);
  }

  @Override
  public double[] gradient(double[] beta) {
    return value.gradient(beta, dimension);
  }
}
