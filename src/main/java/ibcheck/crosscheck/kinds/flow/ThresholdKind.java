package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.crosscheck.read.Range;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.verdict.ClaimResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: threshold} (Woodworth et al. 2020, Theorem 2): for each eps, the scale the file's
 * threshold formula gives, the flow at that scale, and the norm bound at its limit:
 * {@code ||beta||_1 <= (1 + eps) ||beta*_l1||_1} or {@code ||beta||_2^2 <= (1 + eps) ||beta*_l2||_2^2},
 * with relative slack {@code tolerance} for the flow's own error. The scale is tested at the
 * threshold itself, the least favourable admissible point.
 */
final class ThresholdKind extends DeclaredKind {
  /** The names a threshold formula may use, in the order the compiled formula takes them. */
  static final List<String> VARIABLES = List.of("eps", "n1", "n2", "dim");

  ThresholdKind() {
    super("threshold", FlowSweep.FIELDS.with(
        Field.formula("threshold", "the scale at which the bound holds, in eps, n1, n2 and dim"),
        Field.choice("norm", "the norm the bound is stated in", "l1", "l2"),
        Field.text("scale", "the model setting the threshold formula sets, e.g. alpha"),
        Field.numbers("eps", "the slacks at which the bound is tested").in(Range.above(0))));
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    KindSupport.Formula formula = f.formula("threshold");
    String scale = f.text("scale");
    Threshold threshold = new Threshold(formula.text(), f.text("norm"), scale, formula.location());
    FlowSweep sweep = FlowSweep.read(header, f, f.node("eps"), scale);
    return new FlowCheck(sweep, ctx -> judge(ctx, threshold));
  }

  /**
   * A threshold claim: at {@code scale = formula(eps, n1, n2, dim)} (n1 = ||beta*_l1||_1,
   * n2 = ||beta*_l2||_2, dim = the number of columns d) the limit satisfies {@code ||beta||_1 <= (1 + eps) n1}
   * ({@code norm: l1}) or {@code ||beta||_2^2 <= (1 + eps) n2^2} ({@code norm: l2}).
   *
   * @param formula Symja text
   * @param norm {@code l1} or {@code l2}
   * @param scaleSetting the model setting the formula sets, e.g. {@code alpha}
   * @param location {@code file:line} of the formula
   */
  record Threshold(String formula, String norm, String scaleSetting, String location) {}

  static ClaimResult judge(CheckContext ctx, Threshold t) throws CheckContext.Failed {
    FlowSweep c = ctx.check;
    CompiledExpression formula;
    try {
      formula = CompiledExpression.compile(FileFormula.load(ctx.session, t.formula(), VARIABLES), VARIABLES);
    } catch (InvalidExpressionException e) {
      return ctx.error("the threshold '" + t.formula() + "' cannot be used: " + e.getMessage(), t.location());
    }
    boolean l1 = t.norm().equals("l1");
    double n1 = Vectors.norm1(ctx.minL1);
    double n2 = Math.sqrt(Vectors.dot(ctx.minL2, ctx.minL2));
    Map<String, Object> evidence = ctx.evidence();
    evidence.put("threshold", t.formula());
    evidence.put("bound", l1 ? "||beta||_1 <= (1 + eps) ||beta*_l1||_1" : "||beta||_2^2 <= (1 + eps) ||beta*_l2||_2^2");
    evidence.put("min_l1_norm", n1);
    evidence.put("min_l2_norm", n2);
    List<Map<String, Object>> points = new ArrayList<>();
    String violation = null;
    for (double eps : c.sweep()) {
      double scale = formula.value(eps, n1, n2, ctx.data.cols());
      if (!(scale > 0) || Double.isInfinite(scale)) {
        return ctx.error("the threshold '" + t.formula() + "' gives " + t.scaleSetting() + " = " + scale
            + " at eps = " + fmt(eps) + ", not a positive scale", t.location());
      }
      Map<String, Double> settings = new LinkedHashMap<>(c.fixed());
      settings.put(t.scaleSetting(), scale);
      CheckContext.Limit limit = ctx.limit(settings);
      double measured = l1 ? Vectors.norm1(limit.beta()) : Vectors.dot(limit.beta(), limit.beta());
      double bound = (1 + eps) * (l1 ? n1 : n2 * n2);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("eps", eps);
      point.put(t.scaleSetting(), scale);
      point.put("measured", measured);
      point.put("bound", bound);
      point.put("certificate", limit.certificate().evidence());
      point.put("flow_limit", Vectors.evidence(limit.beta()));
      points.add(point);
      if (!(measured <= bound * (1 + c.tolerance())) && violation == null) {
        violation = "at eps = " + fmt(eps) + ", " + t.scaleSetting() + " = " + fmt(scale) + " (from " + t.formula()
            + ") the flow limit has " + (l1 ? "||beta||_1 = " : "||beta||_2^2 = ") + fmt(measured)
            + " > (1 + eps) x optimum = " + fmt(bound);
      }
    }
    evidence.put("points", points);
    String msg = violation != null ? violation
        : "at the threshold " + t.scaleSetting() + " = " + t.formula() + " the " + t.norm() + " bound holds for eps = "
            + Vectors.join(c.sweep());
    return ctx.verdict(violation == null, msg, evidence);
  }
}
