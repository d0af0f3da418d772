package ibcheck.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The adaptive quadrature on the integrands the zeta check meets: smooth tails, jumps, narrow supports. */
class QuadratureTest {
  private final Quadrature q = new Quadrature(1e-300, 1e-12);

  @Test
  void aGaussianOverTheLine() {
    Quadrature.Result r = q.realLine(x -> Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI));
    assertEquals(1, r.value(), 1e-13);
    assertTrue(r.converged());
  }

  @Test
  void aStepIsLocalisedByBisection() {
    assertEquals(0.3, q.finite(x -> x < 0.3 ? 1.0 : 0.0, 0, 1).value(), 1e-13);
  }

  @Test
  void aNarrowSupportOnTheHalfLineIsFound() {
    // |w|^3 on [0, 0.005]: the uniform density's support [0, ab/|x|] at large |x|
    double exact = Math.pow(0.005, 4) / 4;
    assertEquals(exact, q.toInfinity(w -> w < 0.005 ? w * w * w : 0.0, 0).value(), 1e-12 * exact);
  }

  @Test
  void breaksSplitTheLineWhereTheIntegrandJumps() {
    Quadrature.Result r = q.realLine(x -> Math.abs(x) <= 0.1 ? 5.0 : 0.0, new double[] {-0.1, 0.1});
    assertEquals(1, r.value(), 1e-14);
  }

  @Test
  void theGaussianZetaMomentClosedForm() {
    // int_0^inf w^3 exp(-c w^2) dw = 1/(2 c^2)
    double c = 1.7;
    assertEquals(1 / (2 * c * c), q.toInfinity(w -> w * w * w * Math.exp(-c * w * w), 0).value(), 1e-14);
  }
}
