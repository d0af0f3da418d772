package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CheckKindFamily;
import java.util.List;

/** The classification kinds: {@code max-margin}, {@code kernel-margin}. */
public final class ClassificationKinds implements CheckKindFamily {
  @Override
  public List<CheckKind> kinds() {
    return List.of(new MaxMarginKind(), new KernelMarginKind());
  }
}
