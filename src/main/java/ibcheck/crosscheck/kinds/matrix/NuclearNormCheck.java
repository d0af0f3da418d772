package ibcheck.crosscheck.kinds.matrix;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.SpectralArgmin;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.flow.FlowFailedException;
import ibcheck.flow.FlowLimit;
import ibcheck.flow.GradientFlow;
import ibcheck.models.MatrixFactorisation;
import ibcheck.models.MatrixSensing;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimKind;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * {@code kind: nuclear-norm} (Gunasekar, Woodworth, Bhojanapalli, Neyshabur & Srebro 2017):
 * gradient flow on {@code X = U V^T} ({@link MatrixFactorisation#general}, full-width factors) from a
 * small random initialisation of scale alpha, on random symmetric Gaussian measurements of a low-rank
 * X* ({@link MatrixSensing}), against {@code argmin sum_k p(lambda_k(X)) s.t. <A_i, X> = y_i} for the
 * file's spectral penalty p ({@code predicts.spectral}, in s; |s| is the nuclear norm), computed by
 * {@link SpectralArgmin} (ADMM, with a certified duality gap for |s|). Along the decreasing alpha
 * sweep the relative distance {@code |X_flow - X_pred|_F / |X_pred|_F} must
 *
 * <ul>
 *   <li>{@code trend: approaches}: not grow (each at most 1.02 times the previous) and end within
 *       {@code tolerance} — the conjecture's prediction;
 *   <li>{@code trend: departs}: not shrink (the last at least the first) and end above
 *       {@code tolerance} — the flow limit is not the argmin there.
 * </ul>
 *
 * {@link NuclearNormKind} reads it. The statement is Gunasekar et al.'s conjecture, which holds only under conditions; files mark these
 * checks {@code conjecture: true}, so a pass is numeric evidence, never a theorem.
 */
final class NuclearNormCheck {
  /** The flow's stopping rule: the comparison needs ~1e-4 relative, not 1e-10. */
  static final GradientFlow.Settings FLOW = new GradientFlow.Settings(1e-9, 1e-5, 2_000_000, 1e-10, 1e-14, 1e9);

  private NuclearNormCheck() {}

  record Check(CheckKind.Header header, int n, int m, int rank, long dataSeed, long initSeed, double[] alphas,
      String spectral, String predictsLocation, boolean approaches, double tolerance) implements NumericCheck {



    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      Drawn d = Drawn.of(drawn, name(), NuclearNormKind.FIELDS.drawable());
      return new Check(header, d.integer("size", n), d.integer("measurements", m), d.integer("rank", rank),
          d.longInteger("dataseed", dataSeed), d.longInteger("initseed", initSeed), alphas, spectral, predictsLocation,
          approaches, tolerance);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      try {
        return NuclearNormCheck.run(this, session, judgement);
      } catch (InvalidExpressionException e) {
        return judgement.error("the spectral penalty '" + spectral + "': " + e.getMessage(), predictsLocation);
      } catch (FlowFailedException | IllegalArgumentException | IllegalStateException e) {
        return judgement.error(e.getMessage(), location());
      }
    }
  }

  static ClaimResult run(Check c, TheoremSession session, Judgement judgement) throws InvalidExpressionException {
    CompiledExpression penalty = FileFormula.compile(session, c.spectral(), List.of("s"));
    boolean nuclear = true;
    for (double s : new double[] {-2, -0.5, 0, 0.5, 3}) {
      nuclear &= Math.abs(penalty.value(s) - Math.abs(s)) < 1e-12;
    }
    MatrixSensing sensing = MatrixSensing.random(c.n(), c.m(), c.rank(), c.dataSeed());
    SpectralArgmin argmin = new SpectralArgmin(sensing.a(), sensing.y());
    SpectralArgmin.Result pred = argmin.solve(x -> penalty.value(x), nuclear, 200_000);
    GradientFlow flow = new GradientFlow(NuclearNormCheck.FLOW);
    List<Map<String, Object>> points = new ArrayList<>();
    double[] dist = new double[c.alphas().length];
    double[] toTruth = new double[c.alphas().length];
    for (int k = 0; k < c.alphas().length; k++) {
      double[] measured = new double[3];
      points.add(point(c.alphas()[k], c.initSeed(), flow, sensing, pred.x(), measured));
      dist[k] = measured[0];
      toTruth[k] = measured[2];
    }
    Trend trend = trend(c, dist);
    Map<String, Object> ev = evidence(c, sensing, pred, nuclear);
    ev.put("points", points);
    new Figure("relative distance of the flow limit to argmin " + c.spectral() + " as the initialisation shrinks", "alpha",
        "relative Frobenius distance", List.of(new Figure.Series("to argmin " + c.spectral(), c.alphas(), dist),
            new Figure.Series("to the ground truth X*", c.alphas(), toTruth))).addTo(ev);
    return new ClaimResult(c.name(), ClaimKind.CROSSCHECK, trend.ok() ? Verdict.AGREES : Verdict.DISAGREES,
        judgement.seconds(), trend.why(), c.location(), ev);
  }

  /**
   * The flow limit at one alpha against the prediction and the truth; {@code measured} receives its
   * relative distance to the prediction, its nuclear norm's relative excess and its relative distance
   * to the truth.
   */
  private static Map<String, Object> point(double alpha, long initSeed, GradientFlow flow, MatrixSensing sensing,
      double[][] predicted, double[] measured) {
    double predNorm = norm(predicted);
    double predNuclear = SpectralArgmin.nuclearNorm(predicted);
    MatrixFactorisation model = MatrixFactorisation.general(alpha, initSeed);
    FlowLimit limit = flow.run(model, sensing.dataset());
    double[][] x = MatrixFactorisation.product(limit.theta());
    measured[0] = distance(x, predicted) / predNorm;
    measured[1] = (SpectralArgmin.nuclearNorm(x) - predNuclear) / predNuclear;
    measured[2] = distance(x, sensing.truth()) / norm(sensing.truth());
    double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(x, false)).getSingularValues();
    Map<String, Object> point = new LinkedHashMap<>();
    point.put("alpha", alpha);
    point.put("relative_distance_to_prediction", measured[0]);
    point.put("nuclear_norm_excess_relative", measured[1]);
    point.put("relative_distance_to_truth", measured[2]);
    point.put("effective_rank", effectiveRank(sv));
    point.put("singular_values", Vectors.evidence(sv));
    point.put("asymmetry", asymmetry(x));
    point.put("certificate", limit.certificate().evidence());
    return point;
  }

  /** Whether the distances move as the file's trend says, and the message. */
  private record Trend(boolean ok, String why) {}

  private static Trend trend(Check c, double[] dist) {
    int last = dist.length - 1;
    if (c.approaches()) {
      boolean monotone = true;
      for (int k = 1; k < dist.length; k++) {
        monotone &= dist[k] <= dist[k - 1] * 1.02;
      }
      boolean ok = monotone && dist[last] <= c.tolerance();
      return new Trend(ok, ok ? "as alpha decreases to " + fmt(c.alphas()[last]) + " the flow limit approaches argmin "
              + c.spectral() + ": relative distance " + Vectors.join(dist) + ", last <= " + fmt(c.tolerance())
          : "the flow limit does not approach argmin " + c.spectral() + " as alpha decreases: relative distance "
              + Vectors.join(dist) + (monotone ? "" : " (not decreasing)") + " (tolerance " + fmt(c.tolerance()) + ")");
    }
    boolean ok = dist[last] >= dist[0] && dist[last] >= c.tolerance();
    return new Trend(ok, ok ? "as alpha decreases to " + fmt(c.alphas()[last]) + " the flow limit stays away from argmin "
            + c.spectral() + ": relative distance " + Vectors.join(dist) + " (not shrinking, last >= "
            + fmt(c.tolerance()) + ")"
        : "the flow limit does not stay away from argmin " + c.spectral() + ": relative distance " + Vectors.join(dist)
            + " (tolerance " + fmt(c.tolerance()) + ")");
  }

  /** The evidence before the points: the model, the data, the penalty and its certified argmin. */
  private static Map<String, Object> evidence(Check c, MatrixSensing sensing, SpectralArgmin.Result pred, boolean nuclear) {
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("model", MatrixFactorisation.GENERAL + ", U(0), V(0) = alpha N(0, 1/n) (seed " + c.initSeed() + ")");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("size", c.n());
    data.put("measurements", c.m());
    data.put("rank", c.rank());
    data.put("seed", c.dataSeed());
    ev.put("data", data);
    ev.put("spectral_penalty", c.spectral());
    Map<String, Object> pe = new LinkedHashMap<>();
    pe.put("solver", "ADMM over symmetric matrices, prox of the file's penalty per eigenvalue (Brent)");
    pe.put("value", pred.value());
    pe.put("nuclear_norm", SpectralArgmin.nuclearNorm(pred.x()));
    pe.put("primal_residual", pred.primalResidual());
    pe.put("dual_residual", pred.dualResidual());
    pe.put("iterations", pred.iterations());
    if (nuclear) {
      pe.put("certified_lower_bound", pred.lowerBound());
      pe.put("duality_gap", pred.value() - pred.lowerBound());
    }
    pe.put("relative_distance_to_truth", distance(pred.x(), sensing.truth()) / norm(sensing.truth()));
    pe.put("effective_rank", effectiveRank(new SingularValueDecomposition(new Array2DRowRealMatrix(pred.x(), false))
        .getSingularValues()));
    ev.put("prediction", pe);
    ev.put("trend", c.approaches() ? "approaches" : "departs");
    ev.put("tolerance", c.tolerance());
    return ev;
  }

  private static int effectiveRank(double[] sv) {
    int r = 0;
    for (double s : sv) {
      if (s > 1e-3 * sv[0]) {
        r++;
      }
    }
    return r;
  }

  private static double asymmetry(double[][] x) {
    double s = 0;
    for (int p = 0; p < x.length; p++) {
      for (int q = 0; q < x.length; q++) {
        s += (x[p][q] - x[q][p]) * (x[p][q] - x[q][p]);
      }
    }
    return Math.sqrt(s / 2);
  }

  private static double norm(double[][] x) {
    double s = 0;
    for (double[] row : x) {
      for (double v : row) {
        s += v * v;
      }
    }
    return Math.sqrt(s);
  }

  private static double distance(double[][] a, double[][] b) {
    double s = 0;
    for (int p = 0; p < a.length; p++) {
      for (int q = 0; q < a.length; q++) {
        s += (a[p][q] - b[p][q]) * (a[p][q] - b[p][q]);
      }
    }
    return Math.sqrt(s);
  }

}
