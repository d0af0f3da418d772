package ibcheck.crosscheck.read;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.NumericCheck;
import ibcheck.spec.YamlNode;
import java.util.Map;
import java.util.Set;

/**
 * A kind of cross-check that declares its fields ({@link KindFields}): the reader allows exactly
 * those, and the kind receives them already read and checked.
 */
public abstract class DeclaredKind implements CheckKind {
  private final String name;
  private final KindFields declaration;

  protected DeclaredKind(String name, KindFields declaration) {
    this.name = name;
    this.declaration = declaration;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<String> fields() {
    return declaration.names();
  }

  /** Its fields as declared: the types, ranges, defaults and what a property may draw. */
  public final KindFields declaration() {
    return declaration;
  }

  @Override
  public final NumericCheck read(Header header, Map<String, YamlNode> fields, YamlNode node) {
    return read(header, declaration.read(fields, node));
  }

  /**
   * Builds the check from its fields, each already of its type and in its range; what only the kind
   * can check (one field against another, a block's contents) it reports with {@code node(...).error}.
   */
  protected abstract NumericCheck read(Header header, FieldValues fields);
}
