package ibcheck.crosscheck.read;

import ibcheck.crosscheck.KindSupport;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The quantities a property drew for one instance of a cross-check ({@link
 * ibcheck.crosscheck.NumericCheck#instantiate}), read against what the check may draw: its kind's
 * declared fields ({@link KindFields#drawable()}) and any settings its file adds, such as a model's or
 * the parameters'. Every kind reads its draws here, so a quantity the check has no setting for, or a
 * fractional value for a count or a seed, is refused alike whatever the kind.
 */
public final class Drawn {
  private final Map<String, Double> values;
  private final String check;

  private Drawn(Map<String, Double> values, String check) {
    this.values = values;
    this.check = check;
  }

  /**
   * The draws for a check whose settings are its declared drawable fields and the given ones.
   *
   * @param drawn the quantities and the values drawn for them
   * @param check the cross-check's name, for the errors
   * @param settings what the check may draw
   * @throws IllegalArgumentException naming the first quantity outside {@code settings} and listing them
   */
  public static Drawn of(Map<String, Double> drawn, String check, Collection<String> settings) {
    for (String q : drawn.keySet()) {
      if (!settings.contains(q)) {
        throw KindSupport.notASetting(q, check, new TreeSet<>(settings));
      }
    }
    return new Drawn(new LinkedHashMap<>(drawn), check);
  }

  /** The draws for a check that may draw its declaration's drawable fields and the given settings. */
  public static Drawn of(Map<String, Double> drawn, String check, KindFields declaration, Collection<String> settings) {
    Set<String> all = new TreeSet<>(declaration.drawable());
    all.addAll(settings);
    return of(drawn, check, all);
  }

  /** Whether the property drew the quantity. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The drawn value of a real setting, or {@code current} when not drawn. */
  public double number(String name, double current) {
    return values.getOrDefault(name, current);
  }

  /** The drawn value of a count, or {@code current} when not drawn. */
  public int integer(String name, int current) {
    long v = longInteger(name, current);
    if (v != (int) v) {
      throw new IllegalArgumentException("cross-check '" + check + "': '" + name + "' = " + v + " is too large");
    }
    return (int) v;
  }

  /** The drawn value of an integer setting such as a seed, or {@code current} when not drawn. */
  public long longInteger(String name, long current) {
    Double v = values.get(name);
    if (v == null) {
      return current;
    }
    if (v != Math.rint(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("cross-check '" + check + "': '" + name + "' is a whole number, drawn "
          + v + " (draw it with 'int in [a, b]')");
    }
    return v.longValue();
  }

  /** The draws among the given quantities, in drawing order: those a model, a grid or a data block takes. */
  public Map<String, Double> among(Collection<String> names) {
    Map<String, Double> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (names.contains(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Every draw, in drawing order. */
  public Map<String, Double> all() {
    return java.util.Collections.unmodifiableMap(values);
  }
}
