package ibcheck.models.declarative;

import ibcheck.models.Initialisation;
import ibcheck.models.LinearPredictor;
import ibcheck.models.NamedState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A model defined in a theorem file ({@link ModelDefinition}) at fixed settings: theta is the blocks
 * one after another, each of the input dimension d, and {@code beta_i = beta(block_1[i], ...,
 * block_k[i])}. Since beta is coordinatewise, the Jacobian is diagonal per block and the
 * vector-Jacobian product is {@code (J^T g)[k d + i] = (d beta / d block_k)(theta at i) g_i}; the
 * partial derivatives are Symja's, compiled ({@link CompiledModel}).
 *
 * <p>With a declared loss {@code l(f, y)} ({@link SampleLoss}) the training loss is
 * {@code L = sum_n l(f_n, y_n)} and {@code grad_beta L = sum_n l'(f_n, y_n) x_n}; without one, the
 * square loss of every {@link LinearPredictor}.
 *
 * <p>Named initial quantities for potentials: {@code b0} = beta(0) and the model's vectors.
 */
public final class DeclarativeModel implements LinearPredictor, NamedState {
  private final CompiledModel compiled;
  private final double[] settings;

  DeclarativeModel(CompiledModel compiled, double[] settings) {
    this.compiled = compiled;
    this.settings = settings.clone();
  }

  @Override
  public String name() {
    return compiled.definition.name();
  }

  @Override
  public List<String> parameterBlocks() {
    return compiled.definition.blocks();
  }

  private int blocks() {
    return compiled.definition.blocks().size();
  }

  /** A variable buffer in the compiled layout with the settings filled in. */
  private double[] buffer() {
    int k = blocks();
    double[] v = new double[k + settings.length + compiled.definition.vectors().size()];
    System.arraycopy(settings, 0, v, k, settings.length);
    return v;
  }

  /** The model's vectors for d input coordinates: listed ones checked for length, drawn ones sampled (seeded). */
  public Map<String, double[]> vectors(int d) {
    Map<String, double[]> out = new LinkedHashMap<>();
    RandomGenerator rng = new Well19937c(compiled.definition.seed());
    double[] vars = buffer();
    for (Map.Entry<String, ModelDefinition.Vector> e : compiled.definition.vectors().entrySet()) {
      double[] values;
      if (e.getValue() instanceof ModelDefinition.Listed listed) {
        if (listed.values().length != d) {
          throw new IllegalArgumentException("model '" + name() + "': vector '" + e.getKey() + "' lists "
              + listed.values().length + " values but the data have " + d + " columns");
        }
        values = listed.values().clone();
      } else {
        Initialisation.Law law = ((ModelDefinition.Drawn) e.getValue()).law();
        Initialisation.Concrete concrete = law.evaluate(arg -> compiled.lawArguments.get(arg).value(vars));
        values = new double[d];
        for (int i = 0; i < d; i++) {
          values[i] = concrete.sample(rng);
        }
      }
      out.put(e.getKey(), values);
    }
    return out;
  }

  @Override
  public double[] initialParameters(int inputs) {
    Map<String, double[]> vectors = vectors(inputs);
    double[] vars = buffer();
    int k = blocks();
    double[] theta = new double[k * inputs];
    for (int i = 0; i < inputs; i++) {
      int slot = k + settings.length;
      for (double[] v : vectors.values()) {
        vars[slot++] = v[i];
      }
      for (int b = 0; b < k; b++) {
        double value = compiled.init[b].value(vars);
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException("model '" + name() + "': the initial value of "
              + compiled.definition.blocks().get(b) + " at coordinate " + (i + 1) + " is " + value);
        }
        theta[b * inputs + i] = value;
      }
    }
    return theta;
  }

  @Override
  public double[] beta(double[] theta) {
    int k = blocks();
    int d = theta.length / k;
    double[] vars = buffer();
    List<double[]> vs = vectorsAt(d);
    double[] b = new double[d];
    for (int i = 0; i < d; i++) {
      load(vars, theta, i, d, vs);
      b[i] = compiled.beta.value(vars);
    }
    return b;
  }

  @Override
  public double[] pullBack(double[] theta, double[] g) {
    int k = blocks();
    int d = theta.length / k;
    double[] vars = buffer();
    List<double[]> vs = vectorsAt(d);
    double[] out = new double[theta.length];
    for (int i = 0; i < d; i++) {
      load(vars, theta, i, d, vs);
      for (int b = 0; b < k; b++) {
        out[b * d + i] = compiled.partials[b].value(vars) * g[i];
      }
    }
    return out;
  }

  /** The blocks' and the vectors' entries at coordinate i into the buffer. */
  private void load(double[] vars, double[] theta, int i, int d, List<double[]> vectors) {
    int k = blocks();
    for (int b = 0; b < k; b++) {
      vars[b] = theta[b * d + i];
    }
    int slot = k + settings.length;
    for (double[] v : vectors) {
      vars[slot++] = v[i];
    }
  }

  private List<double[]> cachedVectors;
  private int cachedDimension = -1;

  /** The vectors at dimension d, drawn once (the flow asks for them at every step). */
  private synchronized List<double[]> vectorsAt(int d) {
    if (compiled.definition.vectors().isEmpty()) {
      return List.of();
    }
    if (cachedDimension != d) {
      cachedVectors = List.copyOf(vectors(d).values());
      cachedDimension = d;
    }
    return cachedVectors;
  }

  /**
   * {@code sum_n l(f_n, y_n)}; NaN when a term is negative or not finite, so that a gradient flow
   * fails (diverged) instead of stopping at a "loss below tolerance" that is no minimum.
   */
  @Override
  public double loss(double[] outputs, double[] y) {
    if (compiled.loss == null) {
      return LinearPredictor.super.loss(outputs, y);
    }
    double sum = 0;
    for (int n = 0; n < outputs.length; n++) {
      double l = compiled.loss.value(outputs[n], y[n]);
      if (!(l >= 0 && l < Double.POSITIVE_INFINITY)) {
        return Double.NaN;
      }
      sum += l;
    }
    return sum;
  }

  /**
   * {@code J^T sum_n l'(f_n, y_n) x_n}; the labels are recovered as {@code y_n = f_n - r_n} (exact up
   * to one rounding of the larger of the two).
   */
  @Override
  public double[] lossGradient(double[] theta, double[][] x, double[] residual) {
    if (compiled.loss == null) {
      return LinearPredictor.super.lossGradient(theta, x, residual);
    }
    double[] f = outputs(theta, x);
    double[] g = new double[x[0].length];
    for (int n = 0; n < x.length; n++) {
      double slope = compiled.loss.slope(f[n], f[n] - residual[n]);
      for (int i = 0; i < g.length; i++) {
        g[i] += slope * x[n][i];
      }
    }
    return pullBack(theta, g);
  }

  @Override
  public Quantities initial(int inputs) {
    Map<String, double[]> v = new LinkedHashMap<>();
    v.put("b0", beta(initialParameters(inputs)));
    v.putAll(vectors(inputs));
    return new Quantities(Map.of(), v);
  }

  @Override
  public Map<String, Double> scalars(double[] theta) {
    return Map.of();
  }
}
