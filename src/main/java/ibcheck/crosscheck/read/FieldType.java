package ibcheck.crosscheck.read;

/**
 * What a cross-check field holds, as the file writes it. The declaration's type decides how
 * {@link FieldValues} reads the value and what JSON type the schema of theorem files states.
 */
public enum FieldType {
  /** A number or an exact fraction {@code a/b}. */
  NUMBER("number"),
  /** A whole number ({@code _} may separate digit groups). */
  INTEGER("integer"),
  /** A Symja formula, compiled when the check runs. */
  FORMULA("formula"),
  /** One formula, or named formulas {@code {label: formula, ...}} (the kind reads them). */
  FORMULAS("formula or {label: formula}"),
  /** A non-empty list of numbers or fractions. */
  NUMBERS("list of numbers"),
  /** One word or phrase, possibly one of a fixed set of choices. */
  TEXT("text"),
  /** {@code true} or {@code false}. */
  FLAG("true/false"),
  /** A mapping the kind reads itself (data, init, sweep, predicts...). */
  BLOCK("mapping"),
  /** A list the kind reads itself. */
  LIST("list"),
  /** Undeclared: a kind that states only the field's name (kinds a test registers). */
  ANY("any");

  private final String word;

  FieldType(String word) {
    this.word = word;
  }

  /** The type in words, for the docs' field tables. */
  public String word() {
    return word;
  }
}
