package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Params;
import ibcheck.models.Initialisation;
import ibcheck.spec.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code kind: zeta} ({@link ZetaCheck}): the method and its fields, each validated where it is written. */
final class ZetaKind implements CheckKind {
  @Override
  public String name() {
    return ZetaCheck.NAME;
  }

  @Override
  public Set<String> fields() {
    return Set.of("method", "init", "density", "zeta", "params", "points", "bins", "samples", "seed", "z", "tolerance");
  }

  @Override
  public NumericCheck read(Header header, Map<String, YamlNode> f, YamlNode node) {
    String m = YamlNode.require(f, "method", node).text().trim();
    ZetaCheck.Method method = switch (m) {
      case "quadrature" -> ZetaCheck.Method.QUADRATURE;
      case "monte-carlo" -> ZetaCheck.Method.MONTE_CARLO;
      default -> throw f.get("method").error("method must be quadrature or monte-carlo, got '" + m + "'");
    };
    Initialisation.Spec init = Inputs1D.readInit(YamlNode.require(f, "init", node));
    String density = YamlNode.require(f, "density", node).text().trim();
    String zeta = YamlNode.require(f, "zeta", node).text().trim();
    Params params = f.containsKey("params") ? Params.read(f.get("params")) : Params.none();
    double tolerance = YamlNode.require(f, "tolerance", node).number();
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
      points = Inputs1D.numbers(YamlNode.require(f, "points", node));
      if (points.length == 0) {
        throw f.get("points").error("needs at least one point");
      }
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
      samples = YamlNode.require(f, "samples", node).integer();
      if (samples < 1000 || samples > 100_000_000) {
        throw f.get("samples").error("samples must be between 1000 and 100000000");
      }
      seed = YamlNode.require(f, "seed", node).integer();
      z = YamlNode.require(f, "z", node).number();
      if (!(z > 0)) {
        throw f.get("z").error("z must be positive");
      }
    }
    return new ZetaCheck(header, new ZetaCheck.Settings(method, init, density, zeta, params, points, bins, samples, seed, z,
        tolerance));
  }
}
