package ibcheck.crosscheck.read;

import ibcheck.crosscheck.CheckKind;
import ibcheck.spec.YamlNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields a kind of cross-check takes, each declared once as a {@link Field}, in the order the
 * docs list them. From this one declaration come the names the reader allows
 * ({@link CheckKind#fields()}), reading and checking a cross-check ({@link #read}), the quantities a
 * property may draw ({@link #drawable()}), the JSON schema of theorem files and the docs' field
 * tables.
 */
public final class KindFields {
  private final Map<String, Field> byName = new LinkedHashMap<>();

  private KindFields(Collection<Field> fields) {
    for (Field f : fields) {
      byName.put(f.name(), f);
    }
  }

  public static KindFields of(Field... fields) {
    return new KindFields(List.of(fields));
  }

  /**
   * A kind's declaration: a {@link DeclaredKind}'s fields, or, for a kind that states only names, those
   * names untyped.
   */
  public static KindFields of(CheckKind kind) {
    return kind instanceof DeclaredKind d ? d.declaration() : untyped(kind.fields());
  }

  /** Fields known only by name: a kind that declares no more (the schema and docs then state only the names). */
  public static KindFields untyped(Set<String> names) {
    return new KindFields(new TreeSet<>(names).stream().map(Field::untyped).toList());
  }

  /** These fields and the given ones; a given field replaces one of the same name in place. */
  public KindFields with(Field... more) {
    KindFields out = new KindFields(byName.values());
    for (Field f : more) {
      out.byName.put(f.name(), f);
    }
    return out;
  }

  /** These fields but the named ones. */
  public KindFields without(String... names) {
    KindFields out = new KindFields(byName.values());
    for (String n : names) {
      out.byName.remove(n);
    }
    return out;
  }

  /** The names, in declaration order. */
  public Set<String> names() {
    return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(byName.keySet()));
  }

  /** The fields, in declaration order. */
  public List<Field> list() {
    return List.copyOf(byName.values());
  }

  /** The field of that name, or null. */
  public Field field(String name) {
    return byName.get(name);
  }

  /** Whether any field states more than its name. */
  public boolean typed() {
    return byName.values().stream().anyMatch(f -> f.type() != FieldType.ANY);
  }

  /**
   * Every quantity a property may draw in these fields, beyond any the kind adds from the file (such
   * as a model's settings); {@link Drawn} refuses any other.
   */
  public Set<String> drawable() {
    Set<String> out = new TreeSet<>();
    byName.values().forEach(f -> out.addAll(f.draws()));
    return out;
  }

  /**
   * Reads a cross-check's fields: each required one must be there, and each one given must be of its
   * type and within its range or choices; every problem is a file:line error naming the field.
   *
   * @param given the cross-check's fields by name (the reader has already refused unknown ones)
   * @param owner the cross-check, where a missing field is reported
   */
  public FieldValues read(Map<String, YamlNode> given, YamlNode owner) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Field f : byName.values()) {
      YamlNode n = given.get(f.name());
      if (n != null) {
        values.put(f.name(), FieldReading.value(f, n));
      } else if (f.required()) {
        missing.add(f.name());
      } else if (f.defaultValue() != null) {
        values.put(f.name(), FieldReading.defaultValue(f));
      }
    }
    if (!missing.isEmpty()) {
      throw owner.error("missing required field '" + missing.get(0) + "' in the cross-check");
    }
    return new FieldValues(this, values, given, owner);
  }
}
