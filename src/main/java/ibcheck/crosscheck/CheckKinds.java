package ibcheck.crosscheck;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every kind of cross-check a theorem file may name with {@code kind:}, by name. The kinds come from
 * the {@link CheckKindFamily} providers on the class path (one per family package); tests register
 * further ones with {@link #register}.
 */
public final class CheckKinds {
  private static final Map<String, CheckKind> KINDS = new TreeMap<>();
  /** The kinds the families provide (the JSON schema lists these, not those a test adds). */
  private static final Set<String> BUILT_IN;

  static {
    for (CheckKindFamily family : ServiceLoader.load(CheckKindFamily.class, CheckKinds.class.getClassLoader())) {
      family.kinds().forEach(CheckKinds::register);
    }
    BUILT_IN = Set.copyOf(KINDS.keySet());
  }

  private CheckKinds() {}

  /** Adds a kind (tests add deliberately broken ones this way). */
  public static synchronized void register(CheckKind kind) {
    KINDS.put(kind.name(), kind);
  }

  /** The kind of that name, or null. */
  public static synchronized CheckKind kind(String name) {
    return KINDS.get(name);
  }

  /** The names of the kinds the families on the class path provide. */
  public static Set<String> builtInNames() {
    return BUILT_IN;
  }

  public static synchronized Set<String> names() {
    return Set.copyOf(KINDS.keySet());
  }
}
