package ibcheck.crosscheck.kinds.flow;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CheckKindFamily;
import java.util.List;

/**
 * The gradient-flow kinds: {@code agreement}, {@code regime}, {@code threshold}, {@code invariant},
 * {@code approaches}, {@code kernel-trajectory}, {@code potential-argmin}, {@code time-warp} and
 * {@code convex-flow}.
 */
public final class FlowKinds implements CheckKindFamily {
  @Override
  public List<CheckKind> kinds() {
    return List.of(new AgreementKind(), new RegimeKind(), new ThresholdKind(), new InvariantKind(), new ApproachKind(),
        new KernelTrajectoryKind(), new PotentialArgminKind(), new TimeWarpKind(), new ConvexFlowKind());
  }
}
