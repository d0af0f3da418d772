package ibcheck;

import ibcheck.models.LinearPredictor;
import ibcheck.models.ModelRegistry;
import java.util.Set;

/** Test support: deliberately broken models, registered under names theorem files can use. */
public final class TestModels {
  private TestModels() {}

  /** The depth-2 diagonal network run by gradient ascent on the square loss: its flow blows up. */
  public static void registerAscendingModel() {
    ModelRegistry.register(new ModelRegistry.Family("ascending-network", Set.of("alpha"), s -> {
      LinearPredictor inner = (LinearPredictor) ModelRegistry.create("diagonal-network", s.values());
      return new LinearPredictor() {
        @Override
        public String name() {
          return "ascending-network";
        }

        @Override
        public double[] initialParameters(int inputs) {
          return inner.initialParameters(inputs);
        }

        @Override
        public double[] beta(double[] theta) {
          return inner.beta(theta);
        }

        @Override
        public double[] pullBack(double[] theta, double[] g) {
          double[] out = inner.pullBack(theta, g);
          for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
          }
          return out;
        }
      };
    }));
  }
}
