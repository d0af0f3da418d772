package ibcheck.files;

import ibcheck.crosscheck.NumericCheck;
import ibcheck.spec.TheoremSpec;
import java.util.List;

/**
 * A theorem file as a whole: its symbolic part (statement, symbols, definitions, derivation) and its
 * numeric cross-checks, in file order (possibly none).
 */
public record TheoremFile(TheoremSpec spec, List<NumericCheck> crosschecks) {
  public TheoremFile {
    crosschecks = List.copyOf(crosschecks);
  }

  /** The theorem's id. */
  public String id() {
    return spec.id();
  }
}
