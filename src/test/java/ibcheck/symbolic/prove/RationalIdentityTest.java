package ibcheck.symbolic.prove;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matheclipse.core.eval.ExprEvaluator;

/** A rational expression is proved 0 by its values on a degree-sized grid, and nothing else is. */
class RationalIdentityTest {
  private static final ExprEvaluator PARSER = new ExprEvaluator(false, (short) 1);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "(x + 1)^2 - x^2 - 2*x - 1",
      "x/(x - 1) - 1 - 1/(x - 1)",
      // the first grid puts x on the pole 1/2: it is shifted, not taken as evidence
      "1/(2*x - 1) - (x + 1)/((2*x - 1)*(x + 1))",
      "(a^2 + b^2)*(c^2 + d^2) - (a*c - b*d)^2 - (a*d + b*c)^2",
  })
  void identitiesAreProved(String e) {
    assertTrue(RationalIdentity.vanishes(PARSER.parse(e)), e);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "(x + y)^2 - x^2 - y^2",
      "x^2 - x^2 + 1/10^30",
      "x^40 - x^40 + x^39*(x - 1)",
      // not rational: radicals, constants and functions are outside the method
      "Sqrt(x)^2 - x",
      "Pi*x - Pi*x",
      "Exp(x) - Exp(x)",
  })
  void nothingElseIs(String e) {
    assertFalse(RationalIdentity.vanishes(PARSER.parse(e)), e);
  }
}
