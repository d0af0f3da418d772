package ibcheck.bias;

import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Adaptive Gauss-Legendre quadrature (nodes from Hipparchus' {@link GaussIntegratorFactory}). An
 * interval is cut into equal panels; a panel is accepted when its 10-point rule agrees with the sum of
 * the rules on its two halves, else both halves are refined, down to a depth limit. Jumps and kinks
 * are localised by the bisection, and {@link #realLine(DoubleUnaryOperator, double[])} splits at
 * points where the caller knows the integrand jumps (the edges of a density's support). The half
 * line is integrated in log scale ({@link #toInfinity}), so supports and peaks at any scale are
 * found.
 *
 * <p>Every call reports how many evaluations it used and whether some interval reached the depth
 * limit without meeting the tolerance ({@link Result#converged()}).
 */
public final class Quadrature {
  private static final int ORDER = 10;
  private static final int MAX_DEPTH = 60;
  private static final double[] NODES = new double[ORDER];
  private static final double[] WEIGHTS = new double[ORDER];

  /** The half line in log scale: w - a = exp(u), u in [-LOG_RANGE, LOG_RANGE], panels of width 2. */
  static final double LOG_RANGE = 48;

  static {
    GaussIntegrator g = new GaussIntegratorFactory().legendre(ORDER);
    for (int i = 0; i < ORDER; i++) {
      NODES[i] = g.getPoint(i);
      WEIGHTS[i] = g.getWeight(i);
    }
  }

  /**
   * @param value the integral
   * @param errorEstimate the sum of the accepted intervals' |whole - halves|
   * @param evaluations integrand evaluations
   * @param converged whether every interval met the tolerance before the depth limit
   */
  public record Result(double value, double errorEstimate, long evaluations, boolean converged) {
    Result plus(Result o) {
      return new Result(value + o.value, errorEstimate + o.errorEstimate, evaluations + o.evaluations,
          converged && o.converged);
    }
  }

  private final double absTol;
  private final double relTol;
  private long evaluations;
  private double error;
  private boolean converged;
  private double scale;

  /**
   * Tolerances: a piece of length l of [a, b] is accepted when |whole - halves| <= max(absTol,
   * relTol * I0) * l / (b - a), where I0 is the integral of |f| by the rule on the starting panels.
   */
  public Quadrature(double absTol, double relTol) {
    this.absTol = absTol;
    this.relTol = relTol;
  }

  /** The integral of f over [a, b] (a <= b finite), from 16 equal panels. */
  public Result finite(DoubleUnaryOperator f, double a, double b) {
    return panels(f, a, b, 16);
  }

  /** The integral of f over [a, b], split at the given points that fall inside. */
  public Result finite(DoubleUnaryOperator f, double a, double b, double[] breaks) {
    TreeSet<Double> cuts = new TreeSet<>();
    cuts.add(a);
    cuts.add(b);
    for (double x : breaks) {
      if (x > a && x < b) {
        cuts.add(x);
      }
    }
    double[] c = cuts.stream().mapToDouble(Double::doubleValue).toArray();
    Result total = new Result(0, 0, 0, true);
    for (int i = 0; i + 1 < c.length; i++) {
      total = total.plus(finite(f, c[i], c[i + 1]));
    }
    return total;
  }

  /**
   * The integral of f over [a, infinity), as {@code int f(a + e^u) e^u du} over
   * {@code u in [-48, 48]} in 48 panels: every scale from 1e-21 to 7e20 gets its share of the
   * rule's nodes, so a narrow support near a (the uniform density's [0, ab/|x|] for large |x|) or a
   * far peak is not missed. The neglected ends are {@code int_a^{a + 1e-21} f} and the tail beyond
   * {@code a + 7e20}.
   */
  public Result toInfinity(DoubleUnaryOperator f, double a) {
    DoubleUnaryOperator g = u -> {
      double e = Math.exp(u);
      double y = f.applyAsDouble(a + e);
      return y == 0 ? 0 : y * e;
    };
    return panels(g, -LOG_RANGE, LOG_RANGE, 48);
  }

  /** The integral of f over the real line, split at 0. */
  public Result realLine(DoubleUnaryOperator f) {
    return realLine(f, new double[0]);
  }

  /**
   * The integral of f over the real line, split at 0 and at the given points (where f may jump or
   * kink): the finite pieces by {@link #finite}, the two outer ones by {@link #toInfinity}.
   */
  public Result realLine(DoubleUnaryOperator f, double[] breaks) {
    TreeSet<Double> cuts = new TreeSet<>();
    cuts.add(0.0);
    for (double x : breaks) {
      if (Double.isFinite(x)) {
        cuts.add(x == 0 ? 0.0 : x);
      }
    }
    double[] c = cuts.stream().mapToDouble(Double::doubleValue).toArray();
    Result total = toInfinity(f, c[c.length - 1]);
    total = total.plus(toInfinity(w -> f.applyAsDouble(-w), -c[0]));
    for (int i = 0; i + 1 < c.length; i++) {
      total = total.plus(finite(f, c[i], c[i + 1]));
    }
    return total;
  }

  /**
   * The integral over [a, b] from {@code count} equal panels, each refined adaptively. The
   * tolerance's scale is the integral of |f| by the rule on those panels.
   */
  private Result panels(DoubleUnaryOperator f, double a, double b, int count) {
    evaluations = 0;
    error = 0;
    converged = true;
    if (a == b) {
      return new Result(0, 0, 0, true);
    }
    double[] edge = new double[count + 1];
    for (int i = 0; i <= count; i++) {
      edge[i] = i == count ? b : a + (b - a) * i / count;
    }
    double coarse = 0;
    double[] first = new double[count];
    for (int i = 0; i < count; i++) {
      coarse += rule(x -> Math.abs(f.applyAsDouble(x)), edge[i], edge[i + 1]);
      first[i] = rule(f, edge[i], edge[i + 1]);
    }
    scale = Math.max(absTol, relTol * coarse);
    double v = 0;
    for (int i = 0; i < count; i++) {
      v += refine(f, edge[i], edge[i + 1], first[i], b - a, 0);
    }
    return new Result(v, error, evaluations, converged);
  }

  private double refine(DoubleUnaryOperator f, double a, double b, double whole, double total, int depth) {
    double m = 0.5 * (a + b);
    double left = rule(f, a, m);
    double right = rule(f, m, b);
    double halves = left + right;
    double diff = Math.abs(whole - halves);
    if (diff <= scale * (b - a) / total) {
      error += diff;
      return halves;
    }
    if (depth >= MAX_DEPTH || m <= a || m >= b || !Double.isFinite(diff)) {
      converged &= Double.isFinite(diff) && depth < MAX_DEPTH;
      error += diff;
      return halves;
    }
    return refine(f, a, m, left, total, depth + 1) + refine(f, m, b, right, total, depth + 1);
  }

  private double rule(DoubleUnaryOperator f, double a, double b) {
    double half = 0.5 * (b - a);
    double mid = 0.5 * (a + b);
    double s = 0;
    for (int i = 0; i < ORDER; i++) {
      s += WEIGHTS[i] * f.applyAsDouble(mid + half * NODES[i]);
    }
    evaluations += ORDER;
    return s * half;
  }
}
