package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CheckKindFamily;
import java.util.List;

/**
 * The kinds for ReLU networks on the line: {@code zeta}, {@code variational}, {@code wide-relu},
 * {@code representation-cost} and {@code linearisation}.
 */
public final class Relu1dKinds implements CheckKindFamily {
  @Override
  public List<CheckKind> kinds() {
    return List.of(new ZetaKind(), new VariationalKind(), new WideReluKind(), new RepresentationCostKind(),
        new LinearisationKind());
  }
}
