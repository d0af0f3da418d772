package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.models.Classification;
import ibcheck.spec.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code data:} of a margin cross-check: explicit rows {@code x} with labels {@code y} in
 * {-1, 1}, or n random points in R^dim labelled by a random linear teacher (or by
 * {@code sign(x_1 x_2)}) with a gap around the boundary. {@code push > 0} asks the max-margin check
 * to move every point off the support set to a margin of at least {@code 1 + push}.
 *
 * @param x the explicit rows, or null for random data
 * @param y the explicit labels, or null
 */
record SeparableData(double[][] x, double[] y, int n, int dim, double gap, long seed, boolean xor, double push) {
  /** The settings a cross-check may draw for random data. */
  static final Set<String> SETTINGS = Set.of("n", "dim", "gap", "dataseed");

  static SeparableData read(YamlNode node) {
    Map<String, YamlNode> d = node.mapping(Set.of("n", "dim", "gap", "seed", "labels", "push", "x", "y"));
    if (d.containsKey("x") || d.containsKey("y")) {
      return readExplicit(d, node);
    }
    int n = YamlNode.require(d, "n", node).integer();
    int dim = YamlNode.require(d, "dim", node).integer();
    double gap = d.containsKey("gap") ? CrosscheckReader.number(d.get("gap")) : 0;
    long seed = YamlNode.require(d, "seed", node).integer();
    boolean xor = false;
    if (d.containsKey("labels")) {
      String l = d.get("labels").text().trim();
      if (!l.equals("teacher") && !l.equals("xor")) {
        throw d.get("labels").error("labels must be 'teacher' (a random linear teacher) or 'xor' (sign(x_1 x_2))");
      }
      xor = l.equals("xor");
    }
    if (n < 2 || n > 2000 || dim < 1 || dim > 200 || !(gap >= 0 && gap < 3)) {
      throw node.error("random separable data needs 2 <= n <= 2000, 1 <= dim <= 200, 0 <= gap < 3");
    }
    double push = d.containsKey("push") ? CrosscheckReader.number(d.get("push")) : 0;
    if (!(push >= 0 && push <= 10)) {
      throw d.get("push").error("push must lie in [0, 10]");
    }
    return new SeparableData(null, null, n, dim, gap, seed, xor, push);
  }

  private static SeparableData readExplicit(Map<String, YamlNode> d, YamlNode node) {
    for (String k : List.of("n", "dim", "gap", "seed", "labels", "push")) {
      if (d.containsKey(k)) {
        throw d.get(k).error("explicit data (x, y) takes no '" + k + "'");
      }
    }
    List<YamlNode> rows = YamlNode.require(d, "x", node).sequence();
    List<YamlNode> labels = YamlNode.require(d, "y", node).sequence();
    if (rows.size() != labels.size() || rows.isEmpty() || rows.size() > 2000) {
      throw node.error("explicit data needs as many labels as rows (1 to 2000)");
    }
    double[][] x = new double[rows.size()][];
    double[] y = new double[rows.size()];
    for (int i = 0; i < x.length; i++) {
      List<YamlNode> row = rows.get(i).sequence();
      x[i] = new double[row.size()];
      for (int k = 0; k < row.size(); k++) {
        x[i][k] = CrosscheckReader.number(row.get(k));
      }
      y[i] = CrosscheckReader.number(labels.get(i));
      if (y[i] != 1 && y[i] != -1) {
        throw labels.get(i).error("labels must be -1 or 1");
      }
      if (x[i].length != x[0].length) {
        throw rows.get(i).error("every row must have the same length");
      }
    }
    return new SeparableData(x, y, x.length, x[0].length, 0, 0, false, 0);
  }

  /**
   * These data, or, when any of {@link #SETTINGS} is drawn, random data like these with the drawn ones.
   *
   * @throws IllegalArgumentException when explicit data, which have nothing to draw, meet a draw
   */
  SeparableData drawn(Drawn d, String check) {
    Set<String> drawnHere = d.among(SETTINGS).keySet();
    if (drawnHere.isEmpty()) {
      return this;
    }
    if (x != null) {
      throw new IllegalArgumentException("cross-check '" + check + "' has explicit data; it cannot draw "
          + String.join(", ", drawnHere));
    }
    return new SeparableData(null, null, d.integer("n", n), d.integer("dim", dim), d.number("gap", gap),
        d.longInteger("dataseed", seed), xor, push);
  }

  Classification classification() {
    return x != null ? new Classification(x, y) : Classification.separable(n, dim, gap, seed, xor);
  }

  Map<String, Object> evidence() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (x != null) {
      m.put("explicit", true);
      m.put("rows", x.length);
    } else {
      m.put("n", n);
      m.put("dim", dim);
      m.put("gap", gap);
      m.put("seed", seed);
      m.put("labels", xor ? "xor: sign(x_1 x_2)" : "a random linear teacher");
    }
    if (push > 0) {
      m.put("push", push);
      m.put("pushed", "every point off the support set moved along y_i w_hat to a margin of at least 1 + push (w_hat and"
          + " the alpha_i unchanged)");
    }
    return m;
  }
}
