package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.Range;
import ibcheck.spec.YamlNode;

/**
 * {@code kind: potential-argmin}: the fields of a {@link FlowSetup} with a required prediction, an
 * optional limit the prediction is taken in and an optional bound on the flow limit's own KKT
 * residual; the check is {@link PotentialArgminCheck}.
 */
final class PotentialArgminKind extends DeclaredKind {
  PotentialArgminKind() {
    super("potential-argmin", FlowSetup.FIELDS.with(FlowSetup.PREDICTS,
        Field.text("limit", "the prediction is a limit 'setting -> value' (a number or Infinity) along a swept setting")
            .optional(),
        Field.number("kkt-tolerance", "bound on the flow limit's own KKT residual ||N^T grad Q(b_flow)||_inf")
            .in(Range.open(0, 1)).optional()));
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    FlowSetup setup = FlowSetup.read(f);
    String setting = null;
    double value = Double.NaN;
    YamlNode l = f.node("limit");
    if (l != null) {
      String[] parts = l.text().split("->");
      String bad = "limit must read 'setting -> value' (a number, or Infinity), e.g. 'alpha -> 0', got '" + l.text() + "'";
      if (parts.length != 2) {
        throw l.error(bad);
      }
      setting = parts[0].trim();
      String to = parts[1].trim();
      try {
        value = to.equalsIgnoreCase("Infinity") ? Double.POSITIVE_INFINITY : Double.parseDouble(to);
      } catch (NumberFormatException e) {
        throw l.error(bad);
      }
      if (!setup.grid().containsKey(setting)) {
        throw l.error("the limit's setting '" + setting + "' must be swept");
      }
    }
    return new PotentialArgminCheck(header, setup, setting, value, f.number("kkt-tolerance"));
  }
}
