package ibcheck.symbolic.prove;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.spec.Domain;
import ibcheck.symbolic.claim.Claim;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.eval.ExprEvaluator;

/** The enclosures are sound: they contain every value, and 0 is excluded only when it must be. */
class IntervalTest {
  private final ExprEvaluator symja = new ExprEvaluator();
  private final SignReasoning signs = new SignReasoning(Map.of("x", Domain.parse("positive"), "y", Domain.parse("real"),
      "u", Domain.parse("nonnegative"), "n", Domain.parse("positive integer"),
      "b", Domain.parse("positive integer in [1, 6], at most n"), "Y", Domain.parse("positive")), symja::eval);

  private Interval of(String e) {
    return signs.bounds(symja.eval(e));
  }

  @Test
  void reciprocalsOfNonNegativeQuantitiesArePositiveWhereDefined() {
    assertTrue(of("1/u").positive());
    assertTrue(of("1/Sqrt(4 + y^2)").positive());
    assertTrue(of("Exp(-y^2)").positive());
  }

  @Test
  void evenPowersAreNonNegativeButNotPositiveOddOnesNeither() {
    assertTrue(of("(1 - x*y)^2").nonnegative());
    assertFalse(of("(1 - x*y)^2").positive());
    assertFalse(of("(1 - x*y)^3").nonnegative());
    assertFalse(of("(1 - x*y)^3").nonpositive());
  }

  @Test
  void aNonPositiveQuantityKeepsItsSignThroughPowersAndReciprocals() {
    SignReasoning cell = signs.narrowed(symja.eval("y"), new Interval(Double.NEGATIVE_INFINITY, 0, false));
    assertTrue(cell.bounds(symja.eval("x/y")).nonpositive());
    assertTrue(cell.bounds(symja.eval("y^3")).nonpositive());
    assertTrue(cell.bounds(symja.eval("u*y")).nonpositive());
  }

  @Test
  void sumsOfMixedSignsAndUnknownFunctionsDecideNothing() {
    assertNull(SignReasoning.decide(of("x - u"), Claim.Op.GREATER_EQUAL));
    assertNull(SignReasoning.decide(of("Gamma(y)"), Claim.Op.GREATER));
    assertNull(SignReasoning.decide(of("Sin(y)"), Claim.Op.GREATER_EQUAL));
  }

  @Test
  void aBoundBetweenSymbolsIsUsedOnlyThroughTheirDifference() {
    assertTrue(of("n - b").nonnegative());
    assertFalse(of("b - n").positive());
    assertTrue(of("b - n").nonpositive());
  }

  @Test
  void symbolsDifferingOnlyInCaseKeepTheirOwnAssumptions() {
    assertFalse(of("y").nonnegative());
    assertTrue(of("Y").positive());
  }

  @Test
  void exactConstantsAreEnclosedTightly() {
    assertTrue(of("Sqrt(2) - 141421/100000").positive());
    assertTrue(of("Sin(1/3) - 1/3").negative());
    assertTrue(of("E^(-20)").positive());
  }

  @Test
  void theDomainSyntaxCarriesTheBound() {
    assertTrue(Domain.parse("positive integer in [1, 6], at most n").assumption("B").endsWith("B <= n"));
    assertThrows(IllegalArgumentException.class, () -> Domain.parse("positive integer in [1, 6], at most"));
  }
}
