package ibcheck.crosscheck;

import java.util.List;

/**
 * A family of kinds of cross-check, found by {@link java.util.ServiceLoader}: each family package
 * names its provider in {@code META-INF/services/ibcheck.crosscheck.CheckKindFamily}, and so may a
 * user's jar on the engine's class path.
 */
public interface CheckKindFamily {
  /** The family's kinds, each under its own {@code kind:} name. */
  List<CheckKind> kinds();
}
