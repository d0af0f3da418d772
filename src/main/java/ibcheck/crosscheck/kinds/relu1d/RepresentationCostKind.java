package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.RepresentationCostCheck.Check;
import ibcheck.crosscheck.kinds.relu1d.RepresentationCostCheck.Points;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
import ibcheck.spec.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kind: representation-cost}: reads and checks the fields of a
 * {@link RepresentationCostCheck}; which blocks a cross-check needs depends on its {@code claim}.
 */
final class RepresentationCostKind extends DeclaredKind {
  static final KindFields FIELDS = KindFields.of(
      Field.choice("claim", "the least cost's closed form, a bound on random networks, or the cost gradient"
          + " descent attains", "minimum", "bound", "attained"),
      Field.formula("cost", "the representation cost C in tv (total variation of h') and ends"),
      Field.formula("minimum", "minimum: the least cost in V and S").optional(),
      Field.list("data", "minimum and attained: datasets {x: [...], y: [...]}, x increasing").optional(),
      Field.block("random", "minimum: {count, seed} random datasets besides the file's").optional()
          .draws(Set.of("count", "seed")),
      Field.block("networks", "bound: {count, width: [min, max], seed, x: [...]} random networks").optional()
          .draws(Set.of("count", "seed")),
      Field.block("train", "attained: {width, lambda, eta, iterations, seed} of gradient descent with weight decay")
          .optional().draws(Set.of("width", "lambda", "seed")),
      Field.number("tolerance", "relative error bound").in(Range.open(0, 1)));

  /** The random networks of {@code claim: bound}. */
  private record Networks(int count, int minWidth, int maxWidth, long seed, Points at) {}

  /** Gradient descent with weight decay, for {@code claim: attained}. */
  private record Train(int width, double lambda, double eta, int iterations, long seed) {}

  RepresentationCostKind() {
    super(RepresentationCostCheck.NAME, FIELDS);
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    Map<String, YamlNode> m = f.nodes();
    YamlNode node = f.owner();
    String claim = f.text("claim");
    KindSupport.Formula cost = f.formula("cost");
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
      belongsTo(m, "claim: minimum", "minimum", "random");
    }
    List<Points> data = claim.equals("bound") ? new ArrayList<>() : datasets(YamlNode.require(m, "data", node));
    Networks nets = null;
    if (claim.equals("bound")) {
      nets = networks(YamlNode.require(m, "networks", node));
      count = nets.count();
      seed = nets.seed();
      data.add(nets.at());
    } else {
      belongsTo(m, "claim: bound", "networks");
    }
    Train train = new Train(0, 0, 0, 0, seed);
    if (claim.equals("attained")) {
      train = train(YamlNode.require(m, "train", node));
    } else {
      belongsTo(m, "claim: attained", "train");
    }
    return new Check(header, claim, cost.text(), minimum, cost.location(), data, count,
        nets == null ? 0 : nets.minWidth(), nets == null ? 0 : nets.maxWidth(), train.seed(), train.width(),
        train.lambda(), train.eta(), train.iterations(), f.number("tolerance"));
  }

  /** Fields a cross-check with another claim takes. */
  private static void belongsTo(Map<String, YamlNode> m, String owner, String... fields) {
    for (String f : fields) {
      if (m.containsKey(f)) {
        throw m.get(f).error("'" + f + "' belongs to " + owner);
      }
    }
  }

  private static List<Points> datasets(YamlNode list) {
    List<Points> data = new ArrayList<>();
    for (YamlNode d : list.sequence()) {
      Map<String, YamlNode> dm = d.mapping(Set.of("x", "y"));
      List<YamlNode> xs = YamlNode.require(dm, "x", d).sequence();
      List<YamlNode> ys = YamlNode.require(dm, "y", d).sequence();
      if (xs.size() != ys.size() || xs.size() < 2 || xs.size() > 100) {
        throw d.error("a dataset needs 2 to 100 points with as many y as x");
      }
      double[] y = new double[ys.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = CrosscheckReader.number(ys.get(i));
      }
      data.add(new Points(increasing(xs), y));
    }
    return data;
  }

  private static Networks networks(YamlNode nets) {
    Map<String, YamlNode> nm = nets.mapping(Set.of("count", "width", "seed", "x"));
    int count = YamlNode.require(nm, "count", nets).integer();
    List<YamlNode> wr = YamlNode.require(nm, "width", nets).sequence();
    if (wr.size() != 2) {
      throw nm.get("width").error("width is a range [min, max]");
    }
    int minWidth = wr.get(0).integer();
    int maxWidth = wr.get(1).integer();
    long seed = YamlNode.require(nm, "seed", nets).integer();
    double[] x = increasing(YamlNode.require(nm, "x", nets).sequence());
    if (x.length < 2 || count < 1 || count > 100_000 || minWidth < 1 || maxWidth < minWidth || maxWidth > 10_000) {
      throw nets.error("networks needs count >= 1, 1 <= width min <= max <= 10000 and at least two points x");
    }
    return new Networks(count, minWidth, maxWidth, seed, new Points(x, null));
  }

  private static Train train(YamlNode tr) {
    Map<String, YamlNode> tm = tr.mapping(Set.of("width", "lambda", "eta", "iterations", "seed"));
    int width = YamlNode.require(tm, "width", tr).integer();
    double lambda = CrosscheckReader.number(YamlNode.require(tm, "lambda", tr));
    double eta = CrosscheckReader.number(YamlNode.require(tm, "eta", tr));
    int iterations = YamlNode.require(tm, "iterations", tr).integer();
    long seed = YamlNode.require(tm, "seed", tr).integer();
    if (width < 1 || width > 10_000 || !(lambda > 0) || !(eta > 0) || iterations < 1) {
      throw tr.error("train needs 1 <= width <= 10000, lambda > 0, eta > 0 and iterations >= 1");
    }
    return new Train(width, lambda, eta, iterations, seed);
  }

  /** The numbers of a list, which must increase. */
  private static double[] increasing(List<YamlNode> xs) {
    double[] x = new double[xs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = CrosscheckReader.number(xs.get(i));
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw xs.get(i).error("x must increase");
      }
    }
    return x;
  }
}
