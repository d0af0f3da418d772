package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.crosscheck.read.Range;
import ibcheck.spec.YamlNode;
import java.util.Set;

/** {@code kind: kernel-margin}: reads and checks the fields of a {@link KernelMarginCheck}. */
final class KernelMarginKind extends DeclaredKind {
  static final KindFields FIELDS = KindFields.of(
      Field.block("data", "separable data: generated {n, dim, gap, seed} or explicit {x, y}")
          .draws(Set.of("dataseed")),
      Field.formula("kernel", "the infinite-width kernel in nu = |u|, nv = |v|, c = cos(u, v)"),
      Field.block("sweep", "{width: [...]}: at least three increasing widths in [1, 1000000]"),
      Field.integer("seeds", "feature seeds per width").in(Range.closed(1, 1000)).byDefault("4"),
      Field.block("predicts", "{exponent}: the rate at which the margins' relative difference falls"),
      Field.number("band", "allowed deviation of the fitted log-log slope").in(Range.open(0, 2)),
      Field.number("tolerance", "bound on the relative difference at the largest width").in(Range.open(0, 1)));

  KernelMarginKind() {
    super("kernel-margin", FIELDS);
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    SeparableData data = SeparableData.read(f.node("data"));
    YamlNode sweep = f.node("sweep");
    int[] widths = CrosscheckReader.increasingWidths(sweep, 1_000_000);
    if (widths.length < 3) {
      throw sweep.error("a fitted rate needs at least three widths");
    }
    YamlNode p = f.node("predicts");
    String exponent = YamlNode.require(p.mapping(Set.of("exponent")), "exponent", p).text().trim();
    KindSupport.Formula kernel = f.formula("kernel");
    return new KernelMarginCheck.Check(header, data, kernel.text(), kernel.location(), widths, f.integer("seeds"),
        exponent, f.number("band"), f.number("tolerance"));
  }
}
