package ibcheck.crosscheck.kinds.sgd;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CheckKindFamily;
import java.util.Arrays;
import java.util.List;

/**
 * The SGD and GD kinds, one per {@link SgdCrosscheck.Mode}: {@code moment}, {@code stability} and
 * {@code sharpness}.
 */
public final class SgdKinds implements CheckKindFamily {
  @Override
  public List<CheckKind> kinds() {
    return Arrays.stream(SgdCrosscheck.Mode.values()).<CheckKind>map(SgdKind::new).toList();
  }
}
