package ibcheck.crosscheck.kinds.sgd;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.spec.YamlNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SGD kinds ({@code moment}, {@code stability}, {@code sharpness}), read by {@link SgdReader}:
 * one class, registered once per {@link SgdCrosscheck.Mode}.
 */
final class SgdKind implements CheckKind {
  private static final Set<String> QUADRATIC_FIELDS = Set.of("model", "init", "sweep", "components", "predicts",
      "method", "samples", "steps", "z", "tolerance");
  private static final Set<String> SHARPNESS_FIELDS = Set.of("model", "init", "sweep", "predicts", "close", "tolerance");

  private final SgdCrosscheck.Mode mode;

  SgdKind(SgdCrosscheck.Mode mode) {
    this.mode = mode;
  }

  @Override
  public String name() {
    return mode.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Set<String> fields() {
    return mode == SgdCrosscheck.Mode.SHARPNESS ? SHARPNESS_FIELDS : QUADRATIC_FIELDS;
  }

  @Override
  public NumericCheck read(Header header, Map<String, YamlNode> m, YamlNode node) {
    return mode == SgdCrosscheck.Mode.SHARPNESS ? SgdReader.readSharpness(header, node, m)
        : SgdReader.read(header, node, m, mode);
  }
}
