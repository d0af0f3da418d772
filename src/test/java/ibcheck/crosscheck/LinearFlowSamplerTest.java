package ibcheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.junit.jupiter.api.Test;

/** The flow sampler the kinds share: the flow at the requested times, in the requested order. */
class LinearFlowSamplerTest {
  @Test
  void theSamplerReturnsTheFlowAtTheRequestedTimesInOrder() {
    OrdinaryDifferentialEquation decay = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return 1;
      }

      @Override
      public double[] computeDerivatives(double t, double[] x) {
        return new double[] {-x[0]};
      }
    };
    double[] times = {2, 0, 0.5, 7};
    double[][] s = new LinearFlowSampler(1e-12, 1e-15, 100_000).sample(decay, new double[] {1}, times, (t, x) -> { });
    for (int i = 0; i < times.length; i++) {
      assertEquals(Math.exp(-times[i]), s[i][0], 1e-11, "t = " + times[i]);
    }
  }
}
