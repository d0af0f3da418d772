package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.Range;

/**
 * {@code kind: time-warp}: the fields of a {@link FlowSetup} (the prediction optional), the warp g
 * and the tolerance on the warped time; the check is {@link TimeWarpCheck}.
 */
final class TimeWarpKind extends DeclaredKind {
  TimeWarpKind() {
    super("time-warp", FlowSetup.FIELDS.with(FlowSetup.PREDICTS.optional(),
        Field.formula("warp", "g > 0 in the model's named scalars: the warped flow is theta' = -grad L / g"),
        Field.number("time-tolerance", "relative bound on |tau - integral g dt| at the stop")
            .in(Range.open(0, 1)).byDefault("0.01")));
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    FlowSetup setup = FlowSetup.read(f);
    KindSupport.Formula warp = f.formula("warp");
    return new TimeWarpCheck(header, setup, warp.text(), warp.location(), f.number("time-tolerance"));
  }
}
