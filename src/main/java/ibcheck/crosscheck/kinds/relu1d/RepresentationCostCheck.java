package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.RepresentationCost;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.models.ReluNetwork1D;
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
import java.util.function.DoubleBinaryOperator;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * {@code kind: representation-cost} (Savarese, Evron, Soudry and Srebro 2019): the file's
 * representational cost {@code cost(tv, ends)} of a function on the line, {@code tv = int |h''|},
 * {@code ends = h'(-inf) + h'(+inf)}, for ReLU networks {@code h = sum_k a_k (w_k x + b_k)_+ + c}
 * ({@link ReluNetwork1D}) whose weight-decay cost at balance is {@code C = sum_k |a_k w_k|}. The least
 * cost of an interpolant, {@code R*(v)}, is the file's cost minimised over the end slopes
 * ({@link RepresentationCost}). Three claims:
 *
 * <ul>
 *   <li>{@code minimum}: on each dataset, R*(y) from the file's cost equals the file's closed form
 *       {@code minimum} in V (the total slope change between the data) and S (the sum of the end
 *       chords), within {@code tolerance};
 *   <li>{@code bound}: on random networks, {@code R*(h(x_j)) <= cost(h) = C} within {@code tolerance}
 *       relative: no network interpolating values v costs less than R*(v), and a network without
 *       coinciding kinks costs exactly its R (Savarese et al.'s formula is an infimum attained by such
 *       representations);
 *   <li>{@code attained}: a network trained by gradient descent with weight decay lambda on the weights
 *       ends with {@code C = cost(h) = R*(h(x_j))} within {@code tolerance} relative (its balance
 *       |theta|^2/2 - C is reported): it is a
 *       least-cost interpolant of the values it reaches; as lambda -> 0 those tend to the data.
 *       Gradient descent reaching the global minimum cannot be confirmed, so files mark this
 *       {@code conjecture: true}.
 * </ul>
 */
final class RepresentationCostCheck {
  static final String NAME = "representation-cost";

  private RepresentationCostCheck() {}

  record Points(double[] x, double[] y) {}

  record Check(CheckKind.Header header, String claim, String cost, String minimum, String costLocation, List<Points> data,
      int count, int minWidth, int maxWidth, long seed, int width, double lambda, double eta, int iterations,
      double tolerance) implements NumericCheck {
    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      Drawn d = Drawn.of(drawn, name(), RepresentationCostKind.FIELDS.drawable());
      return new Check(header, claim, cost, minimum, costLocation, data, d.integer("count", count), minWidth, maxWidth,
          d.longInteger("seed", seed), d.integer("width", width), d.number("lambda", lambda), eta, iterations, tolerance);
    }

    @Override
    public ClaimResult run(TheoremSession session) {
      Judgement judgement = Judgement.start(header());
      try {
        CompiledExpression f = FileFormula.compile(session, cost, List.of("tv", "ends"));
        DoubleBinaryOperator c = (tv, ends) -> f.value(tv, ends);
        return switch (claim) {
          case "minimum" -> RepresentationCostCheck.minimum(this, c, FileFormula.compile(session, minimum, List.of("V", "S")), judgement);
          case "bound" -> bound(this, c, judgement);
          default -> attained(this, c, judgement);
        };
      } catch (InvalidExpressionException e) {
        return judgement.error(e.getMessage(), costLocation);
      } catch (IllegalArgumentException | IllegalStateException e) {
        return judgement.error(e.getMessage(), location());
      }
    }
  }

  private static ClaimResult minimum(Check c, DoubleBinaryOperator cost, CompiledExpression closed, Judgement judgement) {
    List<Map<String, Object>> points = new ArrayList<>();
    double worst = 0;
    List<Points> all = new ArrayList<>(c.data());
    RandomGenerator r = new Well19937c(c.seed());
    for (int k = 0; k < c.count(); k++) { // random datasets: 2 to 7 points, sorted x, Gaussian y
      int n = 2 + r.nextInt(6);
      double[] x = new double[n];
      double[] y = new double[n];
      double at = r.nextGaussian();
      for (int i = 0; i < n; i++) {
        at += 0.1 + r.nextDouble();
        x[i] = at;
        y[i] = 3 * r.nextGaussian();
      }
      all.add(new Points(x, y));
    }
    for (Points p : all) {
      RepresentationCost.Slopes sl = RepresentationCost.slopes(p.x(), p.y());
      double least = RepresentationCost.least(sl, cost);
      double form = closed.value(sl.v(), sl.s());
      double err = Math.abs(least - form) / Math.max(1, Math.abs(form));
      worst = Math.max(worst, Double.isNaN(err) ? Double.POSITIVE_INFINITY : err);
      Map<String, Object> pt = new LinkedHashMap<>();
      pt.put("x", Vectors.evidence(p.x()));
      pt.put("y", Vectors.evidence(p.y()));
      pt.put("V", sl.v());
      pt.put("S", sl.s());
      pt.put("least_cost_numeric", least);
      pt.put("closed_form", form);
      pt.put("error", err);
      if (points.size() < 50) {
        points.add(pt);
      }
    }
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("cost", c.cost());
    ev.put("closed_form", c.minimum());
    ev.put("datasets", all.size() + " (" + c.data().size() + " written, " + c.count() + " random from seed " + c.seed() + ")");
    ev.put("method", "the cost minimised over the end slopes (nested Brent) for the interpolant with kinks at the data");
    ev.put("points", points);
    ev.put("max_error", worst);
    ev.put("tolerance", c.tolerance());
    boolean ok = worst <= c.tolerance();
    return new ClaimResult(c.name(), ClaimKind.CROSSCHECK, ok ? Verdict.AGREES : Verdict.DISAGREES, judgement.seconds(),
        ok ? "the least cost of " + c.cost() + " over interpolants equals " + c.minimum() + " on " + all.size()
            + " datasets (max error " + fmt(worst) + ")"
            : "the least cost of " + c.cost() + " differs from " + c.minimum() + " by " + fmt(worst) + " (tolerance "
                + fmt(c.tolerance()) + ")",
        c.location(), ev);
  }

  private static ClaimResult bound(Check c, DoubleBinaryOperator cost, Judgement judgement) {
    double[] x = c.data().get(0).x();
    RandomGenerator r = new Well19937c(c.seed());
    double worstBelow = 0; // max (R*(v) - cost(h)) / C
    double worstEqual = 0; // max |cost(h) - C| / C
    String failure = null;
    double lo = x[0] - 1;
    double hi = x[x.length - 1] + 1;
    double[] ratioLeast = new double[c.count()];
    double[] idx = new double[c.count()];
    for (int k = 0; k < c.count(); k++) {
      int width = c.minWidth() + r.nextInt(c.maxWidth() - c.minWidth() + 1);
      ReluNetwork1D net = ReluNetwork1D.random(width, 1, lo, hi, r.nextLong());
      ReluNetwork1D.Shape sh = net.shape();
      double pathCost = net.pathCost();
      double rh = cost.applyAsDouble(sh.totalVariation(), sh.ends());
      double[] v = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        v[i] = net.value(x[i]);
      }
      double least = RepresentationCost.least(RepresentationCost.slopes(x, v), cost);
      double below = (least - rh) / pathCost;
      double equal = Math.abs(rh - pathCost) / pathCost;
      idx[k] = k;
      ratioLeast[k] = least / pathCost;
      if (!(below <= c.tolerance()) && failure == null) {
        failure = "network " + k + " (width " + width + ") interpolates values whose least cost R* = " + fmt(least)
            + " exceeds its own cost " + c.cost() + " = " + fmt(rh) + ": the least cost is not a lower bound";
      }
      if (!(equal <= c.tolerance()) && failure == null) {
        failure = "network " + k + " (width " + width + ", kinks distinct) has " + c.cost() + " = " + fmt(rh)
            + " but weight-decay cost sum |a_k w_k| = " + fmt(pathCost) + " (tv " + fmt(sh.totalVariation()) + ", ends "
            + fmt(sh.ends()) + ")";
      }
      worstBelow = Math.max(worstBelow, below);
      worstEqual = Math.max(worstEqual, equal);
    }
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("cost", c.cost());
    ev.put("networks", c.count());
    ev.put("width_range", List.of(c.minWidth(), c.maxWidth()));
    ev.put("seed", c.seed());
    ev.put("points", Vectors.evidence(x));
    ev.put("max_relative_excess_of_least_cost_over_cost", worstBelow);
    ev.put("max_relative_gap_cost_vs_sum_abs_a_w", worstEqual);
    ev.put("tolerance", c.tolerance());
    new Figure("R*(h(x_j)) / sum |a_k w_k| on random networks (at most 1)", "network", "ratio",
        List.of(new Figure.Series("R*(v)/C", idx, ratioLeast))).addTo(ev);
    boolean ok = failure == null;
    return new ClaimResult(c.name(), ClaimKind.CROSSCHECK, ok ? Verdict.AGREES : Verdict.DISAGREES, judgement.seconds(),
        ok ? "on " + c.count() + " random networks R*(h(x_j)) <= " + c.cost() + " = sum |a_k w_k| (largest excess "
            + fmt(worstBelow) + ", largest gap " + fmt(worstEqual) + ")" : failure,
        c.location(), ev);
  }

  private static ClaimResult attained(Check c, DoubleBinaryOperator cost, Judgement judgement) {
    List<Map<String, Object>> points = new ArrayList<>();
    String failure = null;
    double worst = 0;
    for (int d = 0; d < c.data().size(); d++) {
      Map<String, Object> pt = new LinkedHashMap<>();
      Trained t = train(c, cost, d, pt);
      points.add(pt);
      worst = Math.max(worst, Math.max(t.gap(), t.below()));
      if (failure == null) {
        failure = t.failure();
      }
    }
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("cost", c.cost());
    ev.put("network", "h = sum_k a_k (w_k x + b_k)_+ + c, width " + c.width() + ", weight decay lambda = " + c.lambda()
        + " on a and w, gradient descent from eta = " + c.eta() + " (revert and halve on increase), seed " + c.seed());
    ev.put("points", points);
    ev.put("max_relative_gap", worst);
    ev.put("tolerance", c.tolerance());
    boolean ok = failure == null;
    return new ClaimResult(c.name(), ClaimKind.CROSSCHECK, ok ? Verdict.AGREES : Verdict.DISAGREES, judgement.seconds(),
        ok ? "trained networks reach sum |a_k w_k| = " + c.cost() + " = R*(their values) within "
            + fmt(worst) + " (tolerance " + fmt(c.tolerance()) + ") on " + c.data().size() + " datasets" : failure,
        c.location(), ev);
  }

  /** One dataset's relative gap above the least cost, its cost below it, and why it fails (or null). */
  private record Trained(double gap, double below, String failure) {}

  /** Gradient descent with weight decay on dataset d, its costs against the least cost; its point. */
  private static Trained train(Check c, DoubleBinaryOperator cost, int d, Map<String, Object> pt) {
    Points p = c.data().get(d);
    double lo = p.x()[0] - 1;
    double hi = p.x()[p.x().length - 1] + 1;
    ReluNetwork1D net = ReluNetwork1D.random(c.width(), 1, lo, hi, c.seed());
    ReluNetwork1D.Training t = net.train(p.x(), p.y(), c.lambda(), c.eta(), 1e-13, c.iterations());
    ReluNetwork1D.Shape sh = net.shape();
    double pathCost = net.pathCost();
    double weightCost = net.weightCost();
    double rh = cost.applyAsDouble(sh.totalVariation(), sh.ends());
    double[] v = new double[p.x().length];
    for (int i = 0; i < v.length; i++) {
      v[i] = net.value(p.x()[i]);
    }
    double least = RepresentationCost.least(RepresentationCost.slopes(p.x(), v), cost);
    double leastData = RepresentationCost.least(RepresentationCost.slopes(p.x(), p.y()), cost);
    double gap = (pathCost - least) / least;
    double below = (least - rh) / least;
    pt.put("x", Vectors.evidence(p.x()));
    pt.put("y", Vectors.evidence(p.y()));
    pt.put("iterations", t.iterations());
    pt.put("objective", t.objective());
    pt.put("loss", t.loss());
    pt.put("gradient_norm", t.gradientNorm());
    pt.put("stopped_by_rule", t.converged());
    pt.put("weight_cost_half_norm_squared", weightCost);
    pt.put("sum_abs_a_w", pathCost);
    pt.put("imbalance_max_abs_a_minus_abs_w", net.imbalance());
    pt.put("tv", sh.totalVariation());
    pt.put("ends", sh.ends());
    pt.put("cost_of_network_function", rh);
    pt.put("least_cost_of_its_values", least);
    pt.put("least_cost_of_the_data", leastData);
    pt.put("relative_gap", gap);
    pt.put("kinks", Vectors.evidence(sh.kinks()));
    String failure = null;
    if (!(below <= 1e-9)) {
      failure = "dataset " + (d + 1) + ": the trained network costs " + c.cost() + " = " + fmt(rh)
          + " below the least cost R* = " + fmt(least) + " of the values it interpolates";
    } else if (!(gap <= c.tolerance())) {
      failure = "dataset " + (d + 1) + ": the trained network's cost sum |a_k w_k| = " + fmt(pathCost)
          + " is " + fmt(gap) + " above the least cost R* = " + fmt(least) + " of its values (tolerance "
          + fmt(c.tolerance()) + "; " + c.cost() + " of its function = " + fmt(rh) + ", |theta|^2/2 = " + fmt(weightCost) + ")";
    }
    return new Trained(gap, below, failure);
  }

}
