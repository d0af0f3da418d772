package ibcheck.crosscheck;

import ibcheck.spec.YamlNode;
import java.util.Map;
import java.util.Set;

/**
 * A kind of cross-check a theorem file may name with {@code kind:}: the fields it takes and how it
 * reads them. A family lists its kinds in its {@link CheckKindFamily} provider (a test may also use
 * {@link CheckKinds#register}); the reader has already checked the common fields ({@code name},
 * {@code kind}, {@code timeout}, {@code note}, {@code conjecture}) and rejected any field outside
 * {@link #fields()}.
 */
public interface CheckKind {
  /** The value of {@code kind:} that selects it. */
  String name();

  /**
   * The fields it takes besides the common ones. A kind that also declares their types, ranges,
   * defaults and what a property may draw extends {@link ibcheck.crosscheck.read.DeclaredKind}; the
   * reader, the schema and the docs tables take a kind's declaration from there
   * ({@code KindFields.of(CheckKind)}), and a kind that states only names has untyped fields.
   */
  Set<String> fields();

  /**
   * Reads one cross-check.
   *
   * @param header the common fields, already read
   * @param fields the cross-check's fields by name (only names from {@link #fields()} and the common ones)
   * @param node the whole cross-check, for errors that concern it as a whole
   * @throws ibcheck.spec.SpecException naming file:line and the cause
   */
  NumericCheck read(Header header, Map<String, YamlNode> fields, YamlNode node);

  /** How a kind reads one cross-check: {@link #read}, as a function. */
  @FunctionalInterface
  interface Reader {
    NumericCheck read(Header header, Map<String, YamlNode> fields, YamlNode node);
  }

  /** A kind given by its name, its fields and how it reads them. */
  static CheckKind of(String name, Set<String> fields, Reader reader) {
    Set<String> taken = Set.copyOf(fields);
    return new CheckKind() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<String> fields() {
        return taken;
      }

      @Override
      public NumericCheck read(Header header, Map<String, YamlNode> f, YamlNode node) {
        return reader.read(header, f, node);
      }
    };
  }

  /**
   * The fields every cross-check has.
   *
   * @param name what it checks, in words
   * @param timeoutSeconds its time limit
   * @param location {@code file:line}
   */
  record Header(String name, double timeoutSeconds, String location) {}
}
