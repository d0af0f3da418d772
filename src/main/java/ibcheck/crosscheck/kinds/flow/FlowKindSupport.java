package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.DataSpec;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.SyntheticData;
import ibcheck.models.Dataset;
import ibcheck.models.LinearPredictor;
import ibcheck.models.Model;
import ibcheck.models.ModelRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The model, settings and data fields of the registered kinds that run a {@link ModelRegistry}
 * model's gradient flow ({@code kernel-trajectory}, {@code approaches}), read as the built-in flow
 * kinds read them, and the model's flow sampled at fixed times.
 */
final class FlowKindSupport {
  private FlowKindSupport() {}

  /** The model, its fixed settings, the swept setting with its values, and the data. */
  record ModelSweep(String model, Map<String, Double> fixed, String setting, double[] values, DataSpec data) {
    Map<String, Double> at(double value) {
      Map<String, Double> m = new LinkedHashMap<>(fixed);
      m.put(setting, value);
      return m;
    }

    /** Null when the data suit an implicit-bias flow (rows < cols); otherwise why not. */
    String dataProblem() {
      Dataset d = data.dataset();
      return d.rows() < d.cols() ? null : "needs an underdetermined problem (rows < cols), got " + d.rows() + " x " + d.cols();
    }

    LinearPredictor create(double value) {
      Model m = ModelRegistry.create(model, at(value));
      if (!(m instanceof LinearPredictor lp)) {
        throw new IllegalArgumentException(noPredictor(model));
      }
      return lp;
    }

    static String noPredictor(String model) {
      return "model '" + model + "' has no end-to-end linear predictor beta";
    }

    /** This sweep with drawn rows, cols, dataseed (synthetic data) or a drawn value of the swept setting. */
    ModelSweep instantiate(Map<String, Double> drawn, String check, Set<String> extra) {
      Drawn d = Drawn.of(drawn, check, FIELDS, extra);
      return new ModelSweep(model, fixed, setting, values, SyntheticData.drawn(data, d, check));
    }
  }

  /** The fields of a {@link ModelSweep}, besides the tolerance each kind states its own way. */
  static final KindFields FIELDS = KindFields.of(FlowFields.MODEL, FlowFields.INIT,
      FlowFields.sweep("exactly one swept setting with its values, e.g. {alpha: [1, 10]}"), FlowFields.DATA);

  /** Reads a {@link ModelSweep} from fields checked against {@link #FIELDS}: one swept setting ({@link ModelGrid#single}). */
  static ModelSweep read(FieldValues f) {
    ModelGrid g = ModelGrid.single(f);
    String setting = g.grid().keySet().iterator().next();
    ModelSweep s = new ModelSweep(g.model(), g.fixed(), setting, g.grid().get(setting),
        CrosscheckReader.readData(f.node("data")));
    g.probe(made -> {
      if (!(made instanceof LinearPredictor)) {
        throw g.sweepNode().error(ModelSweep.noPredictor(g.model()));
      }
    });
    return s;
  }

  /** The gradient flow {@code theta' = -grad L} of a model on data, as an ODE. */
  static OrdinaryDifferentialEquation flow(Model model, Dataset data, int dimension) {
    return new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return dimension;
      }

      @Override
      public double[] computeDerivatives(double t, double[] theta) {
        double[] r = model.outputs(theta, data.x());
        for (int n = 0; n < r.length; n++) {
          r[n] -= data.y()[n];
        }
        double[] g = model.lossGradient(theta, data.x(), r);
        for (int i = 0; i < g.length; i++) {
          g[i] = -g[i];
        }
        return g;
      }
    };
  }

  /** The tangent kernel in predictor space at theta: K = J J^T, J = d beta / d theta (d x d). */
  static double[][] tangentKernel(LinearPredictor model, double[] theta, int d) {
    double[][] rows = new double[d][];
    for (int i = 0; i < d; i++) {
      double[] e = new double[d];
      e[i] = 1;
      rows[i] = model.pullBack(theta, e);
    }
    double[][] k = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        k[i][j] = KindSupport.dot(rows[i], rows[j]);
      }
    }
    return k;
  }

  static List<Double> list(double[] v) {
    return KindSupport.list(v);
  }
}
