package ibcheck.models.declarative;

import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.Sandbox;
import ibcheck.symbolic.SymjaSession;
import java.util.List;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A declared model's per-sample loss {@code l(f, y)} and its slope {@code dl/df} (Symja's {@code D}),
 * compiled to doubles. The training loss is {@code L = sum_n l(f_n, y_n)}, so
 * {@code grad_beta L = sum_n l'(f_n, y_n) x_n}.
 *
 * <p>The flow kinds stop at an interpolating minimum (the stopping rule asks {@code L} near 0 and
 * the Polyak-Lojasiewicz path bound {@code 2 L / ||grad L||}), so a loss must vanish and be
 * stationary at {@code f = y} with positive curvature {@code d^2 l / df^2} there (a non-degenerate
 * minimum, where the PL bound holds), and must keep its digits near it: the stopping rule reads L
 * down to {@code 1e-12 ||y||^2}, so at {@code f - y = h = 1e-9} the compiled loss must match its
 * quadratic part {@code l'' h^2 / 2} to 0.1% ({@code Sqrt(1 + r^2) - 1} rounds to 0 there; the
 * same function written {@code r^2/(1 + Sqrt(1 + r^2))} does not). All this is checked at read time
 * on a few labels, and a negative loss met during a flow makes it fail (see
 * {@link DeclarativeModel#loss}). A classification loss such as
 * {@code Log(1 + Exp(-y f))} has no interpolating minimum and is refused: its bias is the max-margin
 * direction ({@code kind: max-margin}).
 */
final class SampleLoss {
  /** Symja's D of a stranger's formula gets this long. */
  private static final double DERIVATIVE_SECONDS = 10;
  /** Labels at which the loss must vanish with its slope. */
  private static final double[] LABELS = {-2, -0.5, 0, 0.7, 3};
  private static final double ZERO = 1e-12;
  /** The offset f - y at which the loss must still be accurate, and the accuracy asked. */
  private static final double NEAR = 1e-9;
  private static final double ACCURACY = 1e-3;

  private final CompiledExpression value;
  private final CompiledExpression slope;
  private final CompiledExpression curvature;

  private SampleLoss(CompiledExpression value, CompiledExpression slope, CompiledExpression curvature) {
    this.value = value;
    this.slope = slope;
    this.curvature = curvature;
  }

  /**
   * Compiles {@code text}, a formula in f and y only.
   *
   * @throws InvalidExpressionException naming the loss and why it cannot be used
   */
  static SampleLoss compile(SymjaSession s, String text) throws InvalidExpressionException {
    try {
      IExpr parsed = s.parse(text);
      Sandbox.check(parsed, Set.of("f", "y"));
      IExpr loss = s.eval(parsed);
      IExpr derivative = derivative(s, loss);
      List<String> layout = List.of("f", "y");
      SampleLoss l = new SampleLoss(CompiledExpression.compile(loss, layout), CompiledExpression.compile(derivative, layout),
          CompiledExpression.compile(derivative(s, derivative), layout));
      l.requireInterpolatingMinimum();
      return l;
    } catch (InvalidExpressionException e) {
      throw new InvalidExpressionException("loss '" + text + "': " + e.getMessage());
    }
  }

  private static IExpr derivative(SymjaSession s, IExpr expr) throws InvalidExpressionException {
    IExpr derivative = s.evalWithin(F.D(expr, s.parse("f")), DERIVATIVE_SECONDS);
    if (derivative == S.$Aborted) {
      throw new InvalidExpressionException("Symja's D(..., f) did not finish in " + DERIVATIVE_SECONDS + " s");
    }
    return derivative;
  }

  private void requireInterpolatingMinimum() throws InvalidExpressionException {
    for (double y : LABELS) {
      double l = value(y, y);
      double dl = slope(y, y);
      double c = curvature.value(new double[] {y, y});
      if (!(Math.abs(l) <= ZERO && Math.abs(dl) <= ZERO && c > 0 && c < Double.POSITIVE_INFINITY)) {
        throw new InvalidExpressionException("at f = y = " + y + " it is " + l + " with slope " + dl + " and curvature "
            + c + "; the gradient-flow kinds stop at an interpolating minimum, so l(y, y) = 0, dl/df(y, y) = 0 and"
            + " d^2l/df^2(y, y) > 0 are required (a classification loss belongs in kind: max-margin)");
      }
      double near = value(y + NEAR, y);
      double quadratic = c * NEAR * NEAR / 2;
      if (!(Math.abs(near - quadratic) <= ACCURACY * quadratic)) {
        throw new InvalidExpressionException("it loses its digits near f = y: at f - y = " + NEAR + " (y = " + y
            + ") it is " + near + " but its curvature gives " + quadratic + "; the stopping rule reads the loss down"
            + " to 1e-12 ||y||^2, so write it without cancellation (e.g. r^2/(1 + Sqrt(1 + r^2)) for"
            + " Sqrt(1 + r^2) - 1)");
      }
    }
  }

  double value(double f, double y) {
    return value.value(new double[] {f, y});
  }

  double slope(double f, double y) {
    return slope.value(new double[] {f, y});
  }
}
