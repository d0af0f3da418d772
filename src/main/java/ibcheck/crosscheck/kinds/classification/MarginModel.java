package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.read.Drawn;
import ibcheck.models.Classification;
import ibcheck.models.ReluFeatures;
import java.util.Map;
import java.util.Set;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The model of a max-margin check, linear in its parameters w: {@code linear} (phi(x) = x) or
 * {@link ReluFeatures} (a fixed random ReLU layer of the given width), with its initialisation
 * w(0) of the given scale.
 *
 * @param name {@code linear} or {@link ReluFeatures#NAME}
 * @param width the hidden width (ReLU features only)
 * @param featureSeed the seed of the hidden layer (ReLU features only)
 * @param scale w(0) is this times a unit-variance draw (a Gaussian over sqrt(dim), or the features' b0)
 * @param initSeed the seed of the linear model's Gaussian w(0)
 */
record MarginModel(String name, int width, long featureSeed, double scale, long initSeed) {
  /** The settings a cross-check may draw for the model. */
  static final Set<String> SETTINGS = Set.of("width", "featureseed", "initseed", "scale");

  /** The margin vectors {@code z_i = y_i phi(x_i)} and the initialisation w(0). */
  record Instance(double[][] z, double[] w0) {}

  boolean linear() {
    return name.equals("linear");
  }

  /** This model with the drawn ones of {@link #SETTINGS}. */
  MarginModel drawn(Drawn d) {
    return new MarginModel(name, d.integer("width", width), d.longInteger("featureseed", featureSeed),
        d.number("scale", scale), d.longInteger("initseed", initSeed));
  }

  Instance on(Classification data) {
    if (linear()) {
      double[] w0 = new double[data.dim()];
      RandomGenerator r = new Well19937c(initSeed);
      for (int k = 0; k < w0.length; k++) {
        w0[k] = scale * r.nextGaussian() / Math.sqrt(w0.length);
      }
      return new Instance(data.margins(), w0);
    }
    ReluFeatures f = ReluFeatures.random(width, data.dim(), featureSeed);
    double[][] z = f.margins(data);
    double[] w0 = f.b0().clone();
    for (int k = 0; k < w0.length; k++) {
      w0[k] *= scale;
    }
    return new Instance(z, w0);
  }

  /** The model's part of the evidence: its name, and the width and seed of the features. */
  void evidence(Map<String, Object> evidence) {
    evidence.put("model", name);
    if (name.equals(ReluFeatures.NAME)) {
      evidence.put("width", width);
      evidence.put("feature_seed", featureSeed);
    }
  }
}
