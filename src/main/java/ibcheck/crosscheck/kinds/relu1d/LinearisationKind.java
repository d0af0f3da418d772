package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;

/**
 * {@code kind: linearisation}: the fields of a {@link LinearisationCheck}, declared once;
 * {@link LinearisationReader} builds the check from them.
 */
final class LinearisationKind extends DeclaredKind {
  static final KindFields FIELDS = KindFields.of(
      Field.choice("claim", "Lee et al.'s rate, the output layer's rate, or the minimum-norm limit",
          "lee", "output-layer", "min-norm"),
      Field.block("data", "{x: [...], y: [...]}, 1 to 50 points"),
      Field.block("init", "{w, b}: half-widths of the uniform initialisation (default 1 and 2)").optional(),
      Field.block("sweep", "{width: [...]}: increasing widths in [1, 100000]"),
      Field.integer("seeds", "initialisations per width").in(Range.closed(1, 100)).byDefault("1").drawable(),
      Field.integer("seed", "the first initialisation's seed").byDefault("1").drawable(),
      Field.number("eta", "the step as a multiple of 1/lambda_max(Theta); gradient descent is stable only below 2")
          .in(Range.open(0, 2)),
      Field.list("grid", "[from, to, points] where the outputs are compared (default: the data's x)").optional(),
      Field.block("predicts", "rate claims: {exponent}").optional(),
      Field.number("band", "rate claims: allowed distance of the fitted exponent").in(Range.open(0, 2)).optional(),
      Field.number("tolerance", "min-norm: allowed relative distance to the minimum-norm point").in(Range.open(0, 1))
          .optional(),
      Field.choice("relation", "rate claims: the fitted exponent within band of the predicted one, or at most it plus"
          + " band", "equals", "at-most").byDefault("equals"));

  LinearisationKind() {
    super(LinearisationCheck.NAME, FIELDS);
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    return LinearisationReader.read(header, f);
  }
}
