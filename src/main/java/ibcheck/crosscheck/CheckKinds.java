package ibcheck.crosscheck;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every kind of cross-check a theorem file may name with {@code kind:}, by name. A new kind is one
 * {@link CheckKind} class and one line here; tests register further ones with {@link #register}.
 */
public final class CheckKinds {
  private static final Map<String, CheckKind> KINDS = new TreeMap<>();
  /** The kinds that ship with ibcheck (the JSON schema lists these, not those a test adds). */
  private static final Set<String> BUILT_IN;

  static {
    register(new AgreementKind());
    register(new RegimeKind());
    register(new ThresholdKind());
    register(new InvariantKind());
    for (SgdCrosscheck.Mode mode : SgdCrosscheck.Mode.values()) {
      register(new SgdKind(mode));
    }
    register(new LinearRegressionKind());
    register(new ConvexFlowKind());
    register(new SphereKernelKind());
    register(new KernelTrajectoryKind());
    register(new ApproachKind());
    register(MaxMarginCheck.KIND);
    register(NuclearNormCheck.KIND);
    register(RepresentationCostCheck.KIND);
    register(LinearisationCheck.KIND);
    register(new ZetaCheck.Kind());
    register(new VariationalCheck.Kind());
    register(new WideReluKind());
    register(PotentialArgminCheck.KIND);
    register(TimeWarpCheck.KIND);
    register(KernelMarginCheck.KIND);
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

  /** The names of the kinds that ship with ibcheck. */
  public static Set<String> builtInNames() {
    return BUILT_IN;
  }

  public static synchronized Set<String> names() {
    return Set.copyOf(KINDS.keySet());
  }
}
