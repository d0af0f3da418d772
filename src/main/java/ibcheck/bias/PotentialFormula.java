package ibcheck.bias;

import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.SymjaSession;
import ibcheck.symbolic.TheoremSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A theorem file's separable potential, compiled once from its Symja text into double functions of
 * the coordinate and the named settings (alpha, shape, ...). Two ways to write it:
 *
 * <ul>
 *   <li>{@code potential}: q(b) itself, e.g. {@code Qa(b, alpha)}; q' and q'' come from Symja's
 *       {@code D}.
 *   <li>{@code link}: the map z -> beta_i with z = (X^T nu)_i, i.e. the inverse of q', e.g.
 *       {@code alpha^3*h3(z)} on (-1, 1) for depth 3 where q' has no closed form; then q'(b) is
 *       found by a bracketing Brent solve of link(z) = b on the stated interval and
 *       {@code q''(b) = 1 / link'(q'(b))}, link' again from {@code D}.
 * </ul>
 *
 * Everything the prediction knows about the theorem comes from this text: change the file's formula
 * and the prediction changes.
 */
public final class PotentialFormula {

  /** Which of the two forms the file used. */
  public enum Form { POTENTIAL, LINK }

  private final Form form;
  private final List<String> settings;
  private final CompiledExpression first;   // q' or link
  private final CompiledExpression second;  // q'' or link'
  private final double low;
  private final double high;

  private PotentialFormula(Form form, List<String> settings, CompiledExpression first,
      CompiledExpression second, double low, double high) {
    this.form = form;
    this.settings = settings;
    this.first = first;
    this.second = second;
    this.low = low;
    this.high = high;
  }

  /**
   * Parses, sandboxes, expands, differentiates and compiles the formula. Must run on the session's
   * thread.
   *
   * @param text the formula as written in the file
   * @param coordinate the name of the per-coordinate variable in it
   * @param settings setting names the formula may use, in the order {@link #bind} receives values
   * @param low lower end of the link's domain (-infinity for the potential form)
   * @param high upper end of the link's domain
   */
  public static PotentialFormula compile(TheoremSession session, Form form, String text, String coordinate,
      List<String> settings, double low, double high) throws InvalidExpressionException {
    List<String> variables = new ArrayList<>();
    variables.add(coordinate);
    variables.addAll(settings);
    IExpr expanded = FileFormula.load(session, text, variables);
    SymjaSession s = session.session();
    IExpr var = s.parse(coordinate);
    IExpr d1 = s.eval(F.D(expanded, var));
    if (form == Form.POTENTIAL) {
      IExpr d2 = s.eval(F.D(d1, var));
      return new PotentialFormula(form, settings, CompiledExpression.compile(d1, variables),
          CompiledExpression.compile(d2, variables), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }
    return new PotentialFormula(form, settings, CompiledExpression.compile(expanded, variables),
        CompiledExpression.compile(d1, variables), low, high);
  }

  public Form form() {
    return form;
  }

  /** The potential at fixed settings (every name given at compile time must have a value). */
  public SeparablePotential bind(Map<String, Double> values) {
    double[] vars = new double[settings.size() + 1];
    for (int i = 0; i < settings.size(); i++) {
      Double v = values.get(settings.get(i));
      if (v == null) {
        throw new IllegalArgumentException("no value for setting '" + settings.get(i) + "'");
      }
      vars[i + 1] = v;
    }
    return form == Form.POTENTIAL ? new Direct(vars) : new Inverted(vars);
  }

  private final class Direct implements SeparablePotential {
    private final double[] vars;

    Direct(double[] vars) {
      this.vars = vars;
    }

    @Override
    public double gradient(double b) {
      return at(first, vars, b);
    }

    @Override
    public double curvature(double b) {
      return at(second, vars, b);
    }
  }

  /** A compiled formula at coordinate value {@code x} (slot 0) and the bound settings. */
  private static double at(CompiledExpression f, double[] vars, double x) {
    double[] v = vars.clone();
    v[0] = x;
    return f.value(v);
  }

  private final class Inverted implements SeparablePotential {
    private final double[] vars;
    private final BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-15, 1e-15, 0, 5);

    Inverted(double[] vars) {
      this.vars = vars;
    }

    private double link(double z) {
      return at(first, vars, z);
    }

    @Override
    public double gradient(double b) {
      double lo;
      double hi;
      if (Double.isInfinite(low) || Double.isInfinite(high)) {
        // expand a bracket around 0 until link(z) - b changes sign
        lo = Math.max(-1, low);
        hi = Math.min(1, high);
        for (int i = 0; i < 60 && !(link(lo) <= b && link(hi) >= b); i++) {
          lo = Double.isInfinite(low) ? 2 * lo : lo;
          hi = Double.isInfinite(high) ? 2 * hi : hi;
        }
      } else {
        double margin = 1e-13 * (high - low); // the link may blow up at the ends of its domain
        lo = low + margin;
        hi = high - margin;
      }
      try {
        return solver.solve(400, z -> link(z) - b, lo, hi);
      } catch (MathRuntimeException e) {
        throw new IllegalStateException("cannot invert the link at beta = " + b + " on [" + lo + ", " + hi
            + "] (is it increasing there?): " + e.getMessage());
      }
    }

    @Override
    public double curvature(double b) {
      double[] v = vars.clone();
      v[0] = gradient(b);
      return 1 / second.value(v);
    }
  }
}
