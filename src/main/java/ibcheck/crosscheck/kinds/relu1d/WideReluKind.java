package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.bias.CurvatureVariational.Ends;
import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Data;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Params;
import ibcheck.crosscheck.kinds.relu1d.WideReluCheck.Settings;
import ibcheck.crosscheck.kinds.relu1d.WideReluCheck.Train;
import ibcheck.models.Initialisation;
import ibcheck.spec.YamlNode;
import java.util.Map;
import java.util.Set;

/**
 * {@code kind: wide-relu}: reads and validates the fields of a {@link WideReluCheck}. A width sweep
 * ({@code output-layer}, {@code all-layers}) needs a verdict ({@code band} or {@code decreasing}) and
 * at least three (width, seed) pairs for its slope; {@code output-gd} needs a {@code tolerance}.
 */
final class WideReluKind implements CheckKind {
  static final double DEFAULT_H = 0.01;

  @Override
  public String name() {
    return WideReluCheck.NAME;
  }

  @Override
  public Set<String> fields() {
    return Set.of("train", "init", "zeta", "params", "data", "ends", "widths", "seeds", "band", "judge", "decreasing",
        "confidence", "tolerance", "h", "target-loss", "max-iterations");
  }

  @Override
  public NumericCheck read(Header header, Map<String, YamlNode> f, YamlNode node) {
    Train train = readTrain(f, node);
    Initialisation.Spec init = Inputs1D.readInit(YamlNode.require(f, "init", node));
    String zeta = YamlNode.require(f, "zeta", node).text().trim();
    Params params = f.containsKey("params") ? Params.read(f.get("params")) : Params.none();
    Data data = Data.read(YamlNode.require(f, "data", node));
    Ends ends = VariationalKind.readEnds(YamlNode.require(f, "ends", node));
    int[] widths = Inputs1D.integers(YamlNode.require(f, "widths", node));
    int[] seeds = Inputs1D.integers(YamlNode.require(f, "seeds", node));
    for (int w : widths) {
      if (w < 1 || w > 10_000_000) {
        throw f.get("widths").error("widths must be between 1 and 10000000, got " + w);
      }
    }
    double[] band = f.containsKey("band") ? readBand(f.get("band")) : null;
    boolean estimate = f.containsKey("judge") && readJudge(f.get("judge"));
    boolean decreasing = f.containsKey("decreasing") && f.get("decreasing").bool();
    requireVerdict(train, band != null || decreasing, widths.length * seeds.length, f, node);
    double confidence = f.containsKey("confidence") ? f.get("confidence").number() : 0.95;
    if (!(confidence > 0 && confidence < 1)) {
      throw f.get("confidence").error("confidence must be in (0, 1)");
    }
    double tolerance = f.containsKey("tolerance") ? f.get("tolerance").number() : Double.NaN;
    double h = f.containsKey("h") ? f.get("h").number() : DEFAULT_H;
    double target = f.containsKey("target-loss") ? f.get("target-loss").number() : 1e-8;
    int maxIt = f.containsKey("max-iterations") ? f.get("max-iterations").integer() : 200_000;
    return new WideReluCheck(header, new Settings(train, init, zeta, params, data, ends, widths, seeds, band, estimate,
        decreasing, confidence, tolerance, h, target, maxIt));
  }

  private static Train readTrain(Map<String, YamlNode> f, YamlNode node) {
    String t = YamlNode.require(f, "train", node).text().trim();
    return switch (t) {
      case "output-layer" -> Train.OUTPUT_LAYER;
      case "output-gd" -> Train.OUTPUT_GD;
      case "all-layers" -> Train.ALL_LAYERS;
      default -> throw f.get("train").error("train must be output-layer, output-gd or all-layers, got '" + t + "'");
    };
  }

  /** {@code [low, high]} with low < high. */
  private static double[] readBand(YamlNode node) {
    double[] band = Inputs1D.numbers(node);
    if (band.length != 2 || !(band[0] < band[1])) {
      throw node.error("band must be [low, high] with low < high");
    }
    return band;
  }

  /** Whether the fitted slope itself is judged ({@code estimate}) rather than its interval. */
  private static boolean readJudge(YamlNode node) {
    String j = node.text().trim();
    return switch (j) {
      case "interval" -> false;
      case "estimate" -> true;
      default -> throw node.error("judge must be interval (the slope's confidence interval must lie in the"
          + " band) or estimate (the fitted slope must), got '" + j + "'");
    };
  }

  private static void requireVerdict(Train train, boolean hasVerdict, int pairs, Map<String, YamlNode> f, YamlNode node) {
    if (train != Train.OUTPUT_GD && !hasVerdict) {
      throw node.error("a width sweep needs a verdict: 'band: [low, high]' for the slope, or 'decreasing: true'");
    }
    if (train != Train.OUTPUT_GD && pairs < 3) {
      throw f.get("widths").error("a slope fit needs at least three (width, seed) pairs");
    }
    if (train == Train.OUTPUT_GD && !f.containsKey("tolerance")) {
      throw node.error("train: output-gd needs a 'tolerance' for sup |f_GD - f_min-norm|");
    }
  }
}
