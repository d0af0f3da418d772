package ibcheck.crosscheck.kinds.matrix;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
import ibcheck.models.MatrixFactorisation;
import ibcheck.spec.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kind: nuclear-norm}: reads and checks the fields of a {@link NuclearNormCheck} (matrix
 * sensing data, the initialisation's seed, the decreasing alpha sweep, the spectral penalty, the
 * trend and the tolerance, a relative distance).
 */
final class NuclearNormKind extends DeclaredKind {
  /** {@code data:}, the random sensing problem. */
  static final KindFields DATA = KindFields.of(
      Field.integer("size", "n: X* is n x n").in(Range.closed(2, 12)).drawable(),
      Field.integer("measurements", "random symmetric Gaussian measurements, at most n(n+1)/2").in(Range.atLeast(1))
          .drawable(),
      Field.integer("rank", "the rank of X*, at most n").in(Range.atLeast(1)).drawable(),
      Field.integer("seed", "the seed of X* and the measurements").draws(Set.of("dataseed")));
  /** {@code init:}, the random initialisation's seed. */
  static final KindFields INIT = KindFields.of(
      Field.integer("seed", "the seed of the random initialisation").in(Range.atLeast(1)).draws(Set.of("initseed")));
  static final KindFields FIELDS = KindFields.of(
      Field.text("model", MatrixFactorisation.GENERAL),
      Field.block("data", "{size, measurements, rank, seed}").draws(DATA.drawable()),
      Field.block("init", "{seed} of the random initialisation (default 1)").optional().draws(INIT.drawable()),
      Field.block("sweep", "{alpha: [...]}, positive and decreasing, at least two values"),
      Field.block("predicts", "{spectral: p(s)}: argmin sum_k p(lambda_k(X)) subject to the measurements"),
      Field.choice("trend", "the relative distance to the prediction shrinks to within tolerance, or does not",
          "approaches", "departs"),
      Field.number("tolerance", "bound on |X_flow - X_pred|_F / |X_pred|_F at the last alpha").in(Range.open(0, 10)));

  NuclearNormKind() {
    super("nuclear-norm", FIELDS);
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    YamlNode model = f.node("model");
    if (!f.text("model").equals(MatrixFactorisation.GENERAL)) {
      throw model.error("a nuclear-norm cross-check runs on model '" + MatrixFactorisation.GENERAL + "'");
    }
    YamlNode dataNode = f.node("data");
    FieldValues d = DATA.read(dataNode.mapping(DATA.names()), dataNode);
    int n = d.integer("size");
    int meas = d.integer("measurements");
    int rank = d.integer("rank");
    if (meas > n * (n + 1) / 2 || rank > n) {
      throw dataNode.error("matrix sensing needs 2 <= size <= 12, 1 <= measurements <= size(size+1)/2, 1 <= rank <= size");
    }
    long initSeed = 1;
    if (f.given("init")) {
      YamlNode initNode = f.node("init");
      initSeed = INIT.read(initNode.mapping(INIT.names()), initNode).longInteger("seed");
    }
    YamlNode predicts = f.node("predicts");
    Map<String, YamlNode> p = predicts.mapping(Set.of("spectral"));
    String spectral = YamlNode.require(p, "spectral", predicts).text().trim();
    return new NuclearNormCheck.Check(header, n, meas, rank, d.longInteger("seed"), initSeed, alphas(f.node("sweep")),
        spectral, predicts.location(), f.text("trend").equals("approaches"), f.number("tolerance"));
  }

  /** The alpha sweep: positive, decreasing towards the small-initialisation limit, at least two values. */
  private static double[] alphas(YamlNode sweep) {
    Map<String, YamlNode> sm = sweep.mapping(Set.of("alpha"));
    List<YamlNode> values = YamlNode.require(sm, "alpha", sweep).sequence();
    double[] alphas = new double[values.size()];
    for (int i = 0; i < alphas.length; i++) {
      alphas[i] = CrosscheckReader.number(values.get(i));
      if (!(alphas[i] > 0) || (i > 0 && !(alphas[i] < alphas[i - 1]))) {
        throw values.get(i).error("the alpha sweep must be positive and decreasing (towards the small-initialisation limit)");
      }
    }
    if (alphas.length < 2) {
      throw sweep.error("a trend needs at least two values of alpha");
    }
    return alphas;
  }
}
