package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.bias.CurvatureVariational.Ends;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Data;
import ibcheck.crosscheck.kinds.relu1d.Inputs1D.Params;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.KindFields;
import ibcheck.spec.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code kind: variational} ({@link VariationalCheck}): the zeta(s), data, ends and reference. */
final class VariationalKind extends DeclaredKind {
  static final KindFields FIELDS = KindFields.of(
      Field.formulas("zeta", "the weight zeta(x), or several by label {label: zeta}"),
      Relu1dFields.PARAMS, Relu1dFields.DATA, Relu1dFields.ENDS,
      Field.choice("reference", "also compare with the cubic spline (zeta constant on the data)", "cubic-spline")
          .optional(),
      Relu1dFields.H, Relu1dFields.TOLERANCE);

  VariationalKind() {
    super(VariationalCheck.NAME, FIELDS);
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    YamlNode z = f.node("zeta");
    Map<String, String> zetas = new LinkedHashMap<>();
    if (z.isMapping()) {
      z.mapping().forEach((k, v) -> zetas.put(k, v.text().trim()));
    } else {
      zetas.put("zeta " + z.text().trim(), z.text().trim());
    }
    if (zetas.isEmpty()) {
      throw z.error("needs at least one zeta");
    }
    Params params = f.given("params") ? Params.read(f.node("params")) : Params.none();
    Data data = Data.read(f.node("data"));
    return new VariationalCheck(header, new VariationalCheck.Settings(zetas, params, data, ends(f),
        f.given("reference"), f.number("h"), f.number("tolerance")));
  }

  /** The declared {@code ends:} as the solver's end condition. */
  static Ends ends(FieldValues f) {
    return f.text("ends").equals("natural") ? Ends.NATURAL : Ends.CLAMPED;
  }
}
