package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
import ibcheck.flow.ClassificationFlow;
import ibcheck.models.ReluFeatures;
import java.util.Set;

/**
 * {@code kind: max-margin}: the fields of a {@link MaxMarginCheck}, declared once;
 * {@link MaxMarginReader} builds the check from them.
 */
final class MaxMarginKind extends DeclaredKind {
  static final KindFields FIELDS = KindFields.of(
      Field.choice("model", "a linear classifier, or a trained output layer on frozen random ReLU features",
          "linear", ReluFeatures.NAME),
      Field.block("data", "separable data: generated {n, dim, gap, seed} or explicit {x, y}")
          .draws(SeparableData.SETTINGS),
      Field.integer("width", "relu-features: the number of features").in(Range.closed(1, 100_000)).optional()
          .drawable(),
      Field.integer("feature-seed", "relu-features: the seed of the features").optional().draws(Set.of("featureseed")),
      Field.block("init", "{scale, seed}: the initialisation (default 0 and 1)").optional()
          .draws(Set.of("scale", "initseed")),
      Field.formula("loss", "the loss l(z) of the margin z"),
      Field.choice("method", "gradient flow in log time, or gradient descent", "flow", "gd"),
      Field.number("eta", "gd: the step").in(Range.above(0)).optional(),
      Field.number("log-time", "flow: log t at the end of the flow").in(Range.closed(8, ClassificationFlow.MAX_LOG_TIME))
          .optional(),
      Field.integer("iterations", "gd: the number of steps").in(Range.closed(1000, 100_000_000)).optional(),
      Field.block("predicts", "{rate, offset}: the angle's rate and the offset law for w_tilde"),
      Field.number("tolerance", "bound on the residual |w(T) - w_hat log T - w_tilde| at the end").in(Range.above(0)),
      Field.number("band", "relative deviation allowed in the fitted rate").in(Range.open(0, 1)),
      Field.choice("residual", "within tolerance at the end, or also while still decaying at the predicted exponent",
          "tolerance", "decay").byDefault("tolerance"));

  MaxMarginKind() {
    super("max-margin", FIELDS);
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    return MaxMarginReader.read(header, f);
  }
}
