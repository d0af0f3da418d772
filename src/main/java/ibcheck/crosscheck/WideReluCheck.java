package ibcheck.crosscheck;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.CurvatureVariational;
import ibcheck.bias.CurvatureVariational.Ends;
import ibcheck.bias.CurvatureVariational.Grid;
import ibcheck.bias.CurvatureVariational.Solution;
import ibcheck.crosscheck.Inputs1D.Data;
import ibcheck.crosscheck.Inputs1D.Formula;
import ibcheck.crosscheck.Inputs1D.Params;
import ibcheck.models.AsiReluNetwork;
import ibcheck.models.Initialisation;
import ibcheck.models.WideReluNetwork;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * {@code kind: wide-relu}: the wide shallow ReLU network of one input against the zeta-weighted
 * variational solution g* computed from the file's zeta ({@link CurvatureVariational}, Euler-Lagrange
 * form with the file's {@code ends}). Hidden units are drawn from the file's initialisation, a fresh
 * Hipparchus Well19937c per (width, seed) pair (seeded {@code seed * 1000003 + width}), so every pair
 * is reproducible and the pairs run in parallel. The distance is {@code sup |f - g*|} on a grid of step
 * {@code h} over the data's range.
 *
 * <ul>
 *   <li>{@code train: output-layer}: the output layer from a = 0 with u, v unpenalised, at its
 *       gradient-descent limit, the minimum-norm interpolant ({@link WideReluNetwork#minNorm}).
 *   <li>{@code train: output-gd}: gradient descent itself on that output layer; it must land on the
 *       minimum-norm interpolant ({@code sup |f_GD - f_min-norm| <= tolerance}).
 *   <li>{@code train: all-layers}: the seed's full network, every layer trained by gradient descent
 *       from the anti-symmetric initialisation ({@link AsiReluNetwork}), on the data adjusted by the
 *       affine part ubar x + vbar of the infinite-width solution; the distance is then
 *       {@code sup |f + ubar x + vbar - g*|}. For (W, B) and (-W, -B) equal in law, the
 *       infinite-width network without affine part represents
 *       {@code (1/2) int g*''(c) |x - c| dc}, so {@code ubar x + vbar = g* - (1/2) int g*''(c) |x - c| dc}.
 * </ul>
 *
 * For the sweeps ({@code output-layer}, {@code all-layers}) the slope of {@code log(distance)} against
 * {@code log(width)} over all (width, seed) pairs is fitted by least squares (Hipparchus
 * {@link SimpleRegression}); its {@code confidence} interval (t distribution) must lie inside
 * {@code band} ({@code judge: estimate}: the fitted slope itself must, for random data sets where the
 * smallest widths can be far from the asymptote), and with {@code decreasing: true} below 0.
 */
final class WideReluCheck implements NumericCheck {
  static final String NAME = "wide-relu";
  static final double DEFAULT_H = 0.01;

  enum Train { OUTPUT_LAYER, OUTPUT_GD, ALL_LAYERS }

  record Settings(Train train, Initialisation.Spec init, String zeta, Params params, Data data, Ends ends, int[] widths,
      int[] seeds, double[] band, boolean judgeEstimate, boolean decreasing, double confidence, double tolerance, double h,
      double targetLoss, int maxIterations) {}

  private final CheckKind.Header header;
  private final Settings s;

  @Override
  public CheckKind.Header header() {
    return header;
  }

  WideReluCheck(CheckKind.Header header, Settings settings) {
    this.header = header;
    this.s = settings;
  }

  static final class Kind implements CheckKind {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Set<String> fields() {
      return Set.of("train", "init", "zeta", "params", "data", "ends", "widths", "seeds", "band", "judge", "decreasing",
          "confidence", "tolerance", "h", "target-loss", "max-iterations");
    }

    @Override
    public NumericCheck read(Header header, Map<String, YamlNode> f, YamlNode node) {
      String t = YamlNode.require(f, "train", node).text().trim();
      Train train = switch (t) {
        case "output-layer" -> Train.OUTPUT_LAYER;
        case "output-gd" -> Train.OUTPUT_GD;
        case "all-layers" -> Train.ALL_LAYERS;
        default -> throw f.get("train").error("train must be output-layer, output-gd or all-layers, got '" + t + "'");
      };
      Initialisation.Spec init = Inputs1D.readInit(YamlNode.require(f, "init", node));
      String zeta = YamlNode.require(f, "zeta", node).text().trim();
      Params params = f.containsKey("params") ? Params.read(f.get("params")) : Params.none();
      Data data = Data.read(YamlNode.require(f, "data", node));
      Ends ends = VariationalCheck.readEnds(YamlNode.require(f, "ends", node));
      int[] widths = Inputs1D.integers(YamlNode.require(f, "widths", node));
      int[] seeds = Inputs1D.integers(YamlNode.require(f, "seeds", node));
      for (int w : widths) {
        if (w < 1 || w > 10_000_000) {
          throw f.get("widths").error("widths must be between 1 and 10000000, got " + w);
        }
      }
      double[] band = null;
      if (f.containsKey("band")) {
        band = Inputs1D.numbers(f.get("band"));
        if (band.length != 2 || !(band[0] < band[1])) {
          throw f.get("band").error("band must be [low, high] with low < high");
        }
      }
      boolean estimate = false;
      if (f.containsKey("judge")) {
        String j = f.get("judge").text().trim();
        estimate = switch (j) {
          case "interval" -> false;
          case "estimate" -> true;
          default -> throw f.get("judge").error("judge must be interval (the slope's confidence interval must lie in the"
              + " band) or estimate (the fitted slope must), got '" + j + "'");
        };
      }
      boolean decreasing = f.containsKey("decreasing") && f.get("decreasing").bool();
      if (train != Train.OUTPUT_GD && band == null && !decreasing) {
        throw node.error("a width sweep needs a verdict: 'band: [low, high]' for the slope, or 'decreasing: true'");
      }
      if (train != Train.OUTPUT_GD && widths.length * seeds.length < 3) {
        throw f.get("widths").error("a slope fit needs at least three (width, seed) pairs");
      }
      if (train == Train.OUTPUT_GD && !f.containsKey("tolerance")) {
        throw node.error("train: output-gd needs a 'tolerance' for sup |f_GD - f_min-norm|");
      }
      double confidence = f.containsKey("confidence") ? f.get("confidence").number() : 0.95;
      if (!(confidence > 0 && confidence < 1)) {
        throw f.get("confidence").error("confidence must be in (0, 1)");
      }
      double tolerance = f.containsKey("tolerance") ? f.get("tolerance").number() : Double.NaN;
      double h = f.containsKey("h") ? f.get("h").number() : DEFAULT_H;
      double target = f.containsKey("target-loss") ? f.get("target-loss").number() : 1e-8;
      int maxIt = f.containsKey("max-iterations") ? f.get("max-iterations").integer() : 200_000;
      return new WideReluCheck(header, new Settings(train, init, zeta, params, data, ends, widths, seeds, band, estimate,
          decreasing, confidence, tolerance, h, target, maxIt));
    }
  }




  @Override
  public NumericCheck instantiate(Map<String, Double> drawn) {
    Params p = s.params();
    Map<String, Double> dataDraw = new LinkedHashMap<>();
    int[] widths = s.widths();
    int[] seeds = s.seeds();
    for (Map.Entry<String, Double> e : drawn.entrySet()) {
      String k = e.getKey();
      double v = e.getValue();
      if (p.values().containsKey(k)) {
        p = p.with(k, v);
      } else if (k.equals("points") || k.equals("dataseed")) {
        dataDraw.put(k, v);
      } else if (k.equals("seed")) {
        seeds = new int[] {(int) Math.round(v)};
      } else if (k.equals("width")) {
        widths = new int[] {(int) Math.round(v)};
      } else if (k.equals("maxwidth")) {
        widths = Arrays.stream(widths).filter(w -> w <= v).toArray();
      } else {
        throw new IllegalArgumentException("cross-check '" + name() + "' has no setting '" + k + "' (it has the parameters "
            + p.names() + ", points and dataseed for random data, seed, width and maxwidth)");
      }
    }
    Data data = dataDraw.isEmpty() ? s.data() : s.data().redraw(dataDraw);
    return new WideReluCheck(header, new Settings(s.train(), s.init(), s.zeta(), p, data, s.ends(), widths, seeds, s.band(),
        s.judgeEstimate(), s.decreasing(), s.confidence(), s.tolerance(), s.h(), s.targetLoss(), s.maxIterations()));
  }

  /** The outcome at one (width, seed) pair. */
  private record Point(int width, int seed, double distance, double[] f, Map<String, Object> details) {}

  @Override
  public ClaimResult run(TheoremSession session) {
    Judgement judgement = Judgement.start(header());
    if (s.widths().length == 0) {
      return judgement.error("no widths left to run");
    }
    List<String> names = s.params().names();
    Map<String, Double> params;
    Formula zeta;
    Initialisation init;
    try {
      List<Map<String, Double>> sets = s.params().combinations(session);
      if (sets.size() != 1) {
        return judgement.error("a wide-relu check takes one value per parameter, got " + sets.size() + " combinations");
      }
      params = sets.get(0);
      zeta = Formula.compile(session, s.zeta(), List.of("x"), names).at(params, names);
      init = Inputs1D.initialisation(session, s.init(), params);
    } catch (InvalidExpressionException e) {
      return judgement.error(e.getMessage());
    }
    double[] xs = s.data().x();
    double[] ys = s.data().y();
    Grid grid = Grid.of(xs, s.h(), 1);
    double[] t = grid.t();
    Solution limit;
    try {
      limit = CurvatureVariational.eulerLagrange(xs, ys, zeta::value, s.ends(), grid);
    } catch (IllegalArgumentException e) {
      return judgement.error("the limit g*: " + e.getMessage());
    }
    double[] gStar = limit.g();
    int last = t.length - 1;
    double ubar = ((gStar[last] - limit.halfAbs()[1]) - (gStar[0] - limit.halfAbs()[0])) / (xs[xs.length - 1] - xs[0]);
    double vbar = gStar[0] - limit.halfAbs()[0] - ubar * xs[0];
    if (s.train() == Train.ALL_LAYERS && !init.symmetric()) {
      return judgement.error("train: all-layers adjusts the data by the infinite-width affine part, which needs (W, B) and"
          + " (-W, -B) equal in law; " + init + " is not symmetric");
    }
    double[] adjusted = new double[ys.length];
    for (int i = 0; i < ys.length; i++) {
      adjusted[i] = ys[i] - ubar * xs[i] - vbar;
    }
    List<int[]> pairs = new ArrayList<>();
    for (int w : s.widths()) {
      for (int sd : s.seeds()) {
        pairs.add(new int[] {w, sd});
      }
    }
    Point[] points = new Point[pairs.size()];
    IntStream.range(0, pairs.size()).parallel().forEach(i -> {
      int width = pairs.get(i)[0];
      int seed = pairs.get(i)[1];
      Well19937c rng = new Well19937c(seed * 1_000_003L + width);
      Map<String, Object> d = new LinkedHashMap<>();
      double[] f;
      double dist;
      if (s.train() == Train.ALL_LAYERS) {
        AsiReluNetwork net = new AsiReluNetwork(init, width, rng);
        AsiReluNetwork.Training tr = net.train(xs, adjusted, s.targetLoss(), s.maxIterations());
        d.put("iterations", tr.iterations());
        d.put("loss", tr.loss());
        d.put("step", tr.stepSize());
        d.put("converged", tr.converged());
        f = net.values(t);
        for (int k = 0; k < f.length; k++) {
          f[k] += ubar * t[k] + vbar;
        }
        dist = VariationalCheck.supDiff(f, gStar);
      } else {
        double[][] wb = init.sample(width, rng);
        WideReluNetwork net = new WideReluNetwork(wb[0], wb[1], xs);
        WideReluNetwork.Fit fit = net.minNorm(ys);
        f = net.values(fit, t);
        d.put("u", fit.u());
        d.put("v", fit.v());
        if (s.train() == Train.OUTPUT_GD) {
          WideReluNetwork.Descent gd = net.outputLayerGradientDescent(ys, 1e-13, s.maxIterations());
          double[] fg = net.values(gd.fit(), t);
          d.put("iterations", gd.iterations());
          d.put("relative_residual", gd.residual());
          d.put("step", gd.stepSize());
          d.put("converged", gd.converged());
          double da = 0;
          double na = 0;
          for (int k = 0; k < width; k++) {
            da = Math.max(da, Math.abs(gd.fit().a()[k] - fit.a()[k]));
            na = Math.max(na, Math.abs(fit.a()[k]));
          }
          d.put("max_a_difference_relative", na == 0 ? da : da / na);
          d.put("distance_min_norm_to_limit", VariationalCheck.supDiff(f, gStar));
          dist = VariationalCheck.supDiff(fg, f);
          f = fg;
        } else {
          dist = VariationalCheck.supDiff(f, gStar);
          WideReluNetwork.Fit joint = net.jointPenalised(ys);
          d.put("sup_joint_penalised_minus_min_norm", VariationalCheck.supDiff(net.values(joint, t), f));
        }
      }
      points[i] = new Point(width, seed, dist, f, d);
    });
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("train", s.train().name().toLowerCase().replace('_', '-'));
    evidence.put("init", init.toString());
    evidence.put("zeta", s.zeta());
    evidence.put("params", params);
    evidence.put("data", s.data().evidence());
    evidence.put("ends", s.ends().name().toLowerCase());
    evidence.put("grid", "step " + fmt(s.h()) + " on [" + fmt(xs[0]) + ", " + fmt(xs[xs.length - 1]) + "], " + t.length
        + " points");
    evidence.put("widths", s.widths());
    evidence.put("seeds", s.seeds());
    evidence.put("affine_part_of_limit", Map.of("ubar", ubar, "vbar", vbar));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Point p : points) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("width", p.width());
      r.put("seed", p.seed());
      r.put("distance", p.distance());
      r.putAll(p.details());
      rows.add(r);
    }
    evidence.put("runs", rows);
    functionsFigure(points, t, gStar, xs, ys).addTo(evidence);
    if (s.train() == Train.OUTPUT_GD) {
      return gdVerdict(judgement, points, evidence);
    }
    return slopeVerdict(judgement, points, evidence);
  }

  private ClaimResult gdVerdict(Judgement judgement, Point[] points, Map<String, Object> evidence) {
    double worst = 0;
    String failure = null;
    for (Point p : points) {
      worst = Math.max(worst, p.distance());
      if (failure == null && !Boolean.TRUE.equals(p.details().get("converged"))) {
        failure = "gradient descent at width " + p.width() + ", seed " + p.seed() + " did not bring its gradient below 1e-13"
            + " of its initial value within " + s.maxIterations() + " iterations";
      } else if (failure == null && !(p.distance() <= s.tolerance())) {
        failure = "at width " + p.width() + ", seed " + p.seed() + " gradient descent's function is " + fmt(p.distance())
            + " from the minimum-norm interpolant (> " + fmt(s.tolerance()) + ")";
      }
    }
    evidence.put("tolerance", s.tolerance());
    evidence.put("max_error", worst);
    String msg = failure != null ? failure
        : "gradient descent on the output layer from a = 0 (u, v unpenalised) reaches the minimum-norm interpolant at every"
            + " width and seed (sup distance " + fmt(worst) + " <= " + fmt(s.tolerance()) + ")";
    return judgement.holds(failure == null, msg, evidence);
  }

  private ClaimResult slopeVerdict(Judgement judgement, Point[] points, Map<String, Object> evidence) {
    SimpleRegression reg = new SimpleRegression();
    for (Point p : points) {
      if (!(p.distance() > 0) || !Double.isFinite(p.distance())) {
        return judgement.error("the distance at width " + p.width() + ", seed " + p.seed() + " is " + p.distance()
            + " (the fit needs positive finite distances)");
      }
      if (s.train() == Train.ALL_LAYERS && !Boolean.TRUE.equals(p.details().get("converged"))) {
        return judgement.error("gradient descent at width " + p.width() + ", seed " + p.seed() + " did not reach the loss "
            + fmt(s.targetLoss()) + " within " + s.maxIterations() + " iterations (loss " + fmt((Double) p.details().get("loss"))
            + "); raise max-iterations");
      }
      reg.addData(Math.log(p.width()), Math.log(p.distance()));
    }
    double slope = reg.getSlope();
    double half = reg.getN() > 2 ? reg.getSlopeConfidenceInterval(1 - s.confidence()) : Double.NaN;
    double lo = slope - half;
    double hi = slope + half;
    Map<String, Object> fit = new LinkedHashMap<>();
    fit.put("slope", slope);
    fit.put("slope_standard_error", reg.getSlopeStdErr());
    fit.put("confidence", s.confidence());
    fit.put("slope_interval", new double[] {lo, hi});
    fit.put("intercept", reg.getIntercept());
    fit.put("r_squared", reg.getRSquare());
    fit.put("pairs", reg.getN());
    fit.put("band", s.band());
    fit.put("judged", s.judgeEstimate() ? "estimate" : "interval");
    fit.put("decreasing_required", s.decreasing());
    Map<String, Object> perWidth = new LinkedHashMap<>();
    for (int w : s.widths()) {
      List<Double> d = new ArrayList<>();
      for (Point p : points) {
        if (p.width() == w) {
          d.add(p.distance());
        }
      }
      perWidth.put(Integer.toString(w), d);
    }
    fit.put("distance_per_width", perWidth);
    evidence.put("fit", fit);
    evidence.put("max_error", Arrays.stream(points).mapToDouble(Point::distance).max().orElse(Double.NaN));
    sweepFigure(points, reg).addTo(evidence);
    String ci = fmt(slope) + " (" + Math.round(100 * s.confidence()) + "% interval [" + fmt(lo) + ", " + fmt(hi)
        + "], " + reg.getN() + " (width, seed) pairs)";
    String failure = null;
    if (!Double.isFinite(half)) {
      failure = "the slope's confidence interval is undefined (fewer than three pairs)";
    } else if (s.band() != null && !s.judgeEstimate() && !(lo >= s.band()[0] && hi <= s.band()[1])) {
      failure = "the fitted slope of log sup|f - g*| against log n is " + ci + ", not inside the band ["
          + fmt(s.band()[0]) + ", " + fmt(s.band()[1]) + "]";
    } else if (s.band() != null && s.judgeEstimate() && !(slope >= s.band()[0] && slope <= s.band()[1])) {
      failure = "the fitted slope of log sup|f - g*| against log n, " + ci + ", is not inside the band ["
          + fmt(s.band()[0]) + ", " + fmt(s.band()[1]) + "]";
    } else if (s.decreasing() && !(hi < 0)) {
      failure = "the distance does not decrease with width at the stated confidence: slope " + ci;
    }
    String msg = failure != null ? failure
        : "sup|f - g*| against width: slope " + ci + (s.band() != null ? (s.judgeEstimate() ? ", the estimate" : "")
            + " inside [" + fmt(s.band()[0]) + ", " + fmt(s.band()[1]) + "]" : "") + (s.decreasing() ? ", decreasing" : "");
    return judgement.holds(failure == null, msg, evidence);
  }

  private Figure sweepFigure(Point[] points, SimpleRegression reg) {
    List<Figure.Series> series = new ArrayList<>();
    for (int sd : s.seeds()) {
      double[] x = Arrays.stream(points).filter(p -> p.seed() == sd).mapToDouble(Point::width).toArray();
      double[] y = Arrays.stream(points).filter(p -> p.seed() == sd).mapToDouble(Point::distance).toArray();
      series.add(new Figure.Series("seed " + sd, x, y));
    }
    double[] w = Arrays.stream(s.widths()).asDoubleStream().toArray();
    double[] fitted = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      fitted[i] = Math.exp(reg.getIntercept() + reg.getSlope() * Math.log(w[i]));
    }
    series.add(new Figure.Series("least squares, slope " + fmt(reg.getSlope()), w, fitted));
    return new Figure("sup |f - g*| on the data's range against the width n (log-log), with the least-squares line",
        "width n", "sup |f - g*|", series);
  }

  /** The limit g*, the data, and the trained functions of the first seed at up to four widths. */
  private Figure functionsFigure(Point[] points, double[] t, double[] gStar, double[] xs, double[] ys) {
    List<Figure.Series> series = new ArrayList<>();
    series.add(Inputs1D.thin("g* (zeta-weighted solution)", t, gStar, 61));
    int[] widths = s.widths();
    int step = Math.max(1, (widths.length + 3) / 4);
    for (int i = 0; i < widths.length; i += step) {
      int w = widths[i];
      for (Point p : points) {
        if (p.width() == w && p.seed() == s.seeds()[0]) {
          series.add(Inputs1D.thin("width " + w + ", seed " + p.seed(), t, p.f(), 61));
        }
      }
    }
    series.add(Figure.Series.points("data", xs.clone(), ys.clone()));
    return new Figure("trained networks and the limit g*", "x", "f(x)", series);
  }


}
