package ibcheck.crosscheck.read;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CheckKinds;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.models.Dataset;
import ibcheck.spec.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a theorem file's {@code crosschecks:} list: the common fields ({@code name}, {@code kind},
 * {@code timeout}, {@code note}, {@code conjecture}; declared in {@link #COMMON}), then the kind's own
 * through its {@link CheckKind} (a {@link DeclaredKind} receives them read and checked against its
 * {@link KindFields}), and the readers of values kinds share (numbers and fractions, data).
 * Every problem is a {@link ibcheck.spec.SpecException} with file:line. The format, for the default
 * kind ({@code agreement}; the other kinds document theirs):
 *
 * <pre>
 * crosschecks:
 *   - name: flow limit = argmin Q_alpha          # required
 *     kind: agreement                             # optional, default agreement
 *     model: diagonal-network                     # the flow fields of FlowSweep
 *     sweep: {alpha: [0.05, 0.3, 1, 3]}
 *     data: {rows: 5, cols: 12, sparse-truth: 3, seed: 7}   # or {x: [[...], ...], y: [...]}
 *     predicts: {potential: Qa(b, alpha), coordinate: b}
 *     tolerance: 1e-6                             # required
 *     timeout: 60                                 # seconds, optional
 * </pre>
 */
public final class CrosscheckReader {
  /** Fields every cross-check may have, whatever its kind (read here, not by the kind). */
  public static final KindFields COMMON = KindFields.of(
      Field.text("name", "what it checks, in words; unique within the theorem"),
      Field.text("kind", "the kind of cross-check").byDefault("agreement"),
      Field.number("timeout", "time limit in seconds").in(Range.openClosed(0, 3600)).byDefault("120"),
      Field.text("note", "a remark for the reader of the report").optional(),
      Field.flag("conjecture", "a pass is numeric evidence, not a check of a derivation").byDefault("false"));
  static final Set<String> COMMON_FIELDS = COMMON.names();
  static final Set<String> DATA_FIELDS = Set.of("rows", "cols", "sparse-truth", "seed", "x", "y");

  /** The kind of a cross-check that names none: the flow limit agrees with a predicted argmin. */
  public static final String DEFAULT_KIND = "agreement";
  public static final double DEFAULT_TIMEOUT = 120;
  private static final int MAX_SIZE = 500;

  private CrosscheckReader() {}

  /**
   * The fields a cross-check may have, by kind, as the reader allows them (the JSON schema of theorem
   * files is generated from this): every built-in kind's ({@link CheckKinds#builtInNames()}) with the
   * common fields.
   */
  public static Map<String, Set<String>> fieldsByKind() {
    Map<String, Set<String>> out = new TreeMap<>();
    declarations().forEach((name, fields) -> out.put(name, Set.copyOf(fields.names())));
    return out;
  }

  /** Every built-in kind's declared fields, after the {@link #COMMON} ones, by kind name. */
  public static Map<String, KindFields> declarations() {
    Map<String, KindFields> out = new TreeMap<>();
    for (String name : CheckKinds.builtInNames()) {
      out.put(name, COMMON.with(KindFields.of(CheckKinds.kind(name)).list().toArray(Field[]::new)));
    }
    return out;
  }

  public static List<NumericCheck> read(YamlNode list) {
    List<NumericCheck> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlNode c : list.sequence()) {
      NumericCheck x = readKind(c);
      if (!names.add(x.name())) {
        throw c.error("duplicate cross-check name '" + x.name() + "'");
      }
      out.add(x);
    }
    return out;
  }

  /**
   * One cross-check of the kind its {@code kind:} names ({@link #DEFAULT_KIND} when none), marked
   * {@code conjecture: true} or not, which turns a pass into numeric evidence ({@link Conjecture}).
   */
  private static NumericCheck readKind(YamlNode node) {
    Map<String, YamlNode> raw = node.mapping();
    boolean conjecture = raw.containsKey("conjecture") && raw.get("conjecture").bool();
    String kindName = raw.containsKey("kind") ? raw.get("kind").text().trim() : DEFAULT_KIND;
    CheckKind kind = CheckKinds.kind(kindName);
    if (kind == null) {
      throw raw.get("kind").error("unknown kind '" + kindName + "' (known: "
          + String.join(", ", new TreeSet<>(CheckKinds.names())) + ")");
    }
    Set<String> allowed = new HashSet<>(kind.fields());
    allowed.addAll(COMMON_FIELDS);
    Map<String, YamlNode> m = node.mapping(allowed);
    String name = require(m, "name", node).text().trim();
    NumericCheck check = kind.read(new CheckKind.Header(name, timeout(m), node.location()), m, node);
    return conjecture ? new Conjecture(check) : check;
  }

  static double timeout(Map<String, YamlNode> m) {
    double timeout = m.containsKey("timeout") ? m.get("timeout").number() : DEFAULT_TIMEOUT;
    if (!(timeout > 0 && timeout <= 3600)) {
      throw m.get("timeout").error("timeout must be between 0 and 3600 seconds");
    }
    return timeout;
  }

  public static DataSpec readData(YamlNode node) {
    for (String key : node.mapping().keySet()) {
      if (key.equals("csv") || key.equals("file") || key.equals("path") || key.equals("url")) {
        throw node.mapping().get(key).error("data must be written in the file ('x:' and 'y:', or 'rows:', 'cols:',"
            + " 'sparse-truth:', 'seed:'); a theorem file may not read files or URLs ('" + key + "')");
      }
    }
    Map<String, YamlNode> m = node.mapping(DATA_FIELDS);
    if (m.containsKey("x") || m.containsKey("y")) {
      if (m.containsKey("rows") || m.containsKey("cols") || m.containsKey("sparse-truth") || m.containsKey("seed")) {
        throw node.error("data is either generated (rows, cols, sparse-truth, seed) or explicit (x, y), not both");
      }
      List<YamlNode> rows = require(m, "x", node).sequence();
      List<YamlNode> ys = require(m, "y", node).sequence();
      if (rows.isEmpty() || rows.size() != ys.size()) {
        throw node.error("data needs as many y values as rows of x (got " + rows.size() + " rows, " + ys.size() + " values)");
      }
      double[][] x = new double[rows.size()][];
      double[] y = new double[ys.size()];
      for (int n = 0; n < x.length; n++) {
        List<YamlNode> row = rows.get(n).sequence();
        if (n > 0 && row.size() != x[0].length) {
          throw rows.get(n).error("row " + (n + 1) + " of x has " + row.size() + " entries, row 1 has " + x[0].length);
        }
        x[n] = new double[row.size()];
        for (int i = 0; i < row.size(); i++) {
          x[n][i] = number(row.get(i));
        }
        y[n] = number(ys.get(n));
      }
      checkShape(node, x.length, x[0].length);
      return new ExplicitData(new Dataset(x, y));
    }
    int rows = positiveInt(require(m, "rows", node));
    int cols = positiveInt(require(m, "cols", node));
    int sparse = positiveInt(require(m, "sparse-truth", node));
    if (sparse > cols) {
      throw m.get("sparse-truth").error("sparse-truth (" + sparse + ") cannot exceed cols (" + cols + ")");
    }
    checkShape(node, rows, cols);
    long seed = require(m, "seed", node).integer();
    return new SyntheticData(rows, cols, sparse, seed);
  }

  private static void checkShape(YamlNode node, int rows, int cols) {
    if (rows >= cols) {
      throw node.error("the implicit-bias cross-checks need an underdetermined problem (rows < cols), got "
          + rows + " x " + cols);
    }
    if (cols > MAX_SIZE) {
      throw node.error("at most " + MAX_SIZE + " columns, got " + cols);
    }
  }

  private static int positiveInt(YamlNode n) {
    int v = n.integer();
    if (v < 1) {
      throw n.error("must be a positive integer, got " + v);
    }
    return v;
  }

  /** A number, or a fraction a/b (shapes such as 9/11 are exact in the file). */
  public static double number(YamlNode n) {
    String t = n.text().trim();
    int slash = t.indexOf('/');
    try {
      double v = slash < 0 ? Double.parseDouble(t)
          : Double.parseDouble(t.substring(0, slash).trim()) / Double.parseDouble(t.substring(slash + 1).trim());
      if (!Double.isFinite(v)) {
        throw n.error("must be a finite number, got '" + t + "'");
      }
      return v;
    } catch (NumberFormatException e) {
      throw n.error("must be a number or a fraction a/b, got '" + t + "'");
    }
  }

  public static KindSupport.Formula formula(Map<String, YamlNode> m, String key, YamlNode owner) {
    YamlNode n = require(m, key, owner);
    return new KindSupport.Formula(n.text().trim(), n.location());
  }

  public static KindSupport.Formula optionalFormula(Map<String, YamlNode> m, String key) {
    YamlNode n = m.get(key);
    return n == null ? null : new KindSupport.Formula(n.text().trim(), n.location());
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

  public static YamlNode require(Map<String, YamlNode> m, String key, YamlNode owner) {
    YamlNode v = m.get(key);
    if (v == null) {
      throw owner.error("missing required field '" + key + "' in the cross-check");
    }
    return v;
  }
}
