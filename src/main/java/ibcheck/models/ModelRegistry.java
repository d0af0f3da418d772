package ibcheck.models;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The models theorem files may name, each with the initialisation settings it requires. A new model
 * is one class and one line here.
 */
public final class ModelRegistry {

  /** A named model family: its required settings and how settings make a model. */
  public record Family(String name, Set<String> settings, Function<Settings, Model> factory) {}

  private static final Map<String, Family> FAMILIES = new TreeMap<>();

  static {
    register(new Family("diagonal-network", Set.of("alpha"),
        s -> new DiagonalNetwork("diagonal-network", 2, s.positive("alpha"))));
    register(new Family("depth-d-diagonal-network", Set.of("alpha", "depth"),
        s -> new DiagonalNetwork("depth-d-diagonal-network", s.integer("depth"), s.positive("alpha"))));
    register(new Family("linear-regression", Set.of("beta0"), s -> new LinearRegression(s.value("beta0"))));
    register(new Family("untied-diagonal-network", Set.of("alpha", "shape"),
        s -> new UntiedDiagonalNetwork(s.positive("alpha"), s.value("shape"))));
    register(new Family(MatrixFactorisation.COMMUTING, Set.of("alpha", "basis"),
        s -> MatrixFactorisation.commuting(s.positive("alpha"), 0, s.integer("basis"))));
  }

  private ModelRegistry() {}

  /** Adds a family (tests register deliberately broken models this way). */
  public static synchronized void register(Family family) {
    FAMILIES.put(family.name(), family);
  }

  /** The family of that name, or null. */
  public static synchronized Family family(String name) {
    return FAMILIES.get(name);
  }

  public static synchronized Set<String> names() {
    return Set.copyOf(FAMILIES.keySet());
  }

  /**
   * The configured model.
   *
   * @throws IllegalArgumentException naming the model and the setting that is missing or invalid
   */
  public static Model create(String name, Map<String, Double> settings) {
    Family f = family(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown model '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    try {
      return f.factory().apply(new Settings(settings));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("model '" + name + "': " + e.getMessage(), e);
    }
  }

  /** Named scalar settings with checked access. */
  public record Settings(Map<String, Double> values) {
    public double value(String key) {
      Double v = values.get(key);
      if (v == null || !Double.isFinite(v)) {
        throw new IllegalArgumentException("initialisation setting '" + key + "' is missing or not finite");
      }
      return v;
    }

    public double positive(String key) {
      double v = value(key);
      if (!(v > 0)) {
        throw new IllegalArgumentException("initialisation setting '" + key + "' must be positive, got " + v);
      }
      return v;
    }

    public int integer(String key) {
      double v = value(key);
      if (v != Math.rint(v) || Math.abs(v) > 1000) {
        throw new IllegalArgumentException("initialisation setting '" + key + "' must be an integer, got " + v);
      }
      return (int) v;
    }
  }
}
