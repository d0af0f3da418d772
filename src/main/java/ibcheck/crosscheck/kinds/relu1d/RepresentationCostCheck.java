package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.RepresentationCost;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CrosscheckReader;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.models.ReluNetwork1D;
import ibcheck.spec.YamlNode;
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
import java.util.Set;
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
  static final Set<String> FIELDS = Set.of("claim", "cost", "minimum", "data", "random", "networks", "train", "tolerance");
  static final Set<String> SETTINGS = Set.of("seed", "width", "count", "lambda");

  private RepresentationCostCheck() {}

  record Points(double[] x, double[] y) {}

  record Check(CheckKind.Header header, String claim, String cost, String minimum, String costLocation, List<Points> data,
      int count, int minWidth, int maxWidth, long seed, int width, double lambda, double eta, int iterations,
      double tolerance) implements NumericCheck {



    @Override
    public NumericCheck instantiate(Map<String, Double> drawn) {
      long s = seed;
      int w = width;
      int c = count;
      double l = lambda;
      for (Map.Entry<String, Double> e : drawn.entrySet()) {
        switch (e.getKey()) {
          case "seed" -> s = e.getValue().longValue();
          case "width" -> w = e.getValue().intValue();
          case "count" -> c = e.getValue().intValue();
          case "lambda" -> l = e.getValue();
          default -> throw new IllegalArgumentException("cross-check '" + name() + "' (kind: representation-cost) has no"
              + " setting '" + e.getKey() + "' (settings: " + String.join(", ", new java.util.TreeSet<>(SETTINGS)) + ")");
        }
      }
      return new Check(header, claim, cost, minimum, costLocation, data, c, minWidth, maxWidth, s, w, l, eta, iterations,
          tolerance);
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

  static final CheckKind KIND = CheckKind.of(NAME, FIELDS, (header, m, node) -> {
    YamlNode claimNode = YamlNode.require(m, "claim", node);
    String claim = claimNode.text().trim();
    if (!Set.of("minimum", "bound", "attained").contains(claim)) {
      throw claimNode.error("claim must be 'minimum', 'bound' or 'attained', got '" + claim + "'");
    }
    YamlNode costNode = YamlNode.require(m, "cost", node);
    String minimum = null;
    int count = 0;
    long seed = 1;
    if (claim.equals("minimum")) {
      minimum = YamlNode.require(m, "minimum", node).text().trim();
      if (m.containsKey("random")) {
        Map<String, YamlNode> rm = m.get("random").mapping(Set.of("count", "seed"));
        count = YamlNode.require(rm, "count", m.get("random")).integer();
        seed = YamlNode.require(rm, "seed", m.get("random")).integer();
        if (count < 0 || count > 100_000) {
          throw rm.get("count").error("count must lie in [0, 100000]");
        }
      }
    } else {
      for (String f : List.of("minimum", "random")) {
        if (m.containsKey(f)) {
          throw m.get(f).error("'" + f + "' belongs to claim: minimum");
        }
      }
    }
    List<Points> data = new ArrayList<>();
    if (!claim.equals("bound")) {
      for (YamlNode d : YamlNode.require(m, "data", node).sequence()) {
        Map<String, YamlNode> dm = d.mapping(Set.of("x", "y"));
        List<YamlNode> xs = YamlNode.require(dm, "x", d).sequence();
        List<YamlNode> ys = YamlNode.require(dm, "y", d).sequence();
        if (xs.size() != ys.size() || xs.size() < 2 || xs.size() > 100) {
          throw d.error("a dataset needs 2 to 100 points with as many y as x");
        }
        double[] x = new double[xs.size()];
        double[] y = new double[ys.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = CrosscheckReader.number(xs.get(i));
          y[i] = CrosscheckReader.number(ys.get(i));
          if (i > 0 && !(x[i] > x[i - 1])) {
            throw xs.get(i).error("x must increase");
          }
        }
        data.add(new Points(x, y));
      }
    }
    int minWidth = 0;
    int maxWidth = 0;
    if (claim.equals("bound")) {
      YamlNode nets = YamlNode.require(m, "networks", node);
      Map<String, YamlNode> nm = nets.mapping(Set.of("count", "width", "seed", "x"));
      count = YamlNode.require(nm, "count", nets).integer();
      List<YamlNode> wr = YamlNode.require(nm, "width", nets).sequence();
      if (wr.size() != 2) {
        throw nm.get("width").error("width is a range [min, max]");
      }
      minWidth = wr.get(0).integer();
      maxWidth = wr.get(1).integer();
      seed = YamlNode.require(nm, "seed", nets).integer();
      List<YamlNode> xs = YamlNode.require(nm, "x", nets).sequence();
      double[] x = new double[xs.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = CrosscheckReader.number(xs.get(i));
        if (i > 0 && !(x[i] > x[i - 1])) {
          throw xs.get(i).error("x must increase");
        }
      }
      if (x.length < 2 || count < 1 || count > 100_000 || minWidth < 1 || maxWidth < minWidth || maxWidth > 10_000) {
        throw nets.error("networks needs count >= 1, 1 <= width min <= max <= 10000 and at least two points x");
      }
      data.add(new Points(x, null));
    } else if (m.containsKey("networks")) {
      throw m.get("networks").error("'networks' belongs to claim: bound");
    }
    int width = 0;
    double lambda = 0;
    double eta = 0;
    int iterations = 0;
    if (claim.equals("attained")) {
      YamlNode tr = YamlNode.require(m, "train", node);
      Map<String, YamlNode> tm = tr.mapping(Set.of("width", "lambda", "eta", "iterations", "seed"));
      width = YamlNode.require(tm, "width", tr).integer();
      lambda = CrosscheckReader.number(YamlNode.require(tm, "lambda", tr));
      eta = CrosscheckReader.number(YamlNode.require(tm, "eta", tr));
      iterations = YamlNode.require(tm, "iterations", tr).integer();
      seed = YamlNode.require(tm, "seed", tr).integer();
      if (width < 1 || width > 10_000 || !(lambda > 0) || !(eta > 0) || iterations < 1) {
        throw tr.error("train needs 1 <= width <= 10000, lambda > 0, eta > 0 and iterations >= 1");
      }
    } else if (m.containsKey("train")) {
      throw m.get("train").error("'train' belongs to claim: attained");
    }
    YamlNode tolNode = YamlNode.require(m, "tolerance", node);
    double tolerance = CrosscheckReader.number(tolNode);
    if (!(tolerance > 0 && tolerance < 1)) {
      throw tolNode.error("tolerance must lie in (0, 1)");
    }
    return new Check(header, claim, costNode.text().trim(), minimum, costNode.location(), data, count, minWidth, maxWidth,
        seed, width, lambda, eta, iterations, tolerance);
  });

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
      Map<String, Object> pt = new LinkedHashMap<>();
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
      points.add(pt);
      worst = Math.max(worst, Math.max(gap, below));
      if (failure == null && !(below <= 1e-9)) {
        failure = "dataset " + (d + 1) + ": the trained network costs " + c.cost() + " = " + fmt(rh)
            + " below the least cost R* = " + fmt(least) + " of the values it interpolates";
      } else if (failure == null && !(gap <= c.tolerance())) {
        failure = "dataset " + (d + 1) + ": the trained network's cost sum |a_k w_k| = " + fmt(pathCost)
            + " is " + fmt(gap) + " above the least cost R* = " + fmt(least) + " of its values (tolerance "
            + fmt(c.tolerance()) + "; " + c.cost() + " of its function = " + fmt(rh) + ", |theta|^2/2 = " + fmt(weightCost) + ")";
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

}
