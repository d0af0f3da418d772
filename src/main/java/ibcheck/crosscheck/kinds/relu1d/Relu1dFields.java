package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.Range;
import java.util.Set;

/**
 * The fields the one-input kinds of Jin and Montufar ({@code zeta}, {@code variational},
 * {@code wide-relu}) share, declared once.
 */
final class Relu1dFields {
  /** The grid step of the direct minimiser, on the data's range scaled to [0, 1]. */
  static final double DEFAULT_H = 0.01;

  static final Field INIT = Field.block("init", "the initialisation's laws, e.g. {w: normal(0, sw), b: uniform(-1, 1)}");
  static final Field ZETA = Field.formula("zeta", "the curvature penalty's weight zeta(x)");
  static final Field PARAMS = Field.block("params",
      "parameters of the formulas, each a value or a list (every combination is checked); a property may draw them")
      .optional();
  static final Field DATA = Field.block("data", "explicit {x: [...], y: [...]} or random {points, from, to, seed}")
      .draws(Set.of("points", "dataseed"));
  static final Field ENDS = Field.choice("ends", "the Euler-Lagrange solution's end condition", "natural", "clamped");
  static final Field H = Field.number("h", "grid step of the direct minimiser").in(Range.openClosed(0, 1))
      .byDefault(String.valueOf(DEFAULT_H));
  static final Field TOLERANCE = Field.number("tolerance", "relative error bound").in(Range.above(0));

  private Relu1dFields() {}
}
