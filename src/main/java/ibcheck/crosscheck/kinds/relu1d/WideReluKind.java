package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Data;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Params;
import ibcheck.crosscheck.kinds.relu1d.WideReluCheck.Settings;
import ibcheck.crosscheck.kinds.relu1d.WideReluCheck.Train;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
import ibcheck.models.Initialisation;
import ibcheck.spec.YamlNode;
import java.util.Map;
import java.util.Set;

/**
 * {@code kind: wide-relu}: reads and validates the fields of a {@link WideReluCheck}. A width sweep
 * ({@code output-layer}, {@code all-layers}) needs a verdict ({@code band} or {@code decreasing}) and
 * at least three (width, seed) pairs for its slope; {@code output-gd} needs a {@code tolerance}.
 */
final class WideReluKind extends DeclaredKind {
  static final KindFields FIELDS = KindFields.of(
      Field.choice("train", "what gradient descent trains", "output-layer", "output-gd", "all-layers"),
      Relu1dFields.INIT, Relu1dFields.ZETA, Relu1dFields.PARAMS, Relu1dFields.DATA, Relu1dFields.ENDS,
      Field.numbers("widths", "the widths, whole numbers; a property may draw one as width, or maxwidth")
          .in(Range.closed(1, 10_000_000)).draws(Set.of("width", "maxwidth")),
      Field.list("seeds", "the initialisations' seeds, whole numbers; a property may draw one as seed")
          .draws(Set.of("seed")),
      Field.numbers("band", "[low, high]: the slope's confidence interval (or estimate) must lie in it").optional(),
      Field.choice("judge", "the slope's confidence interval or its estimate must lie in the band",
          "interval", "estimate").byDefault("interval"),
      Field.flag("decreasing", "the distance must decrease with width").byDefault("false"),
      Field.number("confidence", "of the slope's interval").in(Range.open(0, 1)).byDefault("0.95"),
      Field.number("tolerance", "output-gd: bound on sup |f_GD - f_min-norm|").in(Range.above(0)).optional(),
      Relu1dFields.H,
      Field.number("target-loss", "gradient descent stops below this loss").in(Range.above(0)).byDefault("1e-8"),
      Field.integer("max-iterations", "gradient descent's budget").in(Range.atLeast(1)).byDefault("200000"));

  WideReluKind() {
    super(WideReluCheck.NAME, FIELDS);
  }

  @Override
  protected NumericCheck read(Header header, FieldValues v) {
    Map<String, YamlNode> f = v.nodes();
    YamlNode node = v.owner();
    Train train = switch (v.text("train")) {
      case "output-layer" -> Train.OUTPUT_LAYER;
      case "output-gd" -> Train.OUTPUT_GD;
      default -> Train.ALL_LAYERS;
    };
    Initialisation.Spec init = Inputs1D.readInit(v.node("init"));
    String zeta = v.formula("zeta").text();
    Params params = v.given("params") ? Params.read(v.node("params")) : Params.none();
    Data data = Data.read(v.node("data"));
    int[] widths = Inputs1D.integers(v.node("widths"));
    int[] seeds = Inputs1D.integers(v.node("seeds"));
    double[] band = v.given("band") ? readBand(v.node("band")) : null;
    boolean decreasing = v.flag("decreasing");
    requireVerdict(train, band != null || decreasing, widths.length * seeds.length, f, node);
    return new WideReluCheck(header, new Settings(train, init, zeta, params, data, VariationalKind.ends(v), widths, seeds,
        band, v.text("judge").equals("estimate"), decreasing, v.number("confidence"), v.number("tolerance"),
        v.number("h"), v.number("target-loss"), v.integer("max-iterations")));
  }

  /** {@code [low, high]} with low < high. */
  private static double[] readBand(YamlNode node) {
    double[] band = Inputs1D.numbers(node);
    if (band.length != 2 || !(band[0] < band[1])) {
      throw node.error("band must be [low, high] with low < high");
    }
    return band;
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
