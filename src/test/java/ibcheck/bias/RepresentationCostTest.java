package ibcheck.bias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.models.ReluNetwork1D;
import org.junit.jupiter.api.Test;

/** The least representational cost and a network's shape, on hand-worked cases. */
class RepresentationCostTest {
  private static final java.util.function.DoubleBinaryOperator SAVARESE = (tv, ends) -> Math.max(tv, Math.abs(ends));

  @Test
  void handWorkedLeastCosts() {
    assertEquals(1, RepresentationCost.least(RepresentationCost.slopes(new double[] {-1, 0, 1}, new double[] {-1, 0, 1}), SAVARESE), 1e-12);
    assertEquals(2, RepresentationCost.least(RepresentationCost.slopes(new double[] {-1, 0, 1}, new double[] {0, 1, 0}), SAVARESE), 1e-12);
    assertEquals(3, RepresentationCost.least(RepresentationCost.slopes(new double[] {0, 1, 2, 3}, new double[] {0, 1, 3, 6}), SAVARESE), 1e-12);
    RepresentationCost.Slopes s = RepresentationCost.slopes(new double[] {0, 1, 2, 3}, new double[] {0, 1, 3, 6});
    assertEquals(2, s.v(), 1e-15);
    assertEquals(4, s.s(), 1e-15);
  }

  @Test
  void theShapeOfAKnownNetwork() {
    // h = 2 (x - 1)_+ - (1 - x)_+ + 0.5: both kinks at 1, slope 1 to the left, 2 to the right, so the
    // merged jump is 1 (int |h''| = 1) while the units cost 2 + 1 = 3 = |h'(-inf) + h'(+inf)|
    ReluNetwork1D net = ReluNetwork1D.of(new double[] {2, -1}, new double[] {1, -1}, new double[] {-1, 1}, 0.5);
    ReluNetwork1D.Shape sh = net.shape();
    assertArrayEquals(new double[] {1}, sh.kinks(), 1e-15);
    assertEquals(1, sh.totalVariation(), 1e-15);
    assertEquals(3, sh.ends(), 1e-15);
    assertEquals(3, net.pathCost(), 1e-15);
    assertEquals(3, SAVARESE.applyAsDouble(sh.totalVariation(), sh.ends()), 1e-15);
    assertEquals(0.5, net.value(1), 1e-15);
    assertEquals(4.5, net.value(3), 1e-15);
    assertEquals(-0.5, net.value(0), 1e-15);
  }
}
