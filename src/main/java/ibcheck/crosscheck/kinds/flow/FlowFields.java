package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.Range;
import ibcheck.crosscheck.read.SyntheticData;

/**
 * The fields the model-running kinds of this family share, declared once: the model, its fixed
 * settings, the swept settings, the data, the tolerance and the flow budget.
 */
final class FlowFields {
  /** The flow's default budget of right-hand-side evaluations per run. */
  static final int DEFAULT_MAX_EVALUATIONS = 2_000_000;

  static final Field MODEL = Field.text("model", "the model: a built-in name, or one the file declares under models");
  static final Field INIT = Field.block("init",
      "the model's fixed settings, e.g. {depth: 3}; values may be a/b; a property may draw any of them").optional();
  static final Field DATA = Field.block("data",
      "regression data: generated {rows, cols, sparse-truth, seed} or explicit {x, y}").draws(SyntheticData.DRAWN);
  static final Field TOLERANCE = Field.number("tolerance", "what the check holds its error to").in(Range.open(0, 1));
  static final Field MAX_EVALUATIONS = Field.integer("max-evaluations", "flow budget per run")
      .in(Range.atLeast(10)).byDefault(String.valueOf(DEFAULT_MAX_EVALUATIONS));

  private FlowFields() {}

  /** The swept settings: {@code {setting: [values]}}; a property may draw a swept setting. */
  static Field sweep(String description) {
    return Field.block("sweep", description + "; a property may draw a swept setting");
  }
}
