package ibcheck.crosscheck.kinds.relu1d;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.bias.CurvatureVariational.Ends;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.Judgement;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Data;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Formula;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Params;
import ibcheck.crosscheck.kinds.relu1d.WidthSweep.Point;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.models.AsiReluNetwork;
import ibcheck.models.Initialisation;
import ibcheck.models.WideReluNetwork;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: wide-relu} ({@link WideReluKind} reads it): the wide shallow ReLU network of one input
 * against the zeta-weighted variational solution g* computed from the file's zeta
 * ({@link InfiniteWidthLimit}, Euler-Lagrange form with the file's {@code ends}). The networks are
 * trained over (width, seed) pairs by {@link WidthSweep}; the distance is {@code sup |f - g*|} on a
 * grid of step {@code h} over the data's range.
 *
 * <ul>
 *   <li>{@code train: output-layer}: the output layer from a = 0 with u, v unpenalised, at its
 *       gradient-descent limit, the minimum-norm interpolant ({@link WideReluNetwork#minNorm}).
 *   <li>{@code train: output-gd}: gradient descent itself on that output layer; it must land on the
 *       minimum-norm interpolant ({@code sup |f_GD - f_min-norm| <= tolerance}).
 *   <li>{@code train: all-layers}: the seed's full network, every layer trained by gradient descent
 *       from the anti-symmetric initialisation ({@link AsiReluNetwork}), on the data adjusted by the
 *       affine part ubar x + vbar of the infinite-width solution; the distance is then
 *       {@code sup |f + ubar x + vbar - g*|}.
 * </ul>
 *
 * The sweeps ({@code output-layer}, {@code all-layers}) are judged by the slope of
 * {@code log(distance)} against {@code log(width)} ({@link WidthSlope}).
 */
final class WideReluCheck implements NumericCheck {
  static final String NAME = "wide-relu";

  enum Train { OUTPUT_LAYER, OUTPUT_GD, ALL_LAYERS }

  record Settings(Train train, Initialisation.Spec init, String zeta, Params params, Data data, Ends ends, int[] widths,
      int[] seeds, double[] band, boolean judgeEstimate, boolean decreasing, double confidence, double tolerance, double h,
      double targetLoss, int maxIterations) {
    /** These settings with other parameters, data, widths and seeds. */
    Settings with(Params params, Data data, int[] widths, int[] seeds) {
      return new Settings(train, init, zeta, params, data, ends, widths, seeds, band, judgeEstimate, decreasing, confidence,
          tolerance, h, targetLoss, maxIterations);
    }
  }

  private final CheckKind.Header header;
  private final Settings s;

  WideReluCheck(CheckKind.Header header, Settings settings) {
    this.header = header;
    this.s = settings;
  }

  @Override
  public CheckKind.Header header() {
    return header;
  }

  @Override
  public NumericCheck instantiate(Map<String, Double> drawn) {
    Drawn d = Drawn.of(drawn, name(), WideReluKind.FIELDS, s.params().names());
    int[] widths = d.has("width") ? new int[] {d.integer("width", 0)} : s.widths();
    if (d.has("maxwidth")) {
      double max = d.number("maxwidth", 0);
      widths = Arrays.stream(widths).filter(w -> w <= max).toArray();
    }
    int[] seeds = d.has("seed") ? new int[] {d.integer("seed", 0)} : s.seeds();
    return new WideReluCheck(header, s.with(s.params().drawn(d), s.data().drawn(d), widths, seeds));
  }

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
    InfiniteWidthLimit limit;
    try {
      limit = InfiniteWidthLimit.of(s.data().x(), s.data().y(), zeta::value, s.ends(), s.h());
    } catch (IllegalArgumentException e) {
      return judgement.error("the limit g*: " + e.getMessage());
    }
    if (s.train() == Train.ALL_LAYERS && !init.symmetric()) {
      return judgement.error("train: all-layers adjusts the data by the infinite-width affine part, which needs (W, B) and"
          + " (-W, -B) equal in law; " + init + " is not symmetric");
    }
    Point[] points = new WidthSweep(s, init, limit).run();
    Map<String, Object> evidence = evidence(init, params, limit, points);
    if (s.train() == Train.OUTPUT_GD) {
      return gdVerdict(judgement, points, evidence);
    }
    return WidthSlope.verdict(s, judgement, points, evidence);
  }

  private Map<String, Object> evidence(Initialisation init, Map<String, Double> params, InfiniteWidthLimit limit,
      Point[] points) {
    double[] xs = s.data().x();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("train", s.train().name().toLowerCase().replace('_', '-'));
    evidence.put("init", init.toString());
    evidence.put("zeta", s.zeta());
    evidence.put("params", params);
    evidence.put("data", s.data().evidence());
    evidence.put("ends", s.ends().name().toLowerCase());
    evidence.put("grid", "step " + fmt(s.h()) + " on [" + fmt(xs[0]) + ", " + fmt(xs[xs.length - 1]) + "], "
        + limit.t().length + " points");
    evidence.put("widths", s.widths());
    evidence.put("seeds", s.seeds());
    evidence.put("affine_part_of_limit", Map.of("ubar", limit.ubar(), "vbar", limit.vbar()));
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
    functionsFigure(points, limit).addTo(evidence);
    return evidence;
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

  /** The limit g*, the data, and the trained functions of the first seed at up to four widths. */
  private Figure functionsFigure(Point[] points, InfiniteWidthLimit limit) {
    double[] t = limit.t();
    List<Figure.Series> series = new ArrayList<>();
    series.add(Inputs1D.thin("g* (zeta-weighted solution)", t, limit.g(), 61));
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
    series.add(Figure.Series.points("data", s.data().x().clone(), s.data().y().clone()));
    return new Figure("trained networks and the limit g*", "x", "f(x)", series);
  }
}
