package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.Vectors;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.Drawn;
import ibcheck.models.Initialisation;
import ibcheck.spec.YamlNode;
import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.Well19937c;

/**
 * What the one-input cross-checks (kinds {@code zeta}, {@code variational}, {@code wide-relu}) read
 * alike: named parameters of the file's formulas, one-dimensional data, an initialisation, number
 * lists. Parameters are formulas too ({@code sb: Sqrt(1/10)}), evaluated in the theorem's session.
 */
final class Inputs1D {
  private Inputs1D() {}

  /**
   * Named parameters, each one value or a list of values (formula texts); a check runs on every
   * combination.
   */
  record Params(Map<String, List<String>> values) {
    static Params none() {
      return new Params(Map.of());
    }

    static Params read(YamlNode node) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (Map.Entry<String, YamlNode> e : node.mapping().entrySet()) {
        if (!e.getKey().matches("[A-Za-z][A-Za-z0-9]*")) {
          throw e.getValue().error("parameter name '" + e.getKey() + "' must be letters and digits");
        }
        List<String> vals = new ArrayList<>();
        if (e.getValue().isSequence()) {
          for (YamlNode v : e.getValue().sequence()) {
            vals.add(v.text().trim());
          }
        } else {
          vals.add(e.getValue().text().trim());
        }
        if (vals.isEmpty()) {
          throw e.getValue().error("parameter '" + e.getKey() + "' has no values");
        }
        out.put(e.getKey(), List.copyOf(vals));
      }
      return new Params(out);
    }

    List<String> names() {
      return List.copyOf(values.keySet());
    }

    /** This set with one parameter fixed to a number. */
    Params with(String name, double value) {
      Map<String, List<String>> m = new LinkedHashMap<>(values);
      m.put(name, List.of(Double.toString(value)));
      return new Params(m);
    }

    /** This set with each drawn parameter fixed to its drawn number. */
    Params drawn(Drawn d) {
      Params p = this;
      for (Map.Entry<String, Double> e : d.among(values.keySet()).entrySet()) {
        p = p.with(e.getKey(), e.getValue());
      }
      return p;
    }

    /** Every combination, evaluated. */
    List<Map<String, Double>> combinations(TheoremSession session) throws InvalidExpressionException {
      List<Map<String, Double>> out = new ArrayList<>();
      out.add(new LinkedHashMap<>());
      for (Map.Entry<String, List<String>> e : values.entrySet()) {
        List<Map<String, Double>> next = new ArrayList<>();
        for (String text : e.getValue()) {
          double v = constant(session, text, "parameter " + e.getKey());
          for (Map<String, Double> partial : out) {
            Map<String, Double> m = new LinkedHashMap<>(partial);
            m.put(e.getKey(), v);
            next.add(m);
          }
        }
        out = next;
      }
      return out;
    }
  }

  /** A formula of no variables, as a number. */
  static double constant(TheoremSession session, String text, String what) throws InvalidExpressionException {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      v = FileFormula.compile(session, text, List.of()).value();
    }
    if (!Double.isFinite(v)) {
      throw new InvalidExpressionException(what + " '" + text + "' is not a finite number");
    }
    return v;
  }

  /**
   * A formula in {@code first} variables then the parameters, evaluated at given parameter values.
   * One instance holds one slot array: not for concurrent use ({@link #at} gives each thread its own).
   */
  record Formula(CompiledExpression compiled, int arity, double[] slots) {
    static Formula compile(TheoremSession session, String text, List<String> first, List<String> params)
        throws InvalidExpressionException {
      List<String> vars = new ArrayList<>(first);
      vars.addAll(params);
      return new Formula(FileFormula.compile(session, text, vars), first.size(), new double[vars.size()]);
    }

    /** The formula with the parameters set; not thread-safe (one slot array). */
    Formula at(Map<String, Double> values, List<String> params) {
      double[] s = new double[arity + params.size()];
      for (int i = 0; i < params.size(); i++) {
        s[arity + i] = values.get(params.get(i));
      }
      return new Formula(compiled, arity, s);
    }

    double value() {
      return compiled.value(slots);
    }

    double value(double a) {
      slots[0] = a;
      return compiled.value(slots);
    }

    double value(double a, double b) {
      slots[0] = a;
      slots[1] = b;
      return compiled.value(slots);
    }
  }

  /** The initialisation's laws, with arguments in the parameters. */
  static Initialisation initialisation(TheoremSession session, Initialisation.Spec spec, Map<String, Double> params)
      throws InvalidExpressionException {
    List<String> names = List.copyOf(params.keySet());
    Map<String, Double> values = new LinkedHashMap<>();
    for (Initialisation.Law law : List.of(spec.w(), spec.b())) {
      for (String arg : law.arguments()) {
        try {
          values.put(arg, Formula.compile(session, arg, List.of(), names).at(params, names).value());
        } catch (InvalidExpressionException e) {
          throw new InvalidExpressionException("law " + law.text() + ", argument '" + arg + "': " + e.getMessage());
        }
      }
    }
    try {
      return spec.evaluate(values::get);
    } catch (IllegalArgumentException e) {
      throw new InvalidExpressionException("initialisation W ~ " + spec.w().text() + ", B ~ " + spec.b().text() + ": "
          + e.getMessage());
    }
  }

  static Initialisation.Spec readInit(YamlNode node) {
    Map<String, String> laws = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : node.mapping().entrySet()) {
      laws.put(e.getKey(), e.getValue().text());
    }
    try {
      return Initialisation.Spec.of(laws);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  /**
   * One-dimensional data: explicit {@code {x: [...], y: [...]}}, or random
   * {@code {points: M, from: a, to: b, seed: s}}: x_1 = a, x_M = b, the others uniform in between
   * (no two closer than (b - a) / (4 M)), y standard normal.
   */
  record Data(double[] x, double[] y, int points, double from, double to, long seed) {
    static Data read(YamlNode node) {
      Map<String, YamlNode> m = node.mapping(java.util.Set.of("x", "y", "points", "from", "to", "seed"));
      if (m.containsKey("x") || m.containsKey("y")) {
        double[] x = numbers(YamlNode.require(m, "x", node));
        double[] y = numbers(YamlNode.require(m, "y", node));
        if (x.length != y.length || x.length < 3) {
          throw node.error("the data need as many y as x values, and at least three points");
        }
        for (int i = 0; i + 1 < x.length; i++) {
          if (!(x[i] < x[i + 1])) {
            throw node.error("the data's x values must increase strictly");
          }
        }
        return new Data(x, y, x.length, x[0], x[x.length - 1], 0);
      }
      int points = YamlNode.require(m, "points", node).integer();
      double from = YamlNode.require(m, "from", node).number();
      double to = YamlNode.require(m, "to", node).number();
      long seed = YamlNode.require(m, "seed", node).integer();
      if (points < 3 || !(from < to)) {
        throw node.error("random data need at least 3 points and from < to");
      }
      return random(points, from, to, seed);
    }

    static Data random(int points, double from, double to, long seed) {
      Well19937c rng = new Well19937c(seed);
      double[] x = new double[points];
      double gap = (to - from) / (4.0 * points);
      while (true) {
        x[0] = from;
        x[points - 1] = to;
        for (int i = 1; i + 1 < points; i++) {
          x[i] = from + (to - from) * rng.nextDouble();
        }
        Arrays.sort(x);
        boolean ok = true;
        for (int i = 0; i + 1 < points; i++) {
          ok &= x[i + 1] - x[i] >= gap;
        }
        if (ok) {
          break;
        }
      }
      double[] y = new double[points];
      for (int i = 0; i < points; i++) {
        y[i] = rng.nextGaussian();
      }
      return new Data(x, y, points, from, to, seed);
    }

    /** This data, or, when a size or a seed is drawn, random data on its range. */
    Data drawn(Drawn d) {
      if (d.among(Relu1dFields.DATA.draws()).isEmpty()) {
        return this;
      }
      return random(Math.max(3, d.integer("points", points)), from, to, d.longInteger("dataseed", seed));
    }

    Map<String, Object> evidence() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("x", x);
      m.put("y", y);
      return m;
    }
  }

  /** Parameter values for a figure's legend: {@code sw 0.700, sb 1.30} (legends allow no '='). */
  static String label(Map<String, Double> params) {
    StringBuilder b = new StringBuilder();
    params.forEach((k, v) -> b.append(b.length() > 0 ? ", " : "").append(k).append(' ').append(Vectors.fmt(v)));
    return b.toString();
  }

  /** At most about {@code max} evenly spaced points of a series (first and last kept), for figures. */
  static ibcheck.verdict.Figure.Series thin(String label, double[] x, double[] y, int max) {
    if (x.length <= max) {
      return new ibcheck.verdict.Figure.Series(label, x.clone(), y.clone());
    }
    int step = (x.length + max - 1) / max;
    int n = (x.length - 2) / step + 2; // indices 0, step, 2 step, ... below the last, then the last
    double[] tx = new double[n];
    double[] ty = new double[n];
    for (int k = 0; k + 1 < n; k++) {
      tx[k] = x[k * step];
      ty[k] = y[k * step];
    }
    tx[n - 1] = x[x.length - 1];
    ty[n - 1] = y[y.length - 1];
    return new ibcheck.verdict.Figure.Series(label, tx, ty);
  }

  static double[] numbers(YamlNode node) {
    List<YamlNode> list = node.sequence();
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = CrosscheckReader.number(list.get(i));
    }
    return out;
  }

  static int[] integers(YamlNode node) {
    List<YamlNode> list = node.sequence();
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i).integer();
    }
    if (out.length == 0) {
      throw node.error("needs at least one value");
    }
    return out;
  }

}
