package ibcheck.crosscheck.kinds.matrix;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CheckKindFamily;
import java.util.List;

/** The matrix-factorisation kinds: {@code nuclear-norm}. */
public final class MatrixKinds implements CheckKindFamily {
  @Override
  public List<CheckKind> kinds() {
    return List.of(new NuclearNormKind());
  }
}
