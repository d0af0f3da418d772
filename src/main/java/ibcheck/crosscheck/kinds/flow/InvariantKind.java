package ibcheck.crosscheck.kinds.flow;

import static ibcheck.crosscheck.Vectors.fmt;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.DeclaredKind;
import ibcheck.crosscheck.read.Field;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.models.Model;
import ibcheck.models.ModelRegistry;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.verdict.ClaimResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: invariant}: the file's {@code conserved:} quantity, written per coordinate in the
 * model's parameter blocks (e.g. {@code wp*wm} for the diagonal network, {@code up^2 - vp^2} for the
 * untied one), is evaluated at every accepted step of the flow. Its drift
 * {@code max_t max_i |I_i(t) - I_i(0)| / max(|I_i(0)|, max_j theta_j(0)^2)} must stay within the
 * tolerance (the denominator is the natural scale of a quadratic invariant, so an invariant that
 * starts at 0 is still measured relative to the initialisation).
 */
final class InvariantKind extends DeclaredKind {
  InvariantKind() {
    super("invariant", FlowSweep.FIELDS.with(FlowSweep.SWEEP,
        Field.formula("conserved", "the conserved quantity per coordinate, in the model's parameter blocks")));
  }

  @Override
  protected NumericCheck read(Header header, FieldValues f) {
    FlowSweep sweep = FlowSweep.read(header, f, f.node("sweep"), null);
    String conserved = f.formula("conserved").text();
    return new FlowCheck(sweep, ctx -> judge(ctx, conserved));
  }

  static ClaimResult judge(CheckContext ctx, String conserved) throws CheckContext.Failed {
    FlowSweep c = ctx.check;
    Map<String, Object> evidence = ctx.evidence();
    evidence.put("conserved", conserved);
    evidence.put("error_measure", "max over flow steps and coordinates of |I(t) - I(0)| / max(|I(0)|, max theta(0)^2)");
    List<Map<String, Object>> points = new ArrayList<>();
    double worst = 0;
    String worstAt = "";
    for (double value : c.sweep()) {
      Map<String, Double> settings = c.settingsAt(value);
      Model model = ModelRegistry.create(c.model(), settings);
      List<String> blocks = model.parameterBlocks();
      if (blocks.isEmpty()) {
        throw new CheckContext.Failed(ctx.error("model '" + c.model() + "' names no parameter blocks to state"
            + " a conserved quantity in", c.location()));
      }
      CompiledExpression invariant;
      try {
        invariant = CompiledExpression.compile(FileFormula.load(ctx.session, conserved, blocks), blocks);
      } catch (InvalidExpressionException e) {
        throw new CheckContext.Failed(ctx.error("conserved '" + conserved + "': " + e.getMessage()
            + " (the model's parameter blocks are " + String.join(", ", blocks) + ")", c.location()));
      }
      Drift drift = new Drift(invariant, blocks.size(), model.initialParameters(ctx.data.cols()));
      CheckContext.Limit limit = ctx.limit(model, settings, (t, theta) -> drift.observe(t, theta));
      Map<String, Object> point = new LinkedHashMap<>();
      point.put(c.sweepSetting(), value);
      point.put("drift", drift.worst);
      point.put("worst_time", drift.worstTime);
      point.put("steps", drift.steps);
      point.put("certificate", limit.certificate().evidence());
      points.add(point);
      if (!(drift.worst <= worst)) {
        worst = drift.worst;
        worstAt = c.sweepSetting() + " = " + fmt(value) + ", t = " + fmt(drift.worstTime);
      }
    }
    evidence.put("points", points);
    evidence.put("max_error", worst);
    boolean holds = worst <= c.tolerance();
    String msg = conserved + " " + (holds ? "is conserved" : "is NOT conserved") + " along the flow at "
        + c.sweepSetting() + " = " + Vectors.join(c.sweep()) + ": largest drift " + fmt(worst)
        + (worstAt.isEmpty() ? "" : " (at " + worstAt + ")") + (holds ? " <= " : " > ") + "tolerance " + fmt(c.tolerance());
    return ctx.verdict(holds, msg, evidence);
  }

  /** The largest relative drift of the per-coordinate invariant seen so far. */
  private static final class Drift {
    private final CompiledExpression invariant;
    private final int blocks;
    private final double[] initial;
    private final double scale;
    double worst;
    double worstTime;
    int steps;

    Drift(CompiledExpression invariant, int blocks, double[] theta0) {
      this.invariant = invariant;
      this.blocks = blocks;
      this.initial = values(theta0);
      double s = 0;
      for (double v : theta0) {
        s = Math.max(s, v * v);
      }
      this.scale = s;
    }

    private double[] values(double[] theta) {
      int d = theta.length / blocks;
      double[] out = new double[d];
      double[] args = new double[blocks];
      for (int i = 0; i < d; i++) {
        for (int b = 0; b < blocks; b++) {
          args[b] = theta[b * d + i];
        }
        out[i] = invariant.value(args);
      }
      return out;
    }

    void observe(double t, double[] theta) {
      steps++;
      double[] now = values(theta);
      for (int i = 0; i < now.length; i++) {
        double drift = Math.abs(now[i] - initial[i]) / Math.max(Math.max(Math.abs(initial[i]), scale), Double.MIN_NORMAL);
        if (!(drift <= worst)) {
          worst = drift;
          worstTime = t;
        }
      }
    }
  }
}
