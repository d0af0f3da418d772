package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CrosscheckReader;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.spec.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one {@code kind: linearisation} cross-check: the claim, the data, the initialisation's
 * half-widths, the width sweep, the seeds, the step factor, the grid, and the claim's own fields
 * ({@code predicts}, {@code band}, {@code relation} for the rates; {@code tolerance} for min-norm),
 * each checked with a file:line error.
 */
final class LinearisationReader {
  private static final Set<String> CLAIMS = Set.of("lee", "output-layer", "min-norm");

  private LinearisationReader() {}

  /** The rate claims' prediction: the exponent, where it is written, and the band around it. */
  private record Rate(String exponent, String location, double band) {}

  static NumericCheck read(CheckKind.Header header, Map<String, YamlNode> m, YamlNode node) {
    String claim = claim(m, node);
    YamlNode dataNode = YamlNode.require(m, "data", node);
    double[][] data = data(dataNode);
    double[] x = data[0];
    double aw = 1;
    double ab = 2;
    if (m.containsKey("init")) {
      Map<String, YamlNode> im = m.get("init").mapping(Set.of("w", "b"));
      aw = im.containsKey("w") ? CrosscheckReader.number(im.get("w")) : aw;
      ab = im.containsKey("b") ? CrosscheckReader.number(im.get("b")) : ab;
      if (!(aw > 0 && ab > 0)) {
        throw m.get("init").error("init w and b (the half-widths of the uniform distributions) must be positive");
      }
    }
    YamlNode sweep = YamlNode.require(m, "sweep", node);
    int[] widths = widths(sweep);
    int seeds = m.containsKey("seeds") ? m.get("seeds").integer() : 1;
    long firstSeed = m.containsKey("seed") ? m.get("seed").integer() : 1;
    if (seeds < 1 || seeds > 100) {
      throw m.get("seeds").error("seeds must lie in [1, 100]");
    }
    double eta = CrosscheckReader.number(YamlNode.require(m, "eta", node));
    if (!(eta > 0 && eta < 2)) {
      throw m.get("eta").error("eta is a multiple of 1/lambda_max(Theta); gradient descent is stable only below 2");
    }
    double[] grid = m.containsKey("grid") ? grid(m.get("grid")) : x.clone();
    boolean minNorm = claim.equals("min-norm");
    double tolerance = minNorm ? minNormTolerance(m, node) : 0;
    Rate rate = minNorm ? new Rate(null, node.location(), 0) : rate(m, node, sweep, widths.length);
    boolean atMost = atMost(m, minNorm);
    return new LinearisationCheck.Check(header, claim, x, data[1], aw, ab, widths, seeds, firstSeed, eta, grid,
        rate.exponent(), rate.location(), rate.band(), tolerance, atMost);
  }

  private static String claim(Map<String, YamlNode> m, YamlNode node) {
    YamlNode claimNode = YamlNode.require(m, "claim", node);
    String claim = claimNode.text().trim();
    if (!CLAIMS.contains(claim)) {
      throw claimNode.error("claim must be 'lee', 'output-layer' or 'min-norm', got '" + claim + "'");
    }
    return claim;
  }

  /** The data's x and y, 1 to 50 points. */
  private static double[][] data(YamlNode dataNode) {
    Map<String, YamlNode> d = dataNode.mapping(Set.of("x", "y"));
    List<YamlNode> xs = YamlNode.require(d, "x", dataNode).sequence();
    List<YamlNode> ys = YamlNode.require(d, "y", dataNode).sequence();
    if (xs.size() != ys.size() || xs.isEmpty() || xs.size() > 50) {
      throw dataNode.error("data needs 1 to 50 points with as many y as x");
    }
    double[] x = new double[xs.size()];
    double[] y = new double[ys.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = CrosscheckReader.number(xs.get(i));
      y[i] = CrosscheckReader.number(ys.get(i));
    }
    return new double[][] {x, y};
  }

  private static int[] widths(YamlNode sweep) {
    List<YamlNode> ws = YamlNode.require(sweep.mapping(Set.of("width")), "width", sweep).sequence();
    int[] widths = new int[ws.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = ws.get(i).integer();
      if (widths[i] < 1 || widths[i] > 100_000 || (i > 0 && widths[i] <= widths[i - 1])) {
        throw ws.get(i).error("widths must increase and lie in [1, 100000]");
      }
    }
    return widths;
  }

  /** {@code grid: [from, to, points]}: equally spaced points, both ends included. */
  private static double[] grid(YamlNode gridNode) {
    List<YamlNode> g = gridNode.sequence();
    if (g.size() != 3) {
      throw gridNode.error("grid is [from, to, points]");
    }
    double lo = CrosscheckReader.number(g.get(0));
    double hi = CrosscheckReader.number(g.get(1));
    int k = g.get(2).integer();
    if (!(hi > lo) || k < 2 || k > 2000) {
      throw gridNode.error("grid needs from < to and 2 to 2000 points");
    }
    double[] grid = new double[k];
    for (int i = 0; i < k; i++) {
      grid[i] = lo + (hi - lo) * i / (k - 1);
    }
    return grid;
  }

  private static double minNormTolerance(Map<String, YamlNode> m, YamlNode node) {
    double tolerance = CrosscheckReader.number(YamlNode.require(m, "tolerance", node));
    if (!(tolerance > 0 && tolerance < 1)) {
      throw m.get("tolerance").error("tolerance must lie in (0, 1)");
    }
    for (String f : List.of("predicts", "band")) {
      if (m.containsKey(f)) {
        throw m.get(f).error("'" + f + "' belongs to the rate claims (lee, output-layer)");
      }
    }
    return tolerance;
  }

  private static Rate rate(Map<String, YamlNode> m, YamlNode node, YamlNode sweep, int widths) {
    YamlNode p = YamlNode.require(m, "predicts", node);
    String exponent = YamlNode.require(p.mapping(Set.of("exponent")), "exponent", p).text().trim();
    double band = CrosscheckReader.number(YamlNode.require(m, "band", node));
    if (!(band > 0 && band < 2)) {
      throw m.get("band").error("band must lie in (0, 2)");
    }
    if (widths < 3) {
      throw sweep.error("a fitted rate needs at least three widths");
    }
    if (m.containsKey("tolerance")) {
      throw m.get("tolerance").error("'tolerance' belongs to claim: min-norm");
    }
    return new Rate(exponent, p.location(), band);
  }

  /** {@code relation: at-most} (an O(n^exponent) bound) rather than {@code equals}, the default. */
  private static boolean atMost(Map<String, YamlNode> m, boolean minNorm) {
    if (!m.containsKey("relation")) {
      return false;
    }
    String rel = m.get("relation").text().trim();
    if (!rel.equals("equals") && !rel.equals("at-most")) {
      throw m.get("relation").error("relation must be 'equals' (the fitted exponent within band of the predicted one) or"
          + " 'at-most' (an O(n^exponent) bound: the fitted exponent at most the predicted one plus band)");
    }
    if (minNorm) {
      throw m.get("relation").error("'relation' belongs to the rate claims (lee, output-layer)");
    }
    return rel.equals("at-most");
  }
}
