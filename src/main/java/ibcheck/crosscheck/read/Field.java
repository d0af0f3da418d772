package ibcheck.crosscheck.read;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One field a kind of cross-check takes, declared once: its name, what it holds, the values it
 * allows, whether it is required or has a default, what it means, and which quantities a property
 * may draw in it ({@link NumericCheck#instantiate}). {@link KindFields} reads and checks a
 * cross-check against such declarations; the JSON schema of theorem files and the field tables of
 * the docs are generated from them.
 *
 * <p>Start from a factory ({@link #number}, {@link #integer}, {@link #formula}, {@link #choice}...),
 * which gives a required field, then narrow it: {@link #in}, {@link #optional}, {@link #byDefault},
 * {@link #drawable}, {@link #draws}.
 *
 * @param name the key in the file
 * @param type what the value is
 * @param description what it means, one line
 * @param required whether a cross-check without it is an error
 * @param defaultValue the value when absent, as the file would write it, or null
 * @param range the numbers a {@link FieldType#NUMBER}, {@link FieldType#INTEGER} or
 *     {@link FieldType#NUMBERS} field allows
 * @param choices the words a {@link FieldType#TEXT} field allows; empty for any
 * @param draws the quantities a property may draw in this field (the field's own name for a plain
 *     setting; the data quantities for a data block); empty for none
 */
public record Field(String name, FieldType type, String description, boolean required, String defaultValue,
    Range range, List<String> choices, Set<String> draws) {

  public Field {
    choices = List.copyOf(choices);
    draws = Collections.unmodifiableSortedSet(new TreeSet<>(draws));
  }

  private static Field of(String name, FieldType type, String description) {
    return new Field(name, type, description, true, null, Range.ANY, List.of(), Set.of());
  }

  public static Field number(String name, String description) {
    return of(name, FieldType.NUMBER, description);
  }

  public static Field integer(String name, String description) {
    return of(name, FieldType.INTEGER, description);
  }

  public static Field formula(String name, String description) {
    return of(name, FieldType.FORMULA, description);
  }

  /** One formula, or formulas by label; the kind reads the node. */
  public static Field formulas(String name, String description) {
    return of(name, FieldType.FORMULAS, description);
  }

  public static Field numbers(String name, String description) {
    return of(name, FieldType.NUMBERS, description);
  }

  public static Field text(String name, String description) {
    return of(name, FieldType.TEXT, description);
  }

  /** A text field that must be one of the given words. */
  public static Field choice(String name, String description, String... choices) {
    return new Field(name, FieldType.TEXT, description, true, null, Range.ANY, List.of(choices), Set.of());
  }

  public static Field flag(String name, String description) {
    return of(name, FieldType.FLAG, description);
  }

  public static Field block(String name, String description) {
    return of(name, FieldType.BLOCK, description);
  }

  public static Field list(String name, String description) {
    return of(name, FieldType.LIST, description);
  }

  /** A field known only by its name (kinds that declare no more). */
  public static Field untyped(String name) {
    return new Field(name, FieldType.ANY, "", false, null, Range.ANY, List.of(), Set.of());
  }

  /** This field, allowing only numbers in {@code r}. */
  public Field in(Range r) {
    return new Field(name, type, description, required, defaultValue, r, choices, draws);
  }

  /** This field, which a cross-check may leave out (the kind then does without it). */
  public Field optional() {
    return new Field(name, type, description, false, null, range, choices, draws);
  }

  /** This field, taking {@code value} (as the file would write it) when left out. */
  public Field byDefault(String value) {
    return new Field(name, type, description, false, value, range, choices, draws);
  }

  /** This field, a setting a property may draw under its own name. */
  public Field drawable() {
    return draws(Set.of(name));
  }

  /** This field, in which a property may draw the given quantities. */
  public Field draws(Set<String> quantities) {
    return new Field(name, type, description, required, defaultValue, range, choices, quantities);
  }

  /** The values it allows, in words: {@code number in (0, 1)}, {@code one of l1, l2}. */
  public String allowed() {
    if (!choices.isEmpty()) {
      return "one of " + String.join(", ", choices);
    }
    boolean numeric = type == FieldType.NUMBER || type == FieldType.INTEGER || type == FieldType.NUMBERS;
    return type.word() + (numeric && !range.equals(Range.ANY) ? " " + range.describe() : "");
  }
}
