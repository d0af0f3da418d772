package ibcheck.crosscheck.read;

import ibcheck.crosscheck.KindSupport;
import ibcheck.spec.YamlNode;
import java.util.List;

/**
 * Reads one declared field's value from its YAML node, by its {@link FieldType}, and checks it
 * against the field's range or choices; every message names the field and is reported at its line.
 */
final class FieldReading {
  private FieldReading() {}

  static Object value(Field f, YamlNode n) {
    return switch (f.type()) {
      case NUMBER -> inRange(f, n, CrosscheckReader.number(n));
      case INTEGER -> integer(f, n);
      case NUMBERS -> numbers(f, n);
      case FORMULA -> new KindSupport.Formula(n.text().trim(), n.location());
      case TEXT -> text(f, n);
      case FLAG -> n.bool();
      case BLOCK -> {
        n.mapping();
        yield n;
      }
      case LIST -> {
        n.sequence();
        yield n;
      }
      case FORMULAS, ANY -> n;
    };
  }

  /** The declared default, as the file would write it, read as a value of the field's type. */
  static Object defaultValue(Field f) {
    String d = f.defaultValue();
    return switch (f.type()) {
      case NUMBER -> Double.parseDouble(d);
      case INTEGER -> Long.parseLong(d.replace("_", ""));
      case FLAG -> Boolean.parseBoolean(d);
      case TEXT -> d;
      default -> throw new IllegalStateException("field '" + f.name() + "' of type " + f.type()
          + " cannot have a default");
    };
  }

  private static double inRange(Field f, YamlNode n, double v) {
    if (!f.range().contains(v)) {
      throw n.error("'" + f.name() + "' must be " + f.range().describe() + ", got " + n.text().trim());
    }
    return v;
  }

  private static long integer(Field f, YamlNode n) {
    String t = n.text().trim();
    long v;
    try {
      v = Long.parseLong(t.replace("_", ""));
    } catch (NumberFormatException e) {
      throw n.error("'" + f.name() + "' must be an integer, got '" + t + "'");
    }
    inRange(f, n, v);
    return v;
  }

  private static double[] numbers(Field f, YamlNode n) {
    List<YamlNode> items = n.sequence();
    if (items.isEmpty()) {
      throw n.error("'" + f.name() + "' is an empty list");
    }
    double[] out = new double[items.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = inRange(f, items.get(i), CrosscheckReader.number(items.get(i)));
    }
    return out;
  }

  private static String text(Field f, YamlNode n) {
    String t = n.text().trim();
    if (!f.choices().isEmpty() && !f.choices().contains(t)) {
      throw n.error("'" + f.name() + "' must be " + words(f.choices()) + ", got '" + t + "'");
    }
    return t;
  }

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  static String words(List<String> choices) {
    int last = choices.size() - 1;
    return last == 0 ? choices.get(0) : String.join(", ", choices.subList(0, last)) + " or " + choices.get(last);
  }
}
