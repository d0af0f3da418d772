package ibcheck.symbolic.prove;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.eval.ExprEvaluator;

/** The elimination closes identities between nested radicals and nothing that is not one. */
class RadicalEliminationTest {
  private final ExprEvaluator symja = new ExprEvaluator();
  private final RadicalElimination elimination = new RadicalElimination(symja::eval);

  private boolean vanishes(String e) {
    return elimination.vanishes(symja.eval(e));
  }

  /** q(x) = (R - d) Sqrt(R + d/2), R = Sqrt(x^2 + d^2/4): q' = (3/2) x / Sqrt(R + d/2), a nested radical. */
  private static final String Q = "(Sqrt(x^2 + d^2/4) - d)*Sqrt(Sqrt(x^2 + d^2/4) + d/2)";

  @Test
  void provesIdentitiesBetweenNestedRadicals() {
    assertTrue(vanishes("D(" + Q + ", x) - 3/2*x/Sqrt(d/2 + Sqrt(x^2 + d^2/4))"));
    assertTrue(vanishes("D(" + Q + ", {x, 2}) - 3/2/(Sqrt(d/2 + Sqrt(x^2 + d^2/4)) + x^2/(d/2 + Sqrt(x^2 + d^2/4))^(3/2))"));
    // entrywise on a vector, a cube root among square roots
    assertTrue(vanishes("{(1 + Sqrt(y))^2 - 1 - 2*Sqrt(y) - y, (y^(1/3))^3*y^(1/2) - y^(3/2)}"));
  }

  @Test
  void provesNothingFalse() {
    assertFalse(vanishes("D(" + Q + ", x) - 5/4*x/Sqrt(d/2 + Sqrt(x^2 + d^2/4))"));
    assertFalse(vanishes("D(" + Q + ", x) - 3/2*x/Sqrt(d + Sqrt(x^2 + d^2/4))"));
    // true only for y >= 0: the relation t^2 = y^2 does not give t = y, and the route uses no signs
    assertFalse(vanishes("Sqrt(y^2) - y"));
  }

  @Test
  void frozenRadicalsThawBackToTheSameExpression() {
    var e = symja.eval("Sqrt(d/2 + Sqrt(x^2 + d^2/4))^3 + 1/Sqrt(x^2 + d^2/4)");
    RadicalElimination.Frozen frozen = RadicalElimination.freeze(e);
    assertTrue(frozen.expr().isFree(x -> x.isPower() && !x.exponent().isInteger(), true), frozen.expr().toString());
    assertTrue(symja.eval(org.matheclipse.core.expression.F.Subtract(frozen.thaw(frozen.expr()), e)).isZero());
  }

  @Test
  void leavesOtherFunctionsAlone() {
    assertFalse(RadicalElimination.applies(symja.eval("Sqrt(1 + Sin(y)^2) - 1")));
    // another function inside: not the route's question
    assertFalse(vanishes("Sqrt(y)*(Exp(y) - Exp(y)^2)"));
  }
}
