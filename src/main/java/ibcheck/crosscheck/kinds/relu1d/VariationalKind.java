package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.bias.CurvatureVariational.Ends;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Data;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Params;
import ibcheck.spec.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads {@code kind: variational} ({@link VariationalCheck}): the zeta(s), data, ends and reference. */
final class VariationalKind implements CheckKind {
  @Override
  public String name() {
    return VariationalCheck.NAME;
  }

  @Override
  public Set<String> fields() {
    return Set.of("zeta", "params", "data", "ends", "reference", "h", "tolerance");
  }

  @Override
  public NumericCheck read(Header header, Map<String, YamlNode> f, YamlNode node) {
    YamlNode z = YamlNode.require(f, "zeta", node);
    Map<String, String> zetas = new LinkedHashMap<>();
    if (z.isMapping()) {
      z.mapping().forEach((k, v) -> zetas.put(k, v.text().trim()));
    } else {
      zetas.put("zeta " + z.text().trim(), z.text().trim());
    }
    if (zetas.isEmpty()) {
      throw z.error("needs at least one zeta");
    }
    Params params = f.containsKey("params") ? Params.read(f.get("params")) : Params.none();
    Data data = Data.read(YamlNode.require(f, "data", node));
    Ends ends = readEnds(YamlNode.require(f, "ends", node));
    boolean spline = false;
    if (f.containsKey("reference")) {
      String r = f.get("reference").text().trim();
      if (!r.equals("cubic-spline")) {
        throw f.get("reference").error("the only reference is cubic-spline, got '" + r + "'");
      }
      spline = true;
    }
    double h = f.containsKey("h") ? f.get("h").number() : VariationalCheck.DEFAULT_H;
    if (!(h > 0 && h <= 1)) {
      throw f.get("h").error("h must be in (0, 1]");
    }
    return new VariationalCheck(header, new VariationalCheck.Settings(zetas, params, data, ends, spline, h,
        YamlNode.require(f, "tolerance", node).number()));
  }

  static Ends readEnds(YamlNode node) {
    String e = node.text().trim();
    return switch (e) {
      case "natural" -> Ends.NATURAL;
      case "clamped" -> Ends.CLAMPED;
      default -> throw node.error("ends must be natural or clamped, got '" + e + "'");
    };
  }
}
