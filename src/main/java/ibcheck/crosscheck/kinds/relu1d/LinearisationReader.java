package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.spec.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one {@code kind: linearisation} cross-check from its fields, already checked against
 * {@link LinearisationKind#FIELDS}: the data, the initialisation's half-widths, the width sweep, the
 * grid, and the fields each claim needs or refuses ({@code predicts}, {@code band}, {@code relation}
 * for the rates; {@code tolerance} for min-norm), each problem a file:line error.
 */
final class LinearisationReader {
  private LinearisationReader() {}

  /** The rate claims' prediction: the exponent, where it is written, and the band around it. */
  private record Rate(String exponent, String location, double band) {}

  static NumericCheck read(CheckKind.Header header, FieldValues f) {
    Map<String, YamlNode> m = f.nodes();
    YamlNode node = f.owner();
    String claim = f.text("claim");
    YamlNode dataNode = f.node("data");
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
    YamlNode sweep = f.node("sweep");
    int[] widths = CrosscheckReader.increasingWidths(sweep, 100_000);
    double[] grid = m.containsKey("grid") ? grid(m.get("grid")) : x.clone();
    boolean minNorm = claim.equals("min-norm");
    double tolerance = minNorm ? minNormTolerance(f, node) : 0;
    Rate rate = minNorm ? new Rate(null, node.location(), 0) : rate(f, node, sweep, widths.length);
    if (minNorm && f.given("relation")) {
      throw m.get("relation").error("'relation' belongs to the rate claims (lee, output-layer)");
    }
    return new LinearisationCheck.Check(header, claim, x, data[1], aw, ab, widths, f.integer("seeds"),
        f.longInteger("seed"), f.number("eta"), grid, rate.exponent(), rate.location(), rate.band(), tolerance,
        f.text("relation").equals("at-most"));
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

  private static double minNormTolerance(FieldValues f, YamlNode node) {
    YamlNode.require(f.nodes(), "tolerance", node);
    for (String name : List.of("predicts", "band")) {
      if (f.given(name)) {
        throw f.node(name).error("'" + name + "' belongs to the rate claims (lee, output-layer)");
      }
    }
    return f.number("tolerance");
  }

  private static Rate rate(FieldValues f, YamlNode node, YamlNode sweep, int widths) {
    YamlNode p = YamlNode.require(f.nodes(), "predicts", node);
    String exponent = YamlNode.require(p.mapping(Set.of("exponent")), "exponent", p).text().trim();
    YamlNode.require(f.nodes(), "band", node);
    if (widths < 3) {
      throw sweep.error("a fitted rate needs at least three widths");
    }
    if (f.given("tolerance")) {
      throw f.node("tolerance").error("'tolerance' belongs to claim: min-norm");
    }
    return new Rate(exponent, p.location(), f.number("band"));
  }
}
