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
  /** Models theorem files declare, keyed {@code name (file)}: a file sees only its own. */
  private static final Map<String, Family> FILE_FAMILIES = new TreeMap<>();

  /** The settings of {@code fc-linear-network}. */
  public static final Set<String> FC_SETTINGS = Set.of("alpha", "shape", "sign", "width", "seed", "shared");

  /**
   * Settings a model family may leave out where a cross-check kind fills defaults
   * ({@code potential-argmin}, {@code time-warp}): one neuron, positive output weights, direction
   * seed 1, independent directions.
   */
  public static final Map<String, Double> DEFAULTS = Map.of("width", 1.0, "sign", 1.0, "seed", 1.0, "shared", 0.0);

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
    register(new Family("fc-linear-network", FC_SETTINGS,
        s -> new FullyConnectedNetwork(s.integer("width"), s.positive("alpha"), s.value("shape"), s.value("sign"),
            s.integer("seed"), s.value("shared") != 0)));
    register(new Family("leaky-relu-neuron", Set.of("alpha", "shape", "slope", "seed"),
        s -> new LeakyReluNeuron(s.positive("alpha"), s.value("shape"), s.value("slope"), s.integer("seed"))));
  }

  private ModelRegistry() {}

  /** Adds a family (tests register deliberately broken models this way). */
  public static synchronized void register(Family family) {
    FAMILIES.put(family.name(), family);
  }

  /**
   * Adds a model a theorem file defines ({@code models:}), visible to that file's cross-checks only:
   * it is keyed {@code name (file)}, which {@link #resolve} maps the file's {@code model: name} to.
   * Reading the file again replaces it.
   */
  public static synchronized void registerInFile(String file, Family family) {
    String key = inFile(family.name(), file);
    FILE_FAMILIES.put(key, new Family(key, family.settings(), family.factory()));
  }

  /**
   * The registry key of the model a cross-check in {@code file} names {@code written}: the file's own
   * model of that name if it defines one, else the built-in name.
   */
  public static synchronized String resolve(String written, String file) {
    String key = inFile(written, file);
    return FILE_FAMILIES.containsKey(key) ? key : written;
  }

  private static String inFile(String name, String file) {
    return name + " (" + file + ")";
  }

  /** The family of that name (a built-in name, or a key from {@link #resolve}), or null. */
  public static synchronized Family family(String name) {
    Family f = FAMILIES.get(name);
    return f != null ? f : FILE_FAMILIES.get(name);
  }

  /** The built-in names (and those tests registered); a file's own models are not listed. */
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
      if (v != Math.rint(v) || Math.abs(v) > (key.equals("seed") ? 1e9 : 1000)) {
        throw new IllegalArgumentException("initialisation setting '" + key + "' must be an integer, got " + v);
      }
      return (int) v;
    }
  }
}
