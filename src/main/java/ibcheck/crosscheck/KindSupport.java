package ibcheck.crosscheck;

import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;

/**
 * What the kinds share at run time: a formula as the file wrote it, compiled when the check runs
 * (reading it, and the other values inside a cross-check's blocks, is {@code crosscheck.read}'s),
 * rejecting a drawn quantity, stopping on the time limit, and a few random constructions (Gaussian
 * matrices, random orthonormal frames).
 */
public final class KindSupport {
  private KindSupport() {}

  /** A formula as written in the file, with where it is written. */
  public record Formula(String text, String location) {
    public CompiledExpression compile(TheoremSession session, List<String> variables) throws InvalidExpressionException {
      return FileFormula.compile(session, text, variables);
    }

    public FileRelation relation(TheoremSession session, List<String> variables) throws InvalidExpressionException {
      return FileRelation.compile(session, text, variables);
    }
  }

  /** Rejects a drawn quantity the check has no setting for. */
  public static IllegalArgumentException notASetting(String quantity, String check, Set<String> settings) {
    return new IllegalArgumentException("'" + quantity + "' is not a setting of cross-check '" + check
        + "' (settings: " + String.join(", ", new java.util.TreeSet<>(settings)) + ")");
  }

  /** Stops a long loop when the gate's time limit interrupts the worker thread. */
  public static void checkInterrupt(String what) {
    if (Thread.currentThread().isInterrupted()) {
      throw new IllegalStateException(what + " interrupted (time limit)");
    }
  }

  public static double[][] gaussian(RandomGenerator random, int rows, int cols, double scale) {
    double[][] a = new double[rows][cols];
    for (double[] row : a) {
      for (int j = 0; j < cols; j++) {
        row[j] = scale * random.nextGaussian();
      }
    }
    return a;
  }

  public static double[] gaussian(RandomGenerator random, int n, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = scale * random.nextGaussian();
    }
    return v;
  }

  /** A random {@code rows x cols} matrix with orthonormal columns (cols <= rows): Q of a Gaussian matrix. */
  public static RealMatrix orthonormal(RandomGenerator random, int rows, int cols) {
    RealMatrix g = new Array2DRowRealMatrix(gaussian(random, rows, cols, 1), false);
    return new QRDecomposition(g).getQ().getSubMatrix(0, rows - 1, 0, cols - 1);
  }

  public static List<Double> list(double[] v) {
    List<Double> out = new ArrayList<>(v.length);
    for (double x : v) {
      out.add(x);
    }
    return out;
  }

  public static double dot(double[] a, double[] b) {
    return Vectors.dot(a, b);
  }

  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  public static String fmt(double v) {
    return Vectors.fmt(v);
  }

  /** The settings as {@code name = value, ...}, for messages. */
  public static String describe(Map<String, Double> settings) {
    StringBuilder b = new StringBuilder();
    settings.forEach((k, v) -> b.append(b.length() > 0 ? ", " : "").append(k).append(" = ").append(fmt(v)));
    return b.toString();
  }
}
