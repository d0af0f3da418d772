package ibcheck.crosscheck;

import ibcheck.spec.YamlNode;
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
 * What the kinds share: reading numbers, lists and formulas inside a cross-check's blocks with
 * file:line errors (its own fields are declared: {@link KindFields}), compiling the formulas at run
 * time, rejecting a drawn quantity, and a few random constructions (Gaussian matrices, random
 * orthonormal frames).
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

  public static Formula formula(Map<String, YamlNode> m, String key, YamlNode owner) {
    YamlNode n = CrosscheckReader.require(m, key, owner);
    return new Formula(n.text().trim(), n.location());
  }

  public static Formula optionalFormula(Map<String, YamlNode> m, String key) {
    YamlNode n = m.get(key);
    return n == null ? null : new Formula(n.text().trim(), n.location());
  }

  public static double number(YamlNode n) {
    return CrosscheckReader.number(n);
  }

  public static double[] numbers(YamlNode n) {
    List<YamlNode> items = n.sequence();
    if (items.isEmpty()) {
      throw n.error("the list is empty");
    }
    double[] out = new double[items.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(items.get(i));
    }
    return out;
  }

  /** A sweep {@code {width: [...]}} of increasing whole widths in [1, max]. */
  public static int[] increasingWidths(YamlNode sweep, int max) {
    List<YamlNode> ws = YamlNode.require(sweep.mapping(Set.of("width")), "width", sweep).sequence();
    int[] widths = new int[ws.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = ws.get(i).integer();
      if (widths[i] < 1 || widths[i] > max || (i > 0 && widths[i] <= widths[i - 1])) {
        throw ws.get(i).error("widths must increase and lie in [1, " + max + "]");
      }
    }
    return widths;
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
