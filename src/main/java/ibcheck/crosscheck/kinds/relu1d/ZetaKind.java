package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Params;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
import ibcheck.models.Initialisation;
import ibcheck.spec.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code kind: zeta} ({@link ZetaCheck}): the method and its fields, each validated where it is written. */
final class ZetaKind extends DeclaredKind {
  ZetaKind() {
    super(ZetaCheck.NAME, KindFields.of(
        Field.choice("method", "quadrature at points, or Monte Carlo over bins", "quadrature", "monte-carlo"),
        Relu1dFields.INIT,
        Field.formula("density", "the density of (w, b) the initialisation implies"),
        Relu1dFields.ZETA,
        Relu1dFields.PARAMS,
        Field.numbers("points", "quadrature: the points x; a property may draw one as x").optional()
            .draws(Set.of("x")),
        Field.block("bins", "monte-carlo: {from, to, count}").optional(),
        Field.integer("samples", "monte-carlo: samples").in(Range.closed(1000, 100_000_000)).optional(),
        Field.integer("seed", "monte-carlo: the sampler's seed").optional().drawable(),
        Field.number("z", "monte-carlo: allowed standard errors").in(Range.above(0)).optional(),
        Relu1dFields.TOLERANCE));
  }

  @Override
  protected NumericCheck read(Header header, FieldValues v) {
    Map<String, YamlNode> f = v.nodes();
    YamlNode node = v.owner();
    ZetaCheck.Method method = v.text("method").equals("quadrature") ? ZetaCheck.Method.QUADRATURE
        : ZetaCheck.Method.MONTE_CARLO;
    Initialisation.Spec init = Inputs1D.readInit(v.node("init"));
    String density = v.formula("density").text();
    String zeta = v.formula("zeta").text();
    Params params = v.given("params") ? Params.read(v.node("params")) : Params.none();
    double tolerance = v.number("tolerance");
    double[] points = null;
    ZetaCheck.Bins bins = null;
    int samples = 0;
    long seed = 0;
    double z = Double.NaN;
    if (method == ZetaCheck.Method.QUADRATURE) {
      for (String other : List.of("bins", "samples", "seed", "z")) {
        if (f.containsKey(other)) {
          throw f.get(other).error("'" + other + "' belongs to method: monte-carlo");
        }
      }
      YamlNode.require(f, "points", node);
      points = v.numbers("points");
    } else {
      if (f.containsKey("points")) {
        throw f.get("points").error("'points' belongs to method: quadrature (monte-carlo uses bins)");
      }
      YamlNode b = YamlNode.require(f, "bins", node);
      Map<String, YamlNode> bm = b.mapping(Set.of("from", "to", "count"));
      bins = new ZetaCheck.Bins(YamlNode.require(bm, "from", b).text().trim(), YamlNode.require(bm, "to", b).text().trim(),
          YamlNode.require(bm, "count", b).integer());
      if (bins.count() < 1 || bins.count() > 1000) {
        throw bm.get("count").error("count must be between 1 and 1000");
      }
      YamlNode.require(f, "samples", node);
      YamlNode.require(f, "seed", node);
      YamlNode.require(f, "z", node);
      samples = v.integer("samples");
      seed = v.longInteger("seed");
      z = v.number("z");
    }
    return new ZetaCheck(header, new ZetaCheck.Settings(method, init, density, zeta, params, points, bins, samples, seed, z,
        tolerance));
  }
}
