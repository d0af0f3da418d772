package ibcheck.crosscheck.read;

import ibcheck.crosscheck.KindSupport;
import ibcheck.spec.YamlNode;
import java.util.Map;

/**
 * One cross-check's fields as its {@link KindFields} read them: each value already of its declared
 * type and within its range, a default in place of an optional field left out. Asking for a field
 * the kind did not declare, or as another type, is a programming error.
 */
public final class FieldValues {
  private final KindFields declaration;
  private final Map<String, Object> values;
  private final Map<String, YamlNode> nodes;
  private final YamlNode owner;

  FieldValues(KindFields declaration, Map<String, Object> values, Map<String, YamlNode> nodes, YamlNode owner) {
    this.declaration = declaration;
    this.values = values;
    this.nodes = nodes;
    this.owner = owner;
  }

  /** The whole cross-check, for errors that concern it as a whole. */
  public YamlNode owner() {
    return owner;
  }

  /** The cross-check's fields as written, by name, for the blocks a kind reads itself. */
  public Map<String, YamlNode> nodes() {
    return nodes;
  }

  /** Whether the file gives the field (a default does not count). */
  public boolean given(String name) {
    declared(name, null);
    return nodes.containsKey(name);
  }

  /** Whether the field has a value: given, or by default. */
  public boolean has(String name) {
    declared(name, null);
    return values.containsKey(name);
  }

  /** The field's node as written, or null when left out. */
  public YamlNode node(String name) {
    declared(name, null);
    return nodes.get(name);
  }

  /** A number field; NaN when left out without a default. */
  public double number(String name) {
    declared(name, FieldType.NUMBER);
    Object v = values.get(name);
    return v == null ? Double.NaN : (Double) v;
  }

  /** An integer field read as an int: a larger value is an error at its line. */
  public int integer(String name) {
    long v = longInteger(name);
    if (v != (int) v) {
      throw nodes.get(name).error("'" + name + "' must be at most " + Integer.MAX_VALUE + ", got " + v);
    }
    return (int) v;
  }

  public long longInteger(String name) {
    declared(name, FieldType.INTEGER);
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("field '" + name + "' is optional without a default: ask has() first");
    }
    return (Long) v;
  }

  /** A list-of-numbers field, or null when left out. */
  public double[] numbers(String name) {
    declared(name, FieldType.NUMBERS);
    double[] v = (double[]) values.get(name);
    return v == null ? null : v.clone();
  }

  /** A formula field with its location, or null when left out. */
  public KindSupport.Formula formula(String name) {
    declared(name, FieldType.FORMULA);
    return (KindSupport.Formula) values.get(name);
  }

  /** A text field, trimmed, or null when left out without a default. */
  public String text(String name) {
    declared(name, FieldType.TEXT);
    return (String) values.get(name);
  }

  public boolean flag(String name) {
    declared(name, FieldType.FLAG);
    return Boolean.TRUE.equals(values.get(name));
  }

  private void declared(String name, FieldType type) {
    Field f = declaration.field(name);
    if (f == null) {
      throw new IllegalArgumentException("'" + name + "' is not a declared field");
    }
    if (type != null && f.type() != type) {
      throw new IllegalArgumentException("field '" + name + "' is declared " + f.type() + ", read as " + type);
    }
  }
}
