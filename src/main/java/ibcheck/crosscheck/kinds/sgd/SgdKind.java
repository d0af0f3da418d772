package ibcheck.crosscheck.kinds.sgd;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
import java.util.Locale;

/**
 * The SGD kinds ({@code moment}, {@code stability}, {@code sharpness}), read by {@link SgdReader}:
 * one class, registered once per {@link SgdCrosscheck.Mode}.
 */
final class SgdKind extends DeclaredKind {
  /** The fields of {@code moment} and {@code stability} on {@code sgd-quadratic}. */
  static final KindFields QUADRATIC = KindFields.of(
      Field.text("model", "sgd-quadratic"),
      Field.block("init", "fixed settings: eta, B, n, dim, seed, scale (default 1)").optional()
          .draws(SgdSettings.SETTINGS),
      Field.block("sweep", "swept settings, each with its values; the cartesian product is checked").optional()
          .draws(SgdSettings.SETTINGS),
      Field.formula("components", "the a_i (or d x d H_i) as a Symja list; else random from n, dim and seed").optional(),
      Field.block("predicts", "{first, second, necessary}: the one-step factors, and (stability) what must hold"),
      Field.choice("method", "moment: the exact moments over all batches, or Monte Carlo", "exact", "monte-carlo")
          .byDefault("exact"),
      Field.integer("samples", "monte-carlo: paths").in(Range.closed(100, 50_000_000)).byDefault("100000"),
      Field.integer("steps", "monte-carlo: steps per path").in(Range.closed(1, 1000)).byDefault("1"),
      Field.number("z", "monte-carlo: allowed standard errors").in(Range.open(0, 50)).byDefault("5"),
      Field.number("tolerance", "relative error bound").in(Range.open(0, 1)));

  /** The fields of {@code sharpness} on {@code two-layer-network}. */
  static final KindFields SHARPNESS = KindFields.of(
      Field.text("model", "two-layer-network"),
      Field.block("init", "the settings rows, cols, hidden, seed").draws(SgdSettings.SHARPNESS_SETTINGS),
      Field.block("sweep", "exactly eta, e.g. {eta: [1, 2, 4]}").draws(SgdSettings.SHARPNESS_SETTINGS),
      Field.block("predicts", "{bound: 2/eta}: the sharpness GD ends at"),
      Field.number("close", "how close to the bound the sharpness must come").in(Range.openClosed(0, 1)).optional(),
      Field.number("tolerance", "relative slack on the bound").in(Range.open(0, 1)));

  private final SgdCrosscheck.Mode mode;

  SgdKind(SgdCrosscheck.Mode mode) {
    super(mode.name().toLowerCase(Locale.ROOT), fields(mode));
    this.mode = mode;
  }

  /** The declaration of a mode's kind. */
  static KindFields fields(SgdCrosscheck.Mode mode) {
    return mode == SgdCrosscheck.Mode.SHARPNESS ? SHARPNESS : QUADRATIC;
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    return mode == SgdCrosscheck.Mode.SHARPNESS ? SgdReader.readSharpness(header, f) : SgdReader.read(header, f, mode);
  }
}
