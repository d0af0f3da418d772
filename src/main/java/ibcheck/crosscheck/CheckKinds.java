package ibcheck.crosscheck;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cross-check kinds beyond the built-in flow and SGD kinds of {@link Crosscheck.Kind}. A new
 * kind is one {@link CheckKind} class and one line here: {@code potential-argmin}
 * ({@link PotentialArgminCheck}) and {@code time-warp} ({@link TimeWarpCheck}).
 */
public final class CheckKinds {
  private static final Map<String, CheckKind> KINDS = new TreeMap<>();

  static {
    // the further results of the seed documents (issue 10, items 1-3 and 6)
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
    register(new WideReluCheck.Kind());
    register(PotentialArgminCheck.KIND);
    register(TimeWarpCheck.KIND);
    register(KernelMarginCheck.KIND);
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

  public static synchronized Set<String> names() {
    return Set.copyOf(KINDS.keySet());
  }
}
