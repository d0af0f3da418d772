package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A difference that is not a number is never hidden by the entries around it. */
class VectorsTest {
  @Test
  void theLargestDifferenceIsNaNWhereverANaNStands() {
    double nan = Double.NaN;
    assertTrue(Double.isNaN(Vectors.maxAbsDifference(new double[] {nan, 1, 2}, new double[] {0, 0, 0})), "first");
    assertTrue(Double.isNaN(Vectors.maxAbsDifference(new double[] {1, nan, 2}, new double[] {0, 0, 0})), "middle");
    assertTrue(Double.isNaN(Vectors.maxAbsDifference(new double[] {1, 2, 3}, new double[] {0, 0, nan})), "last");
  }

  @Test
  void otherwiseItIsTheLargestAbsoluteDifference() {
    assertEquals(3.0, Vectors.maxAbsDifference(new double[] {1, -2, 0}, new double[] {0, 1, 0.5}));
    assertEquals(Double.POSITIVE_INFINITY,
        Vectors.maxAbsDifference(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {0, 0}));
  }
}
