package ibcheck.property;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** One drawn instance: a value for every quantity, in declaration order. */
public final class Instance {
  private final Map<String, Double> values;

  private Instance(Map<String, Double> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static Instance empty() {
    return new Instance(new LinkedHashMap<>());
  }

  public Instance with(String name, double value) {
    Map<String, Double> next = new LinkedHashMap<>(values);
    next.put(name, value);
    return new Instance(next);
  }

  public Map<String, Double> values() {
    return values;
  }

  /** Full precision, so that a counterexample can be replayed exactly. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    values.forEach((k, v) -> j.add(k + " = " + (v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.17g", v))));
    return j.toString();
  }
}
