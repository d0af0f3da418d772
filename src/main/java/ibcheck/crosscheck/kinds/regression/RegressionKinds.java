package ibcheck.crosscheck.kinds.regression;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CheckKindFamily;
import java.util.List;

/** The regression kinds: {@code linear-regression}, {@code sphere-kernel}. */
public final class RegressionKinds implements CheckKindFamily {
  @Override
  public List<CheckKind> kinds() {
    return List.of(new LinearRegressionKind(), new SphereKernelKind());
  }
}
