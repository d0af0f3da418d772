package ibcheck.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipparchus.random.RandomGenerator;

/**
 * The distribution of a hidden unit's weight and bias (W, B), independent of each other, as a
 * theorem file states it: {@code normal(mean, sd)}, {@code uniform(low, high)} or
 * {@code choice(v1, v2, ...)} (equally likely values). The arguments are formulas in the check's
 * parameters (evaluated by the caller), so {@code uniform(-aw, aw)} follows a swept {@code aw}.
 * Sampling uses Hipparchus random generators, seeded by the caller.
 */
public final class Initialisation {
  /** One coordinate's law. */
  public enum Family {
    NORMAL(2), UNIFORM(2), CHOICE(-1);

    final int arity;

    Family(int arity) {
      this.arity = arity;
    }
  }

  /** A law as written: its family and its argument formulas (not yet evaluated). */
  public record Law(Family family, List<String> arguments, String text) {
    private static final Pattern SYNTAX = Pattern.compile("\\s*([a-z]+)\\s*\\((.*)\\)\\s*");

    /**
     * Parses {@code normal(0, sw)}, {@code uniform(-aw, aw)}, {@code choice(-1, 1)}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Law parse(String text) {
      Matcher m = SYNTAX.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException("'" + text + "' is not a law: write normal(mean, sd), uniform(low, high)"
            + " or choice(v1, v2, ...)");
      }
      Family f;
      try {
        f = Family.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown law '" + m.group(1) + "' in '" + text
            + "' (known: normal, uniform, choice)");
      }
      List<String> args = splitTopLevel(m.group(2));
      if (f.arity > 0 && args.size() != f.arity) {
        throw new IllegalArgumentException("'" + text + "': " + m.group(1) + " takes " + f.arity + " arguments, got "
            + args.size());
      }
      if (args.isEmpty() || args.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException("'" + text + "' has an empty argument");
      }
      return new Law(f, args, text.trim());
    }

    /** The law with its arguments evaluated. */
    public Concrete evaluate(ToDoubleFunction<String> value) {
      double[] a = new double[arguments.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = value.applyAsDouble(arguments.get(i));
      }
      return new Concrete(family, a, text);
    }
  }

  /** A law with numeric arguments, ready to sample. */
  public record Concrete(Family family, double[] args, String text) {
    public Concrete {
      if (family == Family.NORMAL && !(args[1] > 0)) {
        throw new IllegalArgumentException(text + ": the standard deviation must be positive, got " + args[1]);
      }
      if (family == Family.UNIFORM && !(args[0] < args[1])) {
        throw new IllegalArgumentException(text + ": needs low < high, got " + args[0] + " and " + args[1]);
      }
      for (double v : args) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(text + ": argument " + v + " is not finite");
        }
      }
    }

    public double sample(RandomGenerator rng) {
      return switch (family) {
        case NORMAL -> args[0] + args[1] * rng.nextGaussian();
        case UNIFORM -> args[0] + (args[1] - args[0]) * rng.nextDouble();
        case CHOICE -> args[rng.nextInt(args.length)];
      };
    }

    /** The edges of a bounded continuous support (uniform), where the density jumps; else none. */
    public double[] edges() {
      return family == Family.UNIFORM ? args.clone() : new double[0];
    }

    public boolean discrete() {
      return family == Family.CHOICE;
    }

    /** E[X^2]. */
    public double secondMoment() {
      return switch (family) {
        case NORMAL -> args[0] * args[0] + args[1] * args[1];
        case UNIFORM -> (args[0] * args[0] + args[0] * args[1] + args[1] * args[1]) / 3;
        case CHOICE -> {
          double s = 0;
          for (double v : args) {
            s += v * v;
          }
          yield s / args.length;
        }
      };
    }

    /** Whether X and -X have the same law. */
    public boolean symmetric() {
      return switch (family) {
        case NORMAL -> args[0] == 0;
        case UNIFORM -> args[0] == -args[1];
        case CHOICE -> {
          double[] s = args.clone();
          java.util.Arrays.sort(s);
          boolean sym = true;
          for (int i = 0; i < s.length; i++) {
            sym &= s[i] == -s[s.length - 1 - i];
          }
          yield sym;
        }
      };
    }
  }

  /** The weight and bias laws as a file writes them: {@code W: normal(0, sw)} and {@code B: normal(0, sb)}. */
  public record Spec(Law w, Law b) {
    /** Reads the two laws from a mapping with exactly the keys W and B. */
    public static Spec of(Map<String, String> laws) {
      if (!laws.keySet().equals(java.util.Set.of("W", "B"))) {
        throw new IllegalArgumentException("the initialisation names the laws of W and B (e.g. W: normal(0, sw) and"
            + " B: normal(0, sb), one per line: inside {...} YAML splits at the commas); got " + laws.keySet());
      }
      return new Spec(Law.parse(laws.get("W")), Law.parse(laws.get("B")));
    }

    public Initialisation evaluate(ToDoubleFunction<String> value) {
      return new Initialisation(w.evaluate(value), b.evaluate(value));
    }
  }

  private final Concrete w;
  private final Concrete b;

  public Initialisation(Concrete w, Concrete b) {
    this.w = w;
    this.b = b;
  }

  public Concrete w() {
    return w;
  }

  public Concrete b() {
    return b;
  }

  /** Draws n units: {@code [0]} the weights, {@code [1]} the biases (weights first, unit by unit). */
  public double[][] sample(int n, RandomGenerator rng) {
    double[] ws = new double[n];
    double[] bs = new double[n];
    for (int k = 0; k < n; k++) {
      ws[k] = w.sample(rng);
      bs[k] = b.sample(rng);
    }
    return new double[][] {ws, bs};
  }

  /**
   * Where the integrand {@code |w|^3 p_{W,B}(w, -w x)} may jump as a function of w: the edges of W's
   * support, and the w at which {@code -w x} crosses an edge of B's support.
   */
  public double[] weightBreaks(double x) {
    java.util.List<Double> out = new java.util.ArrayList<>();
    for (double e : w.edges()) {
      out.add(e);
    }
    if (x != 0) {
      for (double e : b.edges()) {
        out.add(-e / x);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Where zeta may jump or kink as a function of x: the breakpoints {@code -b / w} of a unit whose
   * weight and bias sit at edges (or, for a discrete W, values) of their supports.
   */
  public double[] breakpointEdges() {
    double[] ws = w.discrete() ? w.args() : w.edges();
    java.util.List<Double> out = new java.util.ArrayList<>();
    for (double wv : ws) {
      for (double bv : b.edges()) {
        if (wv != 0) {
          out.add(-bv / wv);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** (W, B) and (-W, -B) have the same law (both coordinates symmetric and independent). */
  public boolean symmetric() {
    return w.symmetric() && b.symmetric();
  }

  @Override
  public String toString() {
    return "W ~ " + w.text() + ", B ~ " + b.text();
  }

  /** Splits on commas outside parentheses and braces. */
  static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(s.substring(start, i).trim());
        start = i + 1;
      }
    }
    out.add(s.substring(start).trim());
    return out;
  }
}
