package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.kinds.relu1d.WideReluCheck.Settings;
import ibcheck.crosscheck.kinds.relu1d.WideReluCheck.Train;
import ibcheck.models.AsiReluNetwork;
import ibcheck.models.Initialisation;
import ibcheck.models.WideReluNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hipparchus.random.Well19937c;

/**
 * Trains a wide ReLU network at every (width, seed) pair of a wide-relu check and measures its
 * distance {@code sup |f - g*|} to the infinite-width limit on the limit's grid. Each pair draws its
 * hidden units from a fresh Well19937c seeded {@code seed * 1000003 + width}, so every pair is
 * reproducible on its own and the pairs run in parallel.
 */
final class WidthSweep {
  /**
   * The outcome at one (width, seed) pair.
   *
   * @param distance the distance the verdict judges
   * @param f the trained function on the grid
   * @param details the training's evidence
   */
  record Point(int width, int seed, double distance, double[] f, Map<String, Object> details) {}

  private final Settings s;
  private final Initialisation init;
  private final InfiniteWidthLimit limit;
  private final double[] xs;
  private final double[] ys;
  private final double[] adjusted;

  WidthSweep(Settings settings, Initialisation init, InfiniteWidthLimit limit) {
    this.s = settings;
    this.init = init;
    this.limit = limit;
    this.xs = settings.data().x();
    this.ys = settings.data().y();
    this.adjusted = limit.withoutAffinePart(xs, ys);
  }

  /** Every pair, widths outer and seeds inner. */
  Point[] run() {
    List<int[]> pairs = new ArrayList<>();
    for (int w : s.widths()) {
      for (int sd : s.seeds()) {
        pairs.add(new int[] {w, sd});
      }
    }
    Point[] points = new Point[pairs.size()];
    IntStream.range(0, pairs.size()).parallel().forEach(i -> points[i] = at(pairs.get(i)[0], pairs.get(i)[1]));
    return points;
  }

  private Point at(int width, int seed) {
    Well19937c rng = new Well19937c(seed * 1_000_003L + width);
    if (s.train() == Train.ALL_LAYERS) {
      return allLayers(width, seed, rng);
    }
    double[][] wb = init.sample(width, rng);
    WideReluNetwork net = new WideReluNetwork(wb[0], wb[1], xs);
    WideReluNetwork.Fit fit = net.minNorm(ys);
    double[] f = net.values(fit, limit.t());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("u", fit.u());
    d.put("v", fit.v());
    if (s.train() == Train.OUTPUT_GD) {
      return outputDescent(width, seed, net, fit, f, d);
    }
    WideReluNetwork.Fit joint = net.jointPenalised(ys);
    d.put("sup_joint_penalised_minus_min_norm", VariationalCheck.supDiff(net.values(joint, limit.t()), f));
    return new Point(width, seed, VariationalCheck.supDiff(f, limit.g()), f, d);
  }

  /** Every layer by gradient descent from the anti-symmetric initialisation, on the data less the affine part. */
  private Point allLayers(int width, int seed, Well19937c rng) {
    AsiReluNetwork net = new AsiReluNetwork(init, width, rng);
    AsiReluNetwork.Training tr = net.train(xs, adjusted, s.targetLoss(), s.maxIterations());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("iterations", tr.iterations());
    d.put("loss", tr.loss());
    d.put("step", tr.stepSize());
    d.put("converged", tr.converged());
    double[] f = net.values(limit.t());
    limit.addAffinePart(f);
    return new Point(width, seed, VariationalCheck.supDiff(f, limit.g()), f, d);
  }

  /**
   * Gradient descent on the output layer from a = 0; its distance is to the minimum-norm
   * interpolant {@code minNorm} (values {@code f}), the limit it should reach.
   */
  private Point outputDescent(int width, int seed, WideReluNetwork net, WideReluNetwork.Fit minNorm, double[] f,
      Map<String, Object> d) {
    WideReluNetwork.Descent gd = net.outputLayerGradientDescent(ys, 1e-13, s.maxIterations());
    double[] fg = net.values(gd.fit(), limit.t());
    d.put("iterations", gd.iterations());
    d.put("relative_residual", gd.residual());
    d.put("step", gd.stepSize());
    d.put("converged", gd.converged());
    double da = 0;
    double na = 0;
    for (int k = 0; k < width; k++) {
      da = Math.max(da, Math.abs(gd.fit().a()[k] - minNorm.a()[k]));
      na = Math.max(na, Math.abs(minNorm.a()[k]));
    }
    d.put("max_a_difference_relative", na == 0 ? da : da / na);
    d.put("distance_min_norm_to_limit", VariationalCheck.supDiff(f, limit.g()));
    return new Point(width, seed, VariationalCheck.supDiff(fg, f), fg, d);
  }
}
